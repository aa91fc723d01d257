"""Errors of our own, each able to say where the problem is and what would fix it.

Every user-facing failure derives from :class:`KhcnError`; the CLI prints its
message and exits with code 2 instead of showing a traceback.
"""

from __future__ import annotations

from pathlib import Path


class KhcnError(Exception):
    """Base class: a problem the user can act on."""

    exit_code = 2


class InputError(KhcnError):
    """A value in an input file is not what it should be.

    Carries the file, the location inside it (row, column or field path),
    what was found and what was expected, so the message names all four.
    """

    def __init__(
        self,
        file: str | Path | None,
        location: str | None,
        found: object,
        expected: str,
        hint: str | None = None,
    ) -> None:
        self.file = str(file) if file is not None else None
        self.location = location
        self.found = found
        self.expected = expected
        self.hint = hint
        super().__init__(self._message())

    def _message(self) -> str:
        where = self.file or "<input>"
        if self.location:
            where = f"{where}, {self.location}"
        found = _shorten(self.found if isinstance(self.found, str) else repr(self.found))
        text = f"{where}: found {found!s}; expected {self.expected}"
        if self.hint:
            text += f" ({self.hint})"
        return text


#: A found value longer than this is cut in messages: a 1 MB cell must not flood the terminal.
MAX_FOUND_CHARS = 200


def _shorten(text: str) -> str:
    if len(text) <= MAX_FOUND_CHARS:
        return text
    return f"{text[:MAX_FOUND_CHARS]}… ({len(text):,} characters in all)"


#: Problems listed in one message; the rest are counted. 20,000 pasted rows used to print a
#: 3.6 MB message that buried the first, useful lines.
MAX_REPORTED = 50


class InputErrors(KhcnError):
    """Several input problems reported together, so a user fixes them in one pass.

    The message lists the first :data:`MAX_REPORTED` problems and counts the rest;
    ``errors`` keeps them all.
    """

    def __init__(self, errors: list[InputError], what: str = "input") -> None:
        self.errors = list(errors)
        lines = [f"{len(self.errors)} problem(s) in {what}:"]
        lines += [f"  - {e}" for e in self.errors[:MAX_REPORTED]]
        if len(self.errors) > MAX_REPORTED:
            lines.append(f"  … and {len(self.errors) - MAX_REPORTED} more problem(s) of the same kinds; "
                         "fix the ones above and run the command again to see the rest")
        super().__init__("\n".join(lines))


class NotBuiltError(KhcnError):
    """A step needs an output that has not been built yet."""
