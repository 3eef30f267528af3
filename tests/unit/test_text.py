"""The text policy: normalisation, refused characters, something visible."""

from __future__ import annotations

import pytest

from core.text import TextRefused, clean_text

ACCEPTED = {
    "plain": ("Hello", {}, "Hello"),
    "stripped": ("  Hello \t", {}, "Hello"),
    "NFC": ("Cafe\u0301", {}, "Caf\u00e9"),
    "emoji with joiners and a variation selector": ("\U0001f469\u200d\U0001f4bb\ufe0f", {}, None),
    "a subdivision flag (tag characters)": (
        "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
        {},
        None,
    ),
    "Persian with a zero-width non-joiner": (
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
        {},
        None,
    ),
    "Hebrew with a right-to-left mark": ("\u05e9\u05dc\u05d5\u05dd\u200f!", {}, None),
    "Thai with a zero-width space": ("\u0e2a\u0e27\u0e31\u0e2a\u200b\u0e14\u0e35", {}, None),
    "line breaks in multi-line text": ("a\r\nb\rc\n\td", {"multiline": True}, "a\nb\nc\n\td"),
    "empty optional text": ("", {"required": False}, ""),
}
REFUSED = {
    "empty": ("", {}),
    "blank": ("  \u3000 ", {}),
    "zero-width spaces only": ("\u200b\u200b", {}),
    "Hangul filler": ("\u3164", {}),
    "Hangul filler in optional text": ("\u3164", {"required": False}),
    "braille blank": ("\u2800", {}),
    "combining marks only": ("\u0301\u0301", {}),
    "NUL": ("a\x00b", {}),
    "DEL": ("a\x7fb", {}),
    "C1 control": ("a\x85b", {}),
    "terminal escape": ("\x1b[2Jhi", {}),
    "newline in a single line": ("a\nb", {}),
    "tab in a single line": ("a\tb", {}),
    "bidi override": ("\u202eevil", {}),
    "bidi isolate": ("a\u2066b\u2069", {}),
    "bidi override in multi-line text": ("ok\n\u202eevil", {"multiline": True}),
    "byte order mark": ("\ufeffa", {}),
    "invisible times": ("a\u2062b", {}),
    "line separator": ("a\u2028b", {"multiline": True}),
    "lone surrogate": ("a\ud800b", {}),
    "private use": ("a\ue000", {}),
    "noncharacter": ("a\ufffe", {}),
}


@pytest.mark.parametrize(("text", "options", "expected"), ACCEPTED.values(), ids=ACCEPTED)
def test_real_text_is_kept(text: str, options: dict[str, bool], expected: str | None) -> None:
    assert clean_text(text, **options) == (text if expected is None else expected)


@pytest.mark.parametrize(("text", "options"), REFUSED.values(), ids=REFUSED)
def test_invisible_and_control_characters_are_refused(text: str, options: dict[str, bool]) -> None:
    with pytest.raises(TextRefused) as caught:
        clean_text(text, **options)
    assert str(caught.value)


def test_the_refusal_names_the_character() -> None:
    with pytest.raises(TextRefused, match=r"U\+202E \(RIGHT-TO-LEFT OVERRIDE\)"):
        clean_text("\u202eevil")
