"""The plan as data and its audit.

``model`` (targets, the plan), ``budget`` (phases and lines), ``fields`` (vocabularies,
errors), ``load`` (reading a file), ``text`` (the plan as terminal text), ``national``
(national targets beside the province's), ``target_path`` (the path the targets trace)
and ``audit/`` (the plan's own arithmetic, by theme).
"""
