"""Mentions and hashtags found in a text, with offsets clients can link without parsing.

Pure: no I/O. Offsets are UTF-16 code units (what JavaScript's `String` indexes), `end`
exclusive, in the text as stored. A mention is `@handle` not glued to a word, an e-mail
address or a path; a hashtag is `#` and Unicode letters, digits, marks or `_`, with at least one
letter, outside URLs, normalized (NFKC, case-folded) so `#Café` and `#ＣＡＦÉ` are one tag.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from core.limits import HANDLE_CHARACTERS

#: Longest tag kept; longer runs are not hashtags.
TAG_CHARACTERS = 100
_URL = re.compile(r"\b[a-z][a-z0-9+.-]*://\S+|\bwww\.\S+", re.IGNORECASE)
_HANDLE = re.compile(rf"[a-z0-9_]{{3,{HANDLE_CHARACTERS}}}", re.IGNORECASE)
#: A mention or a tag may not follow these (e-mail local parts, paths, entities, words).
_GLUED = set("._-+@/&#")


@dataclass(frozen=True, slots=True)
class Mention:
    handle: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Hashtag:
    tag: str
    start: int
    end: int


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_" or unicodedata.category(ch).startswith("M")


def _free_before(text: str, i: int) -> bool:
    """Whether position `i` starts a token: the text's start, or after a non-word character."""
    if i == 0:
        return True
    before = text[i - 1]
    return not _is_word(before) and before not in _GLUED


def _starts(text: str, mark: str) -> Iterator[int]:
    """Where `mark` may start a mention or a tag: free before it, and outside any URL."""
    urls = [m.span() for m in _URL.finditer(text)]
    for at, ch in enumerate(text):
        if ch == mark and _free_before(text, at) and not any(a <= at < b for a, b in urls):
            yield at


def _utf16(text: str, i: int) -> int:
    return len(text[:i].encode("utf-16-le")) // 2


def mentions(text: str) -> list[Mention]:
    """Every `@handle` in `text` (whether the handle exists is for the caller to find out)."""
    found: list[Mention] = []
    for at in _starts(text, "@"):
        match = _HANDLE.match(text, at + 1)
        if match is None:
            continue
        end = match.end()
        if end < len(text) and (_is_word(text[end]) or text[end] == "@"):
            continue  # too long, glued to more letters, or an e-mail address
        found.append(Mention(match.group().lower(), _utf16(text, at), _utf16(text, end)))
    return found


def hashtags(text: str) -> list[Hashtag]:
    """Every `#tag` in `text`, in order, with its normalized tag."""
    found: list[Hashtag] = []
    for at in _starts(text, "#"):
        end = at + 1
        while end < len(text) and _is_word(text[end]):
            end += 1
        raw = text[at + 1 : end]
        if not any(ch.isalpha() for ch in raw) or len(raw) > TAG_CHARACTERS:
            continue
        tag = normalize_tag(raw)
        found.append(Hashtag(tag, _utf16(text, at), _utf16(text, end)))
    return found


def normalize_tag(tag: str) -> str:
    """One spelling per tag: NFKC, then case-folded (and NFC again, as folding may split)."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFKC", tag).casefold())


def distinct_tags(text: str) -> list[str]:
    """The text's tags, each once, in order of first use."""
    return list(dict.fromkeys(h.tag for h in hashtags(text)))
