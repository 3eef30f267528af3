"""Notifications through GraphQL, written by the fan-out from real stream records."""

from __future__ import annotations

import time
from datetime import timedelta
from types import ModuleType
from typing import Any

import pytest

from core.clock import now_iso, utc_now
from core.config import Settings
from core.notifications import Notice, NotificationKind
from store.repository import Store
from tests.api.conftest import LambdaContext, Pump
from tests.conftest import CURSOR_SECRET, GraphQLClient, error_codes
from tests.support.counting import RequestCounter
from tests.support.events import stream_event

pytestmark = pytest.mark.integration

SETTLE_MS = 300
AUTHOR, FAN, OTHER, THIRD = "uauthor", "ufan", "uother", "uthird"
NOTIFICATIONS = """
query($t: String, $limit: Int! = 20) {
  notifications(limit: $limit, nextToken: $t) {
    items { id kind count actors { id handle } latestAt seen post { id title } comment { body } }
    nextToken
  }
}"""
UNREAD = "{ unreadNotificationCount }"
ACTORS = """
query($after: String) {
  notificationUpdates(after: $after) { items { kind actor { id handle } } cursor }
}"""
UPDATES = """
query($after: String) {
  notificationUpdates(after: $after) {
    items { kind cursor at actor { id } notification { kind count } } cursor
  }
}"""


@pytest.fixture
def settings(table: str, bucket: str) -> Settings:
    return Settings.from_env(
        {
            "TABLE_NAME": table,
            "BUCKET_NAME": bucket,
            "CURSOR_SECRET": CURSOR_SECRET,
            "CHANGES_SETTLE_MS": str(SETTLE_MS),
        }
    )


def run(api: GraphQLClient, user: str, query: str, **variables: Any) -> dict[str, Any]:
    result = api.as_user(user).execute(query, **variables)
    assert "errors" not in result, result
    data: dict[str, Any] = result["data"]
    return data


