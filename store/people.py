"""The people index: a profile's search terms as items, kept with the profile in its writes.

Each term item is `PEOPLE#<first character>` / `<term>\\x1f<rank>\\x1f<userId>`, so a
prefix Query returns exact terms first, then shorter completions, handles before names. A
person matching a query by several terms is shown once, at the first of them: every item
carries all of its person's sort keys, so each row decides that alone, on any page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.search import search_terms
from store.codecs import attribute_values
from store.discovery_keys import person_term_key

if TYPE_CHECKING:
    from collections.abc import Mapping

    from core.models import UserProfile
    from store.keys import Key


def person_keys(handle: str, display_name: str, user_id: str) -> list[Key]:
    terms = search_terms(handle, display_name)
    return [person_term_key(term, rank, user_id) for term, rank in terms.items()]


def index_writes(
    table: str, profile: UserProfile, before: UserProfile | None = None
) -> list[dict[str, Any]]:
    """Transaction items moving the index from `before` (None: a new profile) to `profile`."""
    keys = person_keys(profile.handle, profile.display_name, profile.id)
    sort_keys = [k["SK"] for k in keys]
    writes: list[dict[str, Any]] = [
        {
            "Put": {
                "TableName": table,
                "Item": {
                    **attribute_values(key),
                    "type": {"S": "PersonTerm"},
                    "userId": {"S": profile.id},
                    "sortKeys": {"SS": sort_keys},
                },
            }
        }
        for key in keys
    ]
    if before is not None:
        kept = {(k["PK"], k["SK"]) for k in keys}
        writes += [
            {"Delete": {"TableName": table, "Key": attribute_values(old)}}
            for old in person_keys(before.handle, before.display_name, before.id)
            if (old["PK"], old["SK"]) not in kept
        ]
    return writes


def first_match(item: Mapping[str, Any], query: str) -> str | None:
    """The user id, if this row is the person's first term matching the query; else None."""
    matching = [sk for sk in item["sortKeys"]["SS"] if sk.startswith(query)]
    return item["userId"]["S"] if item["SK"]["S"] == min(matching) else None
