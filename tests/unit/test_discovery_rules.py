"""The pure rules of discovery: search folding and terms, tags as queried, shards, trends."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core.hashtags import (
    MAX_TAG_SHARDS,
    ranked,
    shard_of,
    shards_for,
    tag_argument,
    totals,
    window_hours,
)
from core.search import HANDLE_RANK, NAME_RANK, WORD_RANK, fold, search_terms
from store.discovery_keys import person_term_sort_key
from tests.unit.test_entities import fullwidth


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("José", "jose"),
        ("JOSÉ", "jose"),
        ("Jose\u0301", "jose"),
        ("Straße", "strasse"),
        ("Ｚｏë", "zoe"),
        ("  Ana   María ", "ana maria"),
        ("Øyvind", "øyvind"),  # a letter of its own, not an o with a mark
        ("Ελένη", "ελενη"),
    ],
)
def test_fold_removes_accents_case_and_extra_spaces(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_a_profile_is_found_by_its_handle_its_name_and_each_word() -> None:
    assert search_terms("maria_j", "María José-Pérez") == {
        "maria_j": HANDLE_RANK,
        "maria jose-perez": NAME_RANK,
        "maria": WORD_RANK,
        "jose": WORD_RANK,
        "perez": WORD_RANK,
    }
    # a term that is both a handle and a name keeps its best rank
    assert search_terms("bob", "Bob") == {"bob": HANDLE_RANK}


def test_sort_keys_put_exact_terms_before_longer_ones() -> None:
    keys = [
        person_term_sort_key("josefina", 0, "a"),
        person_term_sort_key("jose maria", 1, "b"),
        person_term_sort_key("jose", 2, "c"),
        person_term_sort_key("jose", 0, "d"),
    ]
    assert sorted(keys) == [keys[3], keys[2], keys[1], keys[0]]


@pytest.mark.parametrize(
    ("value", "tag"),
    [("#Café", "café"), ("café", "café"), (fullwidth("ABC"), "abc"), ("#snake_case", "snake_case")],
)
def test_a_tag_is_asked_for_as_it_is_written(value: str, tag: str) -> None:
    assert tag_argument(value) == tag


@pytest.mark.parametrize("value", ["", "#", "##a", "12", "two words", "a-b", "a" * 101])
def test_what_is_no_tag_is_refused(value: str) -> None:
    with pytest.raises(ValueError, match="tag"):
        tag_argument(value)


def test_shards_grow_in_powers_of_two_with_the_rate_and_stop_at_the_cap() -> None:
    assert [shards_for(n, per_shard=10) for n in (0, 10, 11, 20, 21, 40, 41)] == [
        1,
        1,
        2,
        2,
        4,
        4,
        8,
    ]
    assert shards_for(10**9, per_shard=10) == MAX_TAG_SHARDS


def test_posts_spread_evenly_over_the_write_shards_and_stay_in_theirs() -> None:
    ids = [f"01HZ{n:022d}" for n in range(4000)]
    per_shard = [0] * 5
    for post_id in ids:
        per_shard[shard_of(post_id, 4)] += 1
    # Shard 0 is a popular tag's read side: no entry is written there once it has 4 shards
    assert per_shard[0] == 0
    assert all(900 < n < 1100 for n in per_shard[1:]), per_shard
    assert shard_of(ids[0], 4) == shard_of(ids[0], 4)
    assert {shard_of(post_id, 1) for post_id in ids} == {0}


def test_trends_count_the_last_24_hours_most_used_first() -> None:
    now = datetime(2026, 12, 1, 10, 30, tzinfo=UTC)
    hours = window_hours(now)
    assert len(hours) == 24
    assert "2026-12-01T10" in hours
    assert "2026-11-30T11" in hours
    assert "2026-11-30T10" not in hours
    counts = {
        "old": {"2026-11-30T10": 50},
        "b": {"2026-12-01T09": 2, "2026-11-30T10": 9},
        "a": {"2026-12-01T10": 1, "2026-11-30T11": 1},
        "c": {"2026-12-01T10": 3},
    }
    assert totals(counts, hours) == {"a": 2, "b": 2, "c": 3}
    assert ranked(totals(counts, hours), 2) == [("c", 3), ("a", 2)]