def entries(api: GraphQLClient, user: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = run(api, user, NOTIFICATIONS)["notifications"]["items"]
    return items


def unread(api: GraphQLClient, user: str) -> int:
    count: int = run(api, user, UNREAD)["unreadNotificationCount"]
    return count


def publish(api: GraphQLClient, author: str, title: str) -> str:
    data = run(
        api,
        author,
        "mutation($i: CreatePostInput!) { createPost(input: $i) { id } }",
        i={"title": title, "category": "tech"},
    )
    post_id: str = data["createPost"]["id"]
    return post_id


def like(api: GraphQLClient, user: str, post_id: str) -> None:
    run(api, user, "mutation($p: ID!) { likePost(postId: $p) { id } }", p=post_id)


def unlike(api: GraphQLClient, user: str, post_id: str) -> None:
    run(api, user, "mutation($p: ID!) { unlikePost(postId: $p) { id } }", p=post_id)


def comment(api: GraphQLClient, user: str, post_id: str, body: str) -> None:
    run(
        api,
        user,
        "mutation($i: AddCommentInput!) { addComment(input: $i) { id } }",
        i={"postId": post_id, "body": body},
    )


def follow(api: GraphQLClient, follower: str, followee: str) -> None:
    run(api, follower, "mutation($u: ID!) { follow(userId: $u) { id } }", u=followee)


def mark_seen(api: GraphQLClient, user: str, up_to: str | None = None) -> int:
    data = run(api, user, "mutation($u: AWSDateTime) { markNotificationsSeen(upTo: $u) }", u=up_to)
    left: int = data["markNotificationsSeen"]
    return left


@pytest.fixture
def post_id(api: GraphQLClient) -> str:
    for user in (AUTHOR, FAN, OTHER, THIRD):
        run(
            api,
            user,
            "mutation($i: CreateProfileInput!) { createProfile(input: $i) { id } }",
            i={"handle": user, "displayName": user.title()},
        )
    return publish(api, AUTHOR, "Hello")


def test_likes_of_a_post_are_one_entry_with_the_latest_actors_first(
    api: GraphQLClient, pump: Pump, post_id: str
) -> None:
    # Given three people liking the author's post, one after the other
    for user in (FAN, OTHER, THIRD):
        like(api, user, post_id)
        pump()
    # Then the author has one entry: three likes, the most recent liker first
    [entry] = entries(api, AUTHOR)
    assert entry["kind"] == "LIKE"
    assert entry["count"] == 3
    assert [a["id"] for a in entry["actors"]] == [THIRD, OTHER, FAN]
    assert entry["post"] == {"id": post_id, "title": "Hello"}
    assert entry["seen"] is False
    assert unread(api, AUTHOR) == 3


def test_comments_stay_single_and_follows_group_by_day(
    api: GraphQLClient, pump: Pump, post_id: str
) -> None:
    comment(api, FAN, post_id, "first")
    comment(api, OTHER, post_id, "second")
    follow(api, FAN, AUTHOR)
    follow(api, OTHER, AUTHOR)
    pump()
    found = entries(api, AUTHOR)
    kinds = [(e["kind"], e["count"]) for e in found]
    assert sorted(kinds) == [("COMMENT", 1), ("COMMENT", 1), ("FOLLOW", 2)]
    bodies = {e["comment"]["body"] for e in found if e["kind"] == "COMMENT"}
    assert bodies == {"first", "second"}
    [follows] = [e for e in found if e["kind"] == "FOLLOW"]
    assert {a["id"] for a in follows["actors"]} == {FAN, OTHER}
    # newest first
    stamps = [e["latestAt"] for e in found]
    assert stamps == sorted(stamps, reverse=True)


def test_follows_of_different_days_are_different_entries(
    api: GraphQLClient, store: Store, post_id: str
) -> None:
    # Given follows of the author yesterday (two) and today (one), as the fan-out counts them
    yesterday = (utc_now() - timedelta(days=1)).isoformat()
    for fan in (FAN, OTHER):
        store.notifications.add(Notice(AUTHOR, NotificationKind.FOLLOW, fan, yesterday))
    store.notifications.add(Notice(AUTHOR, NotificationKind.FOLLOW, THIRD, now_iso()))
    # Then the tab shows one entry per day, today's first
    follows = [e for e in entries(api, AUTHOR) if e["kind"] == "FOLLOW"]
    assert [(e["count"], {a["id"] for a in e["actors"]}) for e in follows] == [
        (1, {THIRD}),
        (2, {FAN, OTHER}),
    ]
    assert unread(api, AUTHOR) == 3


def test_your_own_actions_are_silent(api: GraphQLClient, pump: Pump, post_id: str) -> None:
    like(api, AUTHOR, post_id)
    comment(api, AUTHOR, post_id, "talking to myself")
    pump()
    assert entries(api, AUTHOR) == []
    assert unread(api, AUTHOR) == 0


def test_nobody_blocked_or_muted_notifies_and_a_later_block_hides_earlier_notices(
    api: GraphQLClient, pump: Pump, post_id: str
) -> None:
    # Given the author muting OTHER and blocked by THIRD (blocks work both ways)
    run(api, AUTHOR, 'mutation { mute(userId: "uother") { id } }')
    run(api, THIRD, 'mutation { block(userId: "uauthor") { id } }')
    # When they comment on the author's post, and FAN likes it
    comment(api, OTHER, post_id, "muted")
    like(api, FAN, post_id)
    pump()
    # Then only FAN's like is news; THIRD cannot even comment
    assert error_codes(
        api.as_user(THIRD).execute(
            "mutation($i: AddCommentInput!) { addComment(input: $i) { id } }",
            i={"postId": post_id, "body": "blocked"},
        )
    ) == ["FORBIDDEN"]
    assert [(e["kind"], [a["id"] for a in e["actors"]]) for e in entries(api, AUTHOR)] == [
        ("LIKE", [FAN])
    ]
    # And once the author blocks FAN, FAN's earlier like is no longer shown
    run(api, AUTHOR, 'mutation { block(userId: "ufan") { id } }')
    assert entries(api, AUTHOR) == []


def test_a_like_undone_before_it_was_seen_leaves_no_trace(
    api: GraphQLClient, pump: Pump, post_id: str
) -> None:
    cursor = run(api, AUTHOR, UPDATES)["notificationUpdates"]["cursor"]
    like(api, FAN, post_id)
    like(api, OTHER, post_id)
    pump()
    unlike(api, OTHER, post_id)  # the most recent name shown goes; the next takes its place
    unlike(api, FAN, post_id)
    pump()
    assert entries(api, AUTHOR) == []
    assert unread(api, AUTHOR) == 0
    time.sleep(SETTLE_MS / 1000 + 0.05)
    assert run(api, AUTHOR, UPDATES, after=cursor)["notificationUpdates"]["items"] == []


def test_an_undone_like_shrinks_its_group_and_a_seen_one_stays(
    api: GraphQLClient, pump: Pump, post_id: str
) -> None:
    like(api, FAN, post_id)
    pump()
    assert mark_seen(api, AUTHOR) == 0
    like(api, OTHER, post_id)
    like(api, THIRD, post_id)
    pump()
    unlike(api, THIRD, post_id)  # unseen: withdrawn
    unlike(api, FAN, post_id)  # seen: it stays, as the author saw it
    pump()
    [entry] = entries(api, AUTHOR)
    assert entry["count"] == 2
    assert [a["id"] for a in entry["actors"]] == [OTHER, FAN]
    assert unread(api, AUTHOR) == 1


def test_seen_state_is_per_person_and_counts_what_came_after(
    api: GraphQLClient, pump: Pump, post_id: str
) -> None:
    # Given a follow and a comment, both unread
    follow(api, FAN, AUTHOR)
    pump()
    first = entries(api, AUTHOR)[0]["latestAt"]
    comment(api, OTHER, post_id, "hi")
    pump()
    assert unread(api, AUTHOR) == 2
    # When the author marks seen up to the first one (from another device, same person)
    assert mark_seen(api, AUTHOR, first) == 1
    assert unread(api, AUTHOR) == 1
    seen = {e["kind"]: e["seen"] for e in entries(api, AUTHOR)}
    assert seen == {"FOLLOW": True, "COMMENT": False}
    # Seen never goes back; marking everything leaves nothing unread
    assert mark_seen(api, AUTHOR, "2000-01-01T00:00:00.000Z") == 1
    assert mark_seen(api, AUTHOR) == 0
    assert all(e["seen"] for e in entries(api, AUTHOR))
    # A new like after that is unread again, and the fan's own state is untouched
    like(api, THIRD, post_id)
    pump()
    assert unread(api, AUTHOR) == 1
    assert unread(api, FAN) == 0


def test_a_retried_stream_batch_notifies_once(
    api: GraphQLClient, pump: Pump, post_id: str, handler_module: ModuleType
) -> None:
    like(api, FAN, post_id)
    follow(api, OTHER, AUTHOR)
    records = pump()
    # When Lambda delivers the same batch again
    assert handler_module.handler(stream_event(records), LambdaContext()) == {
        "batchItemFailures": []
    }
    assert sorted((e["kind"], e["count"]) for e in entries(api, AUTHOR)) == [
        ("FOLLOW", 1),
        ("LIKE", 1),
    ]
    assert unread(api, AUTHOR) == 2


def test_notification_updates_deliver_each_notification_once(
    api: GraphQLClient, pump: Pump, post_id: str
) -> None:
    cursor = run(api, AUTHOR, UPDATES)["notificationUpdates"]["cursor"]
    like(api, FAN, post_id)
    comment(api, OTHER, post_id, "hey")
    pump()
    time.sleep(SETTLE_MS / 1000 + 0.05)
    batch = run(api, AUTHOR, UPDATES, after=cursor)["notificationUpdates"]
    assert sorted((i["kind"], i["actor"]["id"]) for i in batch["items"]) == [
        ("COMMENT", OTHER),
        ("LIKE", FAN),
    ]
    assert all(i["notification"]["count"] == 1 for i in batch["items"])
    again = run(api, AUTHOR, UPDATES, after=batch["cursor"])["notificationUpdates"]
    assert again["items"] == []
    # Someone else's cursor is refused
    other = api.as_user(FAN).execute(UPDATES, after=batch["cursor"])
    assert error_codes(other) == ["BAD_USER_INPUT"]


def test_a_notice_from_someone_blocked_or_muted_since_is_not_delivered(
    api: GraphQLClient, pump: Pump, post_id: str
) -> None:
    # Given a like from FAN and a comment from OTHER logged for the author, not yet polled
    cursor = run(api, AUTHOR, UPDATES)["notificationUpdates"]["cursor"]
    like(api, FAN, post_id)
    comment(api, OTHER, post_id, "hey")
    like(api, THIRD, post_id)
    pump()
    # When the author blocks FAN and mutes OTHER before the next poll
    run(api, AUTHOR, 'mutation { block(userId: "ufan") { id } }')
    run(api, AUTHOR, 'mutation { mute(userId: "uother") { id } }')
    time.sleep(SETTLE_MS / 1000 + 0.05)
    batch = run(api, AUTHOR, UPDATES, after=cursor)["notificationUpdates"]
    # Then only THIRD's like arrives, and the cursor is past all three
    assert [(i["kind"], i["actor"]["id"]) for i in batch["items"]] == [("LIKE", THIRD)]
    assert run(api, AUTHOR, UPDATES, after=batch["cursor"])["notificationUpdates"]["items"] == []


def test_a_poll_costs_one_query_and_one_batch_and_an_empty_one_one_query(
    api: GraphQLClient, pump: Pump, post_id: str, counter: RequestCounter
) -> None:
    # Given nine notices logged for the author: likes, comments and follows by three people
    cursor = run(api, AUTHOR, UPDATES)["notificationUpdates"]["cursor"]
    for user in (FAN, OTHER, THIRD):
        like(api, user, post_id)
        comment(api, user, post_id, f"from {user}")
        follow(api, user, AUTHOR)
    pump()
    time.sleep(SETTLE_MS / 1000 + 0.05)
    # When the author polls them with each one's actor
    counter.reset()
    actors = run(api, AUTHOR, ACTORS, after=cursor)["notificationUpdates"]
    # Then all nine cost one Query of the log and one batch of what still stands, with the
    # visibility set and the actors
    assert len(actors["items"]) == 9
    assert dict(counter.calls) == {"Query": 1, "BatchGetItem": 1}
    # And with each one's entry too, one batch of the groups and one of their seen state,
    # actors, posts and comments follow
    counter.reset()
    batch = run(api, AUTHOR, UPDATES, after=cursor)["notificationUpdates"]
    assert [i["actor"]["id"] for i in batch["items"]] == [i["actor"]["id"] for i in actors["items"]]
    assert dict(counter.calls) == {"Query": 1, "BatchGetItem": 3}
    # And an empty poll reads the log only
    counter.reset()
    assert run(api, AUTHOR, UPDATES, after=batch["cursor"])["notificationUpdates"]["items"] == []
    assert dict(counter.calls) == {"Query": 1}


def test_pages_follow_next_token(api: GraphQLClient, pump: Pump, post_id: str) -> None:
    for n in range(3):
        comment(api, FAN, post_id, f"c{n}")
    pump()
    seen, token = [], None
    while True:
        data = run(api, AUTHOR, NOTIFICATIONS, t=token, limit=2)["notifications"]
        seen += [e["comment"]["body"] for e in data["items"]]
        token = data["nextToken"]
        if token is None:
            break
    assert seen == ["c2", "c1", "c0"]


def test_a_page_costs_one_query_and_one_batch_and_the_count_one_get(
    api: GraphQLClient, pump: Pump, post_id: str, counter: RequestCounter
) -> None:
    for user in (FAN, OTHER, THIRD):
        like(api, user, post_id)
        comment(api, user, post_id, f"from {user}")
        follow(api, user, AUTHOR)
    pump()
    counter.reset()
    assert len(entries(api, AUTHOR)) == 5
    assert dict(counter.calls) == {"Query": 1, "BatchGetItem": 1}
    counter.reset()
    assert unread(api, AUTHOR) == 9
    assert dict(counter.calls) == {"GetItem": 1}


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        (NOTIFICATIONS, {"limit": 0}),
        (NOTIFICATIONS, {"limit": 101}),
        (NOTIFICATIONS, {"t": "forged"}),
        (UPDATES, {"after": "forged"}),
        ("mutation($u: AWSDateTime) { markNotificationsSeen(upTo: $u) }", {"u": "yesterday"}),
    ],
)
def test_bad_input_is_refused(api: GraphQLClient, query: str, variables: dict[str, Any]) -> None:
    assert error_codes(api.as_user(AUTHOR).execute(query, **variables)) == ["BAD_USER_INPUT"]


