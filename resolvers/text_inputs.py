"""The text policy (core/text.py) as pydantic validators, for every text argument and input.

Placed after a field's length bound: `Annotated[str, StringConstraints(max_length=200), Line]`.
"""

from __future__ import annotations

from pydantic import AfterValidator

from core.text import clean_text


def _line(value: str) -> str:
    return clean_text(value)


def _lines(value: str) -> str:
    return clean_text(value, multiline=True, required=False)


def _required_lines(value: str) -> str:
    return clean_text(value, multiline=True)


#: One line with something visible in it: titles, names, filenames.
Line = AfterValidator(_line)
#: Optional text that may span lines: bodies, bios, alt texts.
Lines = AfterValidator(_lines)
#: Text that may span lines and must say something: comments.
RequiredLines = AfterValidator(_required_lines)
