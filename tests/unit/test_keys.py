from __future__ import annotations

from core.models import ChangeKind, LoggedChange, Repost
from fanout.continuations import Continuation, RepostPart
from store import keys


def test_entity_keys_are_prefixed_by_type() -> None:
    assert keys.user_key("u1") == {"PK": "USER#u1", "SK": "PROFILE"}
    assert keys.post_key("p1") == {"PK": "POST#p1", "SK": "POST"}
    assert keys.handle_key("Alice") == {"PK": "HANDLE#alice", "SK": "HANDLE"}
    assert keys.request_token_key("u1", "tok") == {"PK": "TOKEN#u1#tok", "SK": "TOKEN"}


def test_post_index_keys_share_a_time_first_sort_key() -> None:
    index = keys.post_index_keys("P1", "U1", "tech", "2026-01-02T03:04:05.006Z")
    assert index == {
        "GSI1PK": "CAT#tech",
        "GSI1SK": "2026-01-02T03:04:05.006Z#P1",
        "GSI2PK": "AUTHOR#U1",
        "GSI2SK": "2026-01-02T03:04:05.006Z#P1",
        "GSI3PK": "POSTS",
        "GSI3SK": "2026-01-02T03:04:05.006Z#P1",
    }


def test_sort_keys_order_by_time_then_id() -> None:
    earlier = keys.post_sort_key("2026-01-02T03:04:05.006Z", "ZZZ")
    later = keys.post_sort_key("2026-01-02T03:04:05.007Z", "AAA")
    same_time = keys.post_sort_key("2026-01-02T03:04:05.007Z", "AAB")
    assert earlier < later < same_time


def test_media_objects_live_under_their_owner_and_upload() -> None:
    assert keys.incoming_object_key("u1", "up1") == "uploads/u1/up1"
    assert keys.media_object_key("u1", "up1") == "media/u1/up1"
    assert keys.media_variant_key("u1", "up1", 320) == "media/u1/up1/w320"


def test_a_fan_outs_parts_are_marked_apart_from_its_claims() -> None:
    # The claim of part 1 and part 1's done mark share the run's partition, not a sort key
    assert keys.fanout_marker_key("e1", 1) == {"PK": "FANOUT#e1", "SK": "PART#1"}
    assert keys.fanout_part_done_key("e1", 1) == {"PK": "FANOUT#e1", "SK": "DONE#1"}


def test_each_fan_out_run_of_an_event_or_repost_has_its_own_name() -> None:
    event = LoggedChange("e1", ChangeKind.POST_CREATED, "p1", "u1", "2026-01-02T03:04:05.006Z")
    runs = {
        Continuation(event, 1, "").run,
        Continuation(event, 1, "", pull_since=event.at).run,
        RepostPart(Repost("p1", "u2", "u1", event.at, "2026-01-03T00:00:00.000Z"), 1, "").run,
        RepostPart(Repost("p1", "u2", "u1", event.at, "2026-01-04T00:00:00.000Z"), 1, "").run,
        RepostPart(
            Repost("p1", "u2", "u1", event.at, "2026-01-04T00:00:00.000Z"), 1, "", undo=True
        ).run,
    }
    assert len(runs) == 5
