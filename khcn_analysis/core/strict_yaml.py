"""The one YAML loader for the workbook's hand-written files: plans, scenarios, assumptions.

Why not ``yaml.safe_load``: it silently keeps the last of two equal keys (a scenario
listing ``grdp_growth_pct: 12`` then ``grdp_growth_pct: 39`` ran at 39), it follows
YAML 1.1, which turns ``yes``/``no``/``on``/``off`` into booleans, ``012`` into 10
(octal) and ``1:0`` into 60 (base 60), and it expands aliases without limit, so a
4 KB "billion laughs" file can take the machine down.

This loader:

- reads at most :data:`MAX_BYTES` (the size is checked before parsing);
- resolves plain scalars by the YAML 1.2 core schema, stricter still: ``true``/``false``
  are the only booleans, numbers are decimal without a leading zero; anything else
  (``yes``, ``012``, ``1:0``, ``0x1F``, ``1_000``) stays text, which a numeric field
  then refuses with a message saying why (:func:`ambiguous_number_hint`);
- refuses duplicate keys, explicit tags other than the plain ones, merge keys, and a
  document whose alias-expanded size exceeds :data:`MAX_NODES` (counted on the node
  graph before any Python object is built, so the bound holds by construction);
- reports every problem as an :class:`~khcn_analysis.core.errors.InputError` naming the
  file, the line, what was found and what was expected;
- remembers the line of every key and list item, so a later schema error can name its
  line too (:meth:`YamlDocument.line`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from khcn_analysis.core.errors import InputError

__all__ = [
    "MAX_BYTES",
    "MAX_NODES",
    "YamlDocument",
    "YamlError",
    "ambiguous_number_hint",
    "parse_yaml",
    "read_yaml",
]

#: Largest file read, in bytes. The biggest real file (the plan) is about 25 KB.
MAX_BYTES = 1_000_000
#: Most nodes a document may have once aliases are expanded (the plan has about 2,000).
MAX_NODES = 100_000

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"

_DECIMAL = r"[-+]?(?:0|[1-9][0-9]*)"
#: Plain scalars resolved to something other than text, and what each must look like.
_PLAIN = {
    _BOOL: re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    _INT: re.compile(rf"^{_DECIMAL}$"),
    _FLOAT: re.compile(
        rf"^(?:{_DECIMAL}(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\.[0-9]+(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    _NULL: re.compile(r"^(?:~|null|Null|NULL|)$"),
}


class YamlError(InputError):
    """A YAML file that cannot be read as plain data (see the module docstring)."""


class _Resolver(yaml.resolver.BaseResolver):
    """YAML 1.2 core schema, without octal, hexadecimal, base-60 or ``yes``/``no``."""


for _tag, _first in ((_BOOL, "tTfF"), (_INT, "-+0123456789"), (_FLOAT, "-+0123456789."),
                     (_NULL, ["~", "n", "N", ""])):
    _Resolver.add_implicit_resolver(_tag, _PLAIN[_tag], list(_first))


class _Constructor(yaml.constructor.SafeConstructor):
    """SafeConstructor that refuses a key given twice in one mapping."""

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:  # type: ignore[override]
        seen: dict[object, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            try:
                first = seen.get(key)
            except TypeError:  # a list or mapping used as a key
                raise _Refusal(key_node, "a list or mapping used as a key", "a plain key (text or number)") from None
            if first is not None:
                raise _Refusal(key_node, f"a duplicate key {key!r} (first at line {first})",
                               "each key at most once in a mapping")
            seen[key] = line
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            mapping[self.construct_object(key_node, deep=deep)] = self.construct_object(value_node, deep=deep)
        return mapping


# libyaml: the same nodes, parsed in C (about 10x faster). ``yaml.CParser`` does not exist (the
# package exports only the C loaders and dumpers), so it is taken from ``yaml.cyaml``.
_CParser = getattr(yaml, "cyaml", None) and getattr(yaml.cyaml, "CParser", None)

if _CParser is not None:

    class _Loader(_CParser, _Constructor, _Resolver):  # type: ignore[misc,valid-type]
        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            _Constructor.__init__(self)
            _Resolver.__init__(self)

else:  # pragma: no cover - PyYAML without libyaml

    class _Loader(  # type: ignore[no-redef]
        yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer,
        _Constructor, _Resolver,
    ):
        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
            _Constructor.__init__(self)
            _Resolver.__init__(self)


class _Refusal(Exception):
    """Raised while checking or building nodes; turned into a :class:`YamlError`."""

    def __init__(self, node: Node, found: str, expected: str) -> None:
        self.node, self.found, self.expected = node, found, expected
        super().__init__(found)


@dataclass(frozen=True)
class YamlDocument:
    """Plain data read from a YAML file, with the line of every key and list item."""

    data: Any
    source: str
    lines: Mapping[tuple[Any, ...], int] = field(default_factory=dict, repr=False)

    def line(self, loc: Sequence[Any]) -> int | None:
        """1-based line of the deepest known part of ``loc`` (a field path such as
        ``("targets", 3, "lower")``); None if not even its first part is known."""
        parts = tuple(loc)
        while parts:
            if parts in self.lines:
                return self.lines[parts]
            parts = parts[:-1]
        return None

    def where(self, loc: Sequence[Any], label: str | None = None) -> str:
        """``targets[3].lower (line 12)``: the location an error message names."""
        line = self.line(loc)
        text = label if label is not None else _loc_text(loc)
        if line is None:
            return text
        return f"{text} (line {line})" if text else f"line {line}"


def _loc_text(loc: Sequence[Any]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def read_yaml(path: str | Path, *, expected: str, max_bytes: int = MAX_BYTES,
              max_nodes: int = MAX_NODES) -> YamlDocument:
    """Read a YAML mapping from ``path``; ``expected`` says what the file should hold.

    A missing file or a folder raises the ``OSError`` as is (the CLI names it); every
    other problem raises :class:`YamlError`.
    """
    path = Path(path)
    if path.is_file() and path.stat().st_size > max_bytes:
        raise YamlError(path, None, f"a file of {path.stat().st_size:,} bytes",
                        f"at most {max_bytes:,} bytes ({expected})")
    with path.open("rb") as handle:
        raw = handle.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise YamlError(path, None, f"more than {max_bytes:,} bytes", f"at most {max_bytes:,} bytes ({expected})")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise YamlError(path, f"line {line}, byte {err.start + 1}",
                        f"bytes that are not UTF-8 ({raw[err.start:err.start + 2].hex(' ')})",
                        "a UTF-8 text file", "re-save it as UTF-8") from None
    return parse_yaml(text, source=path, expected=expected, max_nodes=max_nodes)


def parse_yaml(text: str, *, source: str | Path | None = None, expected: str,
               max_nodes: int = MAX_NODES) -> YamlDocument:
    """:func:`read_yaml` for text already in memory (``source`` names it in messages)."""
    where = str(source) if source is not None else "<text>"
    loader = _Loader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as err:
            mark = err.problem_mark or err.context_mark
            at = f"line {mark.line + 1}, column {mark.column + 1}" if mark else None
            problem = err.problem or err.context or "unreadable YAML"
            raise YamlError(where, at, f"invalid YAML ({problem})", f"valid YAML ({expected})") from None
        except yaml.YAMLError as err:
            raise YamlError(where, None, f"invalid YAML ({str(err).splitlines()[0]})",
                            f"valid YAML ({expected})") from None
        if node is None or (isinstance(node, ScalarNode) and node.tag == _NULL):
            raise YamlError(where, None, "an empty file", expected)
        if not isinstance(node, MappingNode):
            kind = "a list" if isinstance(node, SequenceNode) else f"the single value {node.value!r}"
            raise YamlError(where, None, f"{kind} at the top level", expected)
        try:
            _check_graph(node, max_nodes)
            lines: dict[tuple[Any, ...], int] = {}
            _index_lines(node, (), lines)
            data = loader.construct_document(node)
        except _Refusal as err:
            mark = err.node.start_mark
            raise YamlError(where, f"line {mark.line + 1}, column {mark.column + 1}", err.found,
                            err.expected) from None
        except yaml.YAMLError as err:  # a constructor's own complaint (e.g. a bad !!binary)
            raise YamlError(where, None, f"invalid YAML ({str(err).splitlines()[0]})",
                            f"valid YAML ({expected})") from None
    finally:
        loader.dispose()
    return YamlDocument(data, where, lines)


def _check_graph(root: Node, max_nodes: int) -> None:
    """Count the nodes as if every alias were expanded; refuse cycles, tags, merge keys.

    The node graph has one node per anchor however often it is referenced, so the
    expanded size is computed once per node (memoised): linear in the file, whatever
    the expansion would be.
    """
    size: dict[int, int] = {}
    open_nodes: set[int] = set()

    def visit(node: Node) -> int:
        key = id(node)
        if key in size:
            return size[key]
        if key in open_nodes:
            raise _Refusal(node, "an alias that refers to itself", "data without recursive aliases")
        _check_tag(node)
        open_nodes.add(key)
        total = 1
        if isinstance(node, SequenceNode):
            children = node.value
        elif isinstance(node, MappingNode):
            children = [n for pair in node.value for n in pair]
            for key_node, _ in node.value:
                # A plain scalar's style is None from the Python parser, "" from libyaml.
                if key_node.tag == "tag:yaml.org,2002:merge" or (
                    isinstance(key_node, ScalarNode) and key_node.value == "<<" and not key_node.style
                ):
                    raise _Refusal(key_node, "a merge key '<<'", "each key written out (merge keys are not used)")
        else:
            children = []
        for child in children:
            total += visit(child)
            if total > max_nodes:
                raise _Refusal(child, f"more than {max_nodes:,} values once aliases are expanded",
                               f"at most {max_nodes:,} values (an alias bomb?)")
        open_nodes.discard(key)
        size[key] = total
        return total

    visit(root)


def _check_tag(node: Node) -> None:
    if isinstance(node, SequenceNode):
        ok = node.tag == _SEQ
    elif isinstance(node, MappingNode):
        ok = node.tag == _MAP
    else:
        pattern = _PLAIN.get(node.tag)
        ok = node.tag == _STR or (pattern is not None and bool(pattern.match(node.value)))
    if not ok:
        raise _Refusal(node, f"a value tagged {node.tag!r}" + (
            f" ({node.value!r})" if isinstance(node, ScalarNode) else ""),
            "plain values: text, decimal numbers, true/false, null, lists and mappings")


def _index_lines(node: Node, path: tuple[Any, ...], lines: dict[tuple[Any, ...], int]) -> None:
    if isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode):
                key = _scalar_key(key_node)
                lines.setdefault((*path, key), key_node.start_mark.line + 1)
                _index_lines(value_node, (*path, key), lines)
    elif isinstance(node, SequenceNode):
        for i, item in enumerate(node.value):
            lines.setdefault((*path, i), item.start_mark.line + 1)
            _index_lines(item, (*path, i), lines)


def _scalar_key(node: ScalarNode) -> Any:
    if node.tag == _INT:
        return int(node.value)
    return node.value


# ---- numbers written the YAML 1.1 way -------------------------------------------------------

_AMBIGUOUS = (
    (re.compile(r"^(?:yes|no|on|off|y|n)$", re.I),
     "{text} is a yes/no word, which older YAML readers turn into true/false"),
    (re.compile(r"^[-+]?0[0-9_]+$"),
     "{text} has a leading zero, which older YAML readers read as an octal number"),
    (re.compile(r"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$"),
     "{text} is a base-60 number to older YAML readers (1:0 is 60)"),
    (re.compile(r"^[-+]?0[xob][0-9a-fA-F_]+$"), "{text} is not a decimal number"),
    (re.compile(r"^[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?$"), "{text} has '_' between digits"),
)


def ambiguous_number_hint(value: object) -> str | None:
    """Why ``value`` (text where a number is expected) is not read as one, if it looks like one."""
    if not isinstance(value, str):
        return None
    for pattern, message in _AMBIGUOUS:
        if pattern.match(value.strip()):
            return message.format(text=repr(value))
    return None
