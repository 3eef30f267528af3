"""Mentions and hashtags on a table of tricky texts; offsets in UTF-16 code units."""

from __future__ import annotations

import pytest

from core.entities import distinct_tags, hashtags, mentions, normalize_tag


def fullwidth(ascii_text: str) -> str:
    """The text in fullwidth forms (U+FF01...), which NFKC folds back."""
    return "".join(chr(ord(c) + 0xFEE0) for c in ascii_text)


MENTIONS = {
    "plain": ("hi @alice", [("alice", 3, 9)]),
    "start of text": ("@bob_99 hello", [("bob_99", 0, 7)]),
    "end of a sentence": ("Thanks, @alice.", [("alice", 8, 14)]),
    "question and comma": (
        "@alice, @bob? @carol!",
        [("alice", 0, 6), ("bob", 8, 12), ("carol", 14, 20)],
    ),
    "case folds": ("hey @Alice", [("alice", 4, 10)]),
    "after an emoji (2 UTF-16 units)": ("👍 @alice", [("alice", 3, 9)]),
    "emoji glued after": ("@alice🎉", [("alice", 0, 6)]),
    "e-mail address": ("write to alice@example.com", []),
    "e-mail with a handle-like domain": ("bob.smith@alice", []),
    "a mention followed by a domain": ("@alice@example.com", []),
    "in a URL": ("see https://example.com/@alice/posts", []),
    "too short": ("@al is not", []),
    "too long": ("@" + "a" * 31, []),
    "glued to a word": ("foo@alice", []),
    "combining mark after": ("@alice\u0301 ok", []),
    "RTL text around": ("שלום @dana תודה", [("dana", 5, 10)]),
    "after a right-to-left mark": ("\u200f@dana", [("dana", 1, 6)]),
    "in parentheses": ("(@alice)", [("alice", 1, 7)]),
    "a lone at": ("@ alice", []),
    "end of a sentence, ellipsis": ("see you @alice…", [("alice", 8, 14)]),
    "colon after": ("@alice: hi", [("alice", 0, 6)]),
    "apostrophe after": ("@alice's post", [("alice", 0, 6)]),
    "e-mail with dots": ("mail a.b@alice.com", []),
    "e-mail in angle brackets": ("<bob@example.org>", []),
    "after a flag emoji": ("🇫🇷@alice", [("alice", 4, 10)]),
    "zero-width joiner after": ("@alice\u200d", [("alice", 0, 6)]),
    "arabic around, mark after": ("مرحبا @dana!", [("dana", 6, 11)]),
    "underscore at the end": ("cc @alice_", [("alice_", 3, 10)]),
    "two in a row": ("@alice@bob", []),
}

HASHTAGS = {
    "plain": ("love #python", [("python", 5, 12)]),
    "case and width fold": (
        "#Python #" + fullwidth("PYTHON"),
        [("python", 0, 7), ("python", 8, 15)],
    ),
    "combining marks kept in the tag": ("#cafe\u0301 time", [("café", 0, 6)]),
    "precomposed is the same tag": ("#café", [("café", 0, 5)]),
    "end of a sentence": ("So #agora.", [("agora", 3, 9)]),
    "after an emoji": ("🔥#hot", [("hot", 2, 6)]),
    "emoji ends the tag": ("#hot🔥", [("hot", 0, 4)]),
    "RTL letters": ("#שלום עולם", [("שלום", 0, 5)]),
    "arabic digits and letters": ("#عربي٢", [("عربي٢", 0, 6)]),
    "only digits is a number": ("issue #24", []),
    "digits and letters": ("#2024goals", [("2024goals", 0, 10)]),
    "fragment in a URL": ("https://example.com/page#section", []),
    "hash route in a URL": ("www.example.com/#/route", []),
    "glued to a word": ("C#sharp", []),
    "HTML entity": ("&#39;", []),
    "double hash": ("##tag", []),
    "German sharp s folds": ("#Straße", [("strasse", 0, 7)]),
    "underscore": ("#snake_case", [("snake_case", 0, 11)]),
    "keycap emoji is no tag": ("#\ufe0f\u20e3 and #1\ufe0f\u20e3", []),
    "query string of a URL": ("https://example.com/?q=1#frag #real", [("real", 30, 35)]),
    "path without a scheme": ("example.com/#anchor", []),
    "comma and apostrophe end it": ("#tag, #other's", [("tag", 0, 4), ("other", 6, 12)]),
    "CJK letters": ("#日本語 ok", [("日本語", 0, 4)]),
    "Devanagari with vowel signs": ("#हिन्दी", [("हिन्दी", 0, 7)]),
    "decomposed accent": ("#e\u0301cole", [("école", 0, 7)]),
    "Hebrew after a right-to-left mark": ("\u200f#שלום", [("שלום", 1, 6)]),
    "after an emoji with a skin tone": ("👍🏽#ok", [("ok", 4, 7)]),
    "too long": ("#" + "a" * 101, []),
}


@pytest.mark.parametrize(("text", "expected"), MENTIONS.values(), ids=MENTIONS.keys())
def test_mentions(text: str, expected: list[tuple[str, int, int]]) -> None:
    assert [(m.handle, m.start, m.end) for m in mentions(text)] == expected


@pytest.mark.parametrize(("text", "expected"), HASHTAGS.values(), ids=HASHTAGS.keys())
def test_hashtags(text: str, expected: list[tuple[str, int, int]]) -> None:
    assert [(h.tag, h.start, h.end) for h in hashtags(text)] == expected


def test_offsets_slice_the_text_as_javascript_indexes_it() -> None:
    text = "👩‍👩‍👧 met @alice at #FOSDEM 🎉"
    units = text.encode("utf-16-le")
    [mention], [tag] = mentions(text), hashtags(text)
    assert units[mention.start * 2 : mention.end * 2].decode("utf-16-le") == "@alice"
    assert units[tag.start * 2 : tag.end * 2].decode("utf-16-le") == "#FOSDEM"


def test_tags_are_distinct_in_order_of_first_use() -> None:
    assert distinct_tags("#b #a #B #c") == ["b", "a", "c"]
    assert normalize_tag(fullwidth("ABC")) == "abc"
