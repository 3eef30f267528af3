"""Finding people by name: the folding that makes "jose" find "José", and the terms indexed.

Pure: no I/O. A profile is indexed under its handle, its whole display name and each word of
it (store/people.py); a query matches a term it is a prefix of, both folded the same way.
"""

from __future__ import annotations

import re
import unicodedata

_WORDS = re.compile(r"[^\w]+")
_SPACES = re.compile(r"\s+")

#: How a term ranks among equal terms: a handle before a whole name before a word of a name.
HANDLE_RANK, NAME_RANK, WORD_RANK = 0, 1, 2


def fold(text: str) -> str:
    """Accents and case removed (NFKD without combining marks, case-folded), spaces single."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = unicodedata.normalize("NFKC", bare.casefold())
    printable = "".join(ch for ch in folded if ch.isprintable() or ch == " ")
    return _SPACES.sub(" ", printable).strip()


def search_terms(handle: str, display_name: str) -> dict[str, int]:
    """Every term a profile is found by, with its best rank."""
    terms: dict[str, int] = {}

    def add(term: str, rank: int) -> None:
        if term and rank < terms.get(term, WORD_RANK + 1):
            terms[term] = rank

    add(fold(handle), HANDLE_RANK)
    name = fold(display_name)
    add(name, NAME_RANK)
    for word in _WORDS.split(name):
        add(word, WORD_RANK)
    return terms