def test_notifications_need_a_viewer(api: GraphQLClient) -> None:
    for query in (NOTIFICATIONS, UNREAD, UPDATES):
        assert error_codes(api.anonymous().execute(query)) == ["UNAUTHENTICATED"]


def test_mentions_are_linked_with_offsets_and_notify_who_exists(
    api: GraphQLClient, pump: Pump, post_id: str
) -> None:
    # Given a post naming two people, one who does not exist, the author and a tag
    data = run(
        api,
        AUTHOR,
        "mutation($i: CreatePostInput!) { createPost(input: $i) { id hashtags "
        "mentions { user { id handle } start end } } }",
        i={"title": "t", "category": "tech", "body": "👋 @ufan, @nobody and @uauthor #Agora."},
    )["createPost"]
    # Then the existing ones are linked at their UTF-16 offsets, and the tag is normalized
    assert data["mentions"] == [
        {"user": {"id": FAN, "handle": FAN}, "start": 3, "end": 8},
        {"user": {"id": AUTHOR, "handle": AUTHOR}, "start": 22, "end": 30},
    ]
    assert data["hashtags"] == ["agora"]
    # When a comment mentions the post's author and another person
    comment(api, OTHER, post_id, "@uauthor look, @uthird!")
    pump()
    # Then the mentioned fan is told (the author is not told of their own mention)
    [mention] = entries(api, FAN)
    assert (mention["kind"], mention["actors"][0]["id"]) == ("MENTION", AUTHOR)
    assert mention["post"]["id"] == data["id"]
    # The third person gets a mention with the comment; the post's author only the COMMENT
    [third] = entries(api, THIRD)
    assert (third["kind"], third["comment"]["body"]) == ("MENTION", "@uauthor look, @uthird!")
    assert sorted(e["kind"] for e in entries(api, AUTHOR)) == ["COMMENT"]


def test_an_edit_that_adds_a_mention_tells_nobody(
    api: GraphQLClient, pump: Pump, post_id: str
) -> None:
    # Given a post that mentions FAN
    edited = run(
        api,
        AUTHOR,
        "mutation($i: CreatePostInput!) { createPost(input: $i) { id } }",
        i={"title": "edit me", "category": "tech", "body": "hi @ufan"},
    )["createPost"]["id"]
    pump()
    # When an edit adds a mention of OTHER
    run(
        api,
        AUTHOR,
        "mutation($i: UpdatePostInput!) { updatePost(input: $i) { id } }",
        i={"id": edited, "expectedVersion": 1, "body": "hi @ufan and @uother"},
    )
    pump()
    # Then FAN keeps the one mention of the new post, and OTHER hears nothing: an edit
    # notifies nobody; the mention still links in the post
    assert [(e["kind"], e["count"]) for e in entries(api, FAN)] == [("MENTION", 1)]
    assert entries(api, OTHER) == []
    post = run(
        api, OTHER, "query($id: ID!) { post(id: $id) { mentions { user { id } } } }", id=edited
    )
    assert [m["user"]["id"] for m in post["post"]["mentions"]] == [FAN, OTHER]
