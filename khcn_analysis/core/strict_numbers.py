"""Numeric field types that refuse booleans and text.

pydantic's lax mode turns ``True`` into 1 and ``"12"`` into 12: ``draws: true`` in a
scenario became a one-draw run. Fields typed :data:`Number` or :data:`Integer` accept
numbers only (Python or numpy ints and floats; an integer field also takes ``5.0``) and
say why anything else is refused, including the YAML 1.1 spellings the strict loader
leaves as text (``012``, ``1:0``, ``yes``).
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

from pydantic import BeforeValidator
from pydantic_core import PydanticCustomError

from khcn_analysis.core.strict_yaml import ambiguous_number_hint

__all__ = ["Integer", "Number", "refuse_bool_and_text"]


def refuse_bool_and_text(value: Any) -> Any:
    """Pass numbers through; refuse ``True``/``False`` and text with a reason."""
    # numpy from sys.modules, not imported: a numpy bool exists only once numpy is loaded,
    # and loading scenarios (khcn validate) must not cost numpy's import.
    np = sys.modules.get("numpy")
    if isinstance(value, bool) or (np is not None and isinstance(value, np.bool_)):
        raise PydanticCustomError(
            "number_expected", "a number, not true/false (a yes/no value is not a count or a rate)")
    if isinstance(value, str):
        hint = ambiguous_number_hint(value)
        raise PydanticCustomError(
            "number_expected", "a number written as a plain decimal" + (f" ({hint})" if hint else ""))
    return value


#: A real number (int or float); booleans and text refused.
Number = Annotated[float, BeforeValidator(refuse_bool_and_text)]
#: A whole number; booleans and text refused (``5.0`` is accepted as 5, ``5.5`` is not).
Integer = Annotated[int, BeforeValidator(refuse_bool_and_text)]
