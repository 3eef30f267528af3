"""The one text policy: what any text a client sends may contain, and how it is normalised.

Every stored or displayed text input (titles, bodies, comments, names, bios, alt texts,
filenames, report reasons, notes) goes through `clean_text`, so a rule holds however a
field spells its input:

- Unicode NFC normalisation (one spelling for "é", so equal texts compare equal);
  in multi-line texts, CRLF and CR become LF;
- refused, with the code point named: control characters (C0, C1, DEL; only TAB and LF in
  multi-line texts), lone surrogates, private-use characters, noncharacters, line and
  paragraph separators, bidirectional embeddings, overrides and isolates (`U+202E` makes
  "evil" display reversed), and every other invisible format character except the few
  that real text needs (zero-width joiner and non-joiner, zero-width space, soft hyphen,
  left-to-right / right-to-left / Arabic letter marks, emoji tag characters);
- nothing is removed silently but surrounding whitespace (stripped first);
- a required text must contain something visible: not only spaces, marks, format
  characters or the blank "letters" that render as nothing (Hangul fillers, braille blank).
"""

from __future__ import annotations

import unicodedata

#: Format characters (category Cf) that ordinary text needs; every other one is refused.
ALLOWED_FORMAT = frozenset(
    {
        "\u00ad",  # soft hyphen
        "\u061c",  # Arabic letter mark
        "\u200b",  # zero-width space (word breaks in Thai, Khmer...)
        "\u200c",  # zero-width non-joiner (Persian, Indic scripts)
        "\u200d",  # zero-width joiner (emoji sequences)
        "\u200e",  # left-to-right mark
        "\u200f",  # right-to-left mark
        *(chr(c) for c in range(0xE0020, 0xE0080)),  # tags (subdivision flag emoji)
    }
)
#: Letters and symbols that render as blank space: they do not make a text visible.
BLANK_GLYPHS = frozenset(
    {"\u115f", "\u1160", "\u3164", "\uffa0", "\u2800", "\u17b4", "\u17b5", "\u034f"}
)
_REFUSED_CATEGORIES = frozenset({"Cc", "Cs", "Co", "Zl", "Zp"})
_LINE_CONTROLS = frozenset({"\n", "\t"})


class TextRefused(ValueError):
    """The text breaks the policy; the message says which character and why."""


def _describe(char: str) -> str:
    name = unicodedata.name(char, "") or unicodedata.category(char)
    return f"U+{ord(char):04X} ({name})"


def _is_noncharacter(code: int) -> bool:
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def refused_character(text: str, *, multiline: bool = False) -> str | None:
    """The first character the policy refuses, or None."""
    for char in text:
        category = unicodedata.category(char)
        if multiline and char in _LINE_CONTROLS:
            continue
        if category in _REFUSED_CATEGORIES or _is_noncharacter(ord(char)):
            return char
        if category == "Cf" and char not in ALLOWED_FORMAT:
            return char
    return None


def is_visible(text: str) -> bool:
    """Whether anything in the text draws ink: a letter, digit, punctuation or symbol."""
    return any(
        unicodedata.category(char)[0] in "LNPS" and char not in BLANK_GLYPHS for char in text
    )


def clean_text(value: str, *, multiline: bool = False, required: bool = True) -> str:
    """The text as it is stored: normalised and stripped; raises TextRefused.

    `required`: the text must contain something visible (an optional text may be empty,
    but not made only of invisible characters).
    """
    if multiline:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = value.strip()
    # Refused before normalising: NFC cannot be computed over lone surrogates.
    refused = refused_character(value, multiline=multiline)
    if refused is not None:
        if refused in "\n\r":
            raise TextRefused("must be a single line")
        raise TextRefused(f"contains {_describe(refused)}, which is not allowed in text")
    text = unicodedata.normalize("NFC", value)
    if (required or text) and not is_visible(text):
        raise TextRefused("must contain visible characters" if text else "must not be empty")
    return text
