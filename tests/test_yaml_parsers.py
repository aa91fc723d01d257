"""The strict YAML loader parses with libyaml where PyYAML has it, and gets what the Python parser gets.

``yaml.CParser`` does not exist (PyYAML exports only the C loaders), so a check for it once
sent every plan and scenario through the pure-Python parser, 50 times slower.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from khcn_analysis.core import strict_yaml

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = sorted([*(ROOT / "data" / "raw").rglob("*.yaml"), *(ROOT / "scenarios").glob("*.yaml")])


class _PythonLoader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer,
                    strict_yaml._Constructor, strict_yaml._Resolver):
    """The loader the module falls back to without libyaml."""

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        strict_yaml._Constructor.__init__(self)
        strict_yaml._Resolver.__init__(self)


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML built without libyaml")
def test_the_loader_parses_in_c_where_libyaml_is_there():
    assert issubclass(strict_yaml._Loader, yaml.cyaml.CParser)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_c_and_python_parsers_read_every_shipped_file_alike(path: Path, monkeypatch):
    assert SHIPPED  # the plan, the ranges, the scenarios
    text = path.read_text(encoding="utf-8-sig")
    fast = strict_yaml.parse_yaml(text, source=path, expected="x")
    monkeypatch.setattr(strict_yaml, "_Loader", _PythonLoader)
    slow = strict_yaml.parse_yaml(text, source=path, expected="x")
    assert fast.data == slow.data and fast.lines == slow.lines


@pytest.mark.parametrize("text", ["a: 1\na: 2\n", "base: &b {x: 1}\nother:\n  <<: *b\n", "a: yes\nb: 012\n"])
def test_c_and_python_parsers_refuse_and_resolve_alike(text: str, monkeypatch):
    def outcome():
        try:
            return strict_yaml.parse_yaml(text, expected="x").data
        except strict_yaml.YamlError as err:
            return str(err)

    fast = outcome()
    monkeypatch.setattr(strict_yaml, "_Loader", _PythonLoader)
    assert fast == outcome()
