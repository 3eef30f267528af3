"""Blocks and mutes on EVERY read path: blocked content absent both ways, muted for the muter only.

Each read path is measured twice for three viewers: before any block or mute (everyone's
content is there, so the test can fail) and after alice blocks bob and mutes carol. Then alice
sees neither bob nor carol, bob does not see alice, and carol (muted) sees everything, unable
to tell. `test_every_read_path_is_listed` fails when a field is added without being classified.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest

from core.clock import now_iso
from core.config import Settings
from core.models import UserProfile
from fanout.hashtags import HashtagIndexer
from resolvers.registry import registered
from store.keys import feed_topic
from store.repository import Store
from tests.conftest import CURSOR_SECRET, GraphQLClient, error_codes

pytestmark = pytest.mark.integration

SETTLE_MS = 200
SETTLE = timedelta(milliseconds=SETTLE_MS)
ALICE, BOB, CAROL, DAVE = "alice-1", "bob-2", "carol-3", "dave-4"
PEOPLE = (ALICE, BOB, CAROL, DAVE)
VIEWERS = (ALICE, BOB, CAROL)
#: After alice blocks bob and mutes carol: whose content each viewer may still see.
ALLOWED = {
    ALICE: {ALICE, DAVE},
    BOB: {BOB, CAROL, DAVE},
    CAROL: {ALICE, BOB, CAROL, DAVE},
}


@pytest.fixture
def settings(table: str, bucket: str) -> Settings:
    return Settings.from_env(
        {
            "TABLE_NAME": table,
            "BUCKET_NAME": bucket,
            "CURSOR_SECRET": CURSOR_SECRET,
            "CHANGES_SETTLE_MS": str(SETTLE_MS),
            "SUBSCRIPTION_POLL_MS": "100",
        }
    )


def settle() -> None:
    time.sleep(SETTLE_MS / 1000 + 0.05)


@dataclass
class World:
    """What exists and who made it: content ids -> their author."""

    author_of: dict[str, str] = field(default_factory=dict)
    post_ids: list[str] = field(default_factory=list)
    dave_post: str = ""
    all_cursor: str = ""
    feed_cursors: dict[str, str] = field(default_factory=dict)


def publish(store: Store, world: World, round_name: str) -> str:
    """Each person posts, and comments on dave's post; every event reaches every viewer's feed
    log (as the stream fan-out does). Returns the id of a last post by dave, a sentinel."""
    cursor = store.changes.start("all", timedelta(0))
    for person in PEOPLE:
        post = store.posts.create(
            author_id=person, title=f"{round_name} by {person}", body="#all", category="tech"
        )
        world.author_of[post.id] = person
        world.post_ids.append(post.id)
        HashtagIndexer(store).retag(post.id)
        if person == DAVE:
            world.dave_post = post.id
    comments = {}
    for person in PEOPLE:
        comment = store.comments.add(world.dave_post, person, f"{round_name} comment by {person}")
        world.author_of[comment.id] = person
        comments[person] = comment.id
    # Everyone replies to dave's comment; dave replies to everyone's
    for person in PEOPLE:
        for author, parent in ((person, comments[DAVE]), (DAVE, comments[person])):
            reply = store.comments.add(world.dave_post, author, "a reply", parent)
            world.author_of[reply.id] = author
    sentinel = store.posts.create(author_id=DAVE, title="sentinel", body="", category="tech")
    world.author_of[sentinel.id] = DAVE
    settle()
    events, _ = store.changes.poll("all", cursor, 100, timedelta(0))
    for event in events:
        store.feed_copies.copy_to_feeds(event, VIEWERS)
    return sentinel.id


@pytest.fixture
def world(store: Store) -> World:
    for person in PEOPLE:
        store.users.create(UserProfile(person, person.replace("-", "_"), person, now_iso()))
    for follower in PEOPLE:
        for followee in PEOPLE:
            if follower != followee:
                store.follows.follow(follower, followee)
    made = World(all_cursor=store.changes.start("all", SETTLE))
    made.feed_cursors = {v: store.changes.start(feed_topic(v), SETTLE) for v in VIEWERS}
    publish(store, made, "first")
    for viewer in VIEWERS:  # everyone saves every post
        for post_id in made.post_ids:
            store.bookmarks.add(viewer, post_id)
    settle()
    return made


ReadPath = Callable[[GraphQLClient, World, str], set[str]]


def _authors(world: World, ids: list[str]) -> set[str]:
    return {world.author_of[i] for i in ids}


def _data(client: GraphQLClient, query: str, **variables: Any) -> Any:
    result = client.execute(query, **variables)
    assert "errors" not in result, result
    return result["data"]


def read_feed(client: GraphQLClient, world: World, _viewer: str) -> set[str]:
    items = _data(client, "{ feed(limit: 100) { items { id author { id } } } }")["feed"]["items"]
    return _authors(world, [i["id"] for i in items])


def read_posts(client: GraphQLClient, world: World, _viewer: str) -> set[str]:
    items = _data(client, "{ posts(limit: 100) { items { id author { id } } } }")["posts"]["items"]
    return _authors(world, [i["id"] for i in items])


def read_user_posts(client: GraphQLClient, world: World, _viewer: str) -> set[str]:
    seen: set[str] = set()
    for person in PEOPLE:
        user = _data(client, "query($u: ID!) { user(id: $u) { posts { items { id } } } }", u=person)
        if user["user"] is not None:
            seen |= _authors(world, [p["id"] for p in user["user"]["posts"]["items"]])
    return seen


def read_post_with_comments(client: GraphQLClient, world: World, _viewer: str) -> set[str]:
    """`post(id)` for every post (one Query with its first comments)."""
    query = "query($p: ID!) { post(id: $p) { id comments(limit: 50) { items { id } } } }"
    seen: set[str] = set()
    for content_id in world.author_of:
        post = _data(client, query, p=content_id)["post"]
        if post is not None:
            seen |= _authors(world, [post["id"], *(c["id"] for c in post["comments"]["items"])])
    return seen


def read_comments_of_a_page(client: GraphQLClient, world: World, _viewer: str) -> set[str]:
    """`Post.comments` through a page of posts (a Query per post, not the prefetch)."""
    query = "{ posts(limit: 20) { items { comments(limit: 20) { items { id author { id } } } } } }"
    items = _data(client, query)["posts"]["items"]
    return _authors(world, [c["id"] for p in items for c in p["comments"]["items"]])


def read_replies(client: GraphQLClient, world: World, _viewer: str) -> set[str]:
    """`Comment.replies` of dave's comment, first replies and a queried page alike."""
    query = """query($p: ID!) { post(id: $p) { comments(limit: 20) { items { id author { id }
      replies { items { id } } more: replies(limit: 20) { items { id } } } } } }"""
    comments = _data(client, query, p=world.dave_post)["post"]["comments"]["items"]
    (daves,) = [c for c in comments if c["author"] and c["author"]["id"] == DAVE]
    ids = [r["id"] for key in ("replies", "more") for r in daves[key]["items"]]
    return _authors(world, ids)


def read_reply_parents(client: GraphQLClient, world: World, _viewer: str) -> set[str]:
    """`Comment.parent` of the replies the change log names (dave's replies to everyone)."""
    query = """query($a: String!) { postEvents(after: $a, limit: 100) {
      items { comment { parent { id } } } } }"""
    items = _data(client, query, a=world.all_cursor)["postEvents"]["items"]
    parents = [i["comment"]["parent"] for i in items if i["comment"] is not None]
    return _authors(world, [p["id"] for p in parents if p is not None])


def read_bookmarks(client: GraphQLClient, world: World, _viewer: str) -> set[str]:
    items = _data(client, "{ bookmarks(limit: 100) { items { id } } }")["bookmarks"]["items"]
    return _authors(world, [i["id"] for i in items])


def read_comments_by_id(client: GraphQLClient, world: World, _viewer: str) -> set[str]:
    """`comment(postId, id)` for every comment and reply on dave's post."""
    query = "query($p: ID!, $c: ID!) { comment(postId: $p, id: $c) { id } }"
    seen: set[str] = set()
    for content_id in world.author_of:
        found = _data(client, query, p=world.dave_post, c=content_id)["comment"]
        if found is not None:
            seen.add(world.author_of[found["id"]])
    return seen


def read_posts_by_ids(client: GraphQLClient, world: World, _viewer: str) -> set[str]:
    ids = [i for i in world.author_of if len(i) == 26][:100]
    found = _data(client, "query($ids: [ID!]!) { postsByIds(ids: $ids) { id } }", ids=ids)
    return _authors(world, [p["id"] for p in found["postsByIds"] if p is not None])


def _event_authors(world: World, items: list[dict[str, Any]]) -> set[str]:
    return _authors(world, [i["commentId"] or i["postId"] for i in items])


def read_post_events(client: GraphQLClient, world: World, _viewer: str) -> set[str]:
    query = """query($a: String!) { postEvents(after: $a, limit: 100) {
      items { postId commentId post { id } comment { id } } cursor } }"""
    return _event_authors(world, _data(client, query, a=world.all_cursor)["postEvents"]["items"])


def read_feed_updates(client: GraphQLClient, world: World, viewer: str) -> set[str]:
    query = """query($a: String!) { feedUpdates(after: $a, limit: 100) {
      items { postId commentId } cursor } }"""
    after = world.feed_cursors[viewer]
    return _event_authors(world, _data(client, query, a=after)["feedUpdates"]["items"])


def read_follow_lists(client: GraphQLClient, world: World, _viewer: str) -> set[str]:
    query = """{ user(id: "dave-4") { followers(limit: 50) { items { id } }
      following(limit: 50) { items { id } } } }"""
    user = _data(client, query)["user"]
    return {u["id"] for u in user["followers"]["items"] + user["following"]["items"]}


def read_hashtag(client: GraphQLClient, world: World, _viewer: str) -> set[str]:
    query = '{ hashtag(tag: "all") { posts(limit: 100) { items { id author { id } } } } }'
    items = _data(client, query)["hashtag"]["posts"]["items"]
    return _authors(world, [i["id"] for i in items])


def read_search(client: GraphQLClient, world: World, _viewer: str) -> set[str]:
    """Everyone by the first letter of their handle."""
    query = "query($q: String!) { searchUsers(query: $q, limit: 100) { items { id } } }"
    found = [_data(client, query, q=p[0])["searchUsers"]["items"] for p in PEOPLE]
    return {u["id"] for users in found for u in users}


READ_PATHS: dict[str, ReadPath] = {
    "Query.feed": read_feed,
    "Query.posts": read_posts,
    "User.posts": read_user_posts,
    "Query.post": read_post_with_comments,
    "Post.comments": read_comments_of_a_page,
    "Query.postsByIds": read_posts_by_ids,
    "Comment.replies": read_replies,
    "Comment.parent": read_reply_parents,
    "Query.bookmarks": read_bookmarks,
    "Query.comment": read_comments_by_id,
    "Query.postEvents": read_post_events,
    "Query.feedUpdates": read_feed_updates,
    "User.followers": read_follow_lists,
    "Hashtag.posts": read_hashtag,
    "Query.searchUsers": read_search,
}
#: Tested below, over websockets (they start at "now", so they see new content).
SUBSCRIPTIONS = {
    "Subscription.onPostEvent": "subscription { onPostEvent { postId commentId } }",
    "Subscription.onFeedUpdate": "subscription { onFeedUpdate { postId commentId } }",
}
#: Read paths whose rule is tested by the named test in this module.
TESTED_APART = {
    "Query.user": "test_a_blocker_is_invisible_to_the_blocked_and_the_blocked_stays_findable",
    "User.following": "read_follow_lists (with User.followers)",
    # A feed entry reposted by a hidden person is dropped whole, as one of a hidden author
    "FeedItem.repostedBy": "test_reposts.py: test_a_repost_by_or_of_a_hidden_person_is_hidden",
    "ChangeEvent.post": "events are dropped whole: read_post_events, read_feed_updates",
    "ChangeEvent.comment": "events are dropped whole: read_post_events, read_feed_updates",
    "Query.notifications": "test_notifications.py: "
    "test_nobody_blocked_or_muted_notifies_and_a_later_block_hides_earlier_notices",
    # Not written by the fan-out for a hidden actor (the same test); hidden since, dropped at
    # read (the poll and the subscription share resolvers/notifications.py `_standing`)
    "Query.notificationUpdates": "test_notifications.py: "
    "test_a_notice_from_someone_blocked_or_muted_since_is_not_delivered",
    "Subscription.onNotification": "the poll's `_standing`, through resolvers/log_reads.py tail",
    "NotificationEvent.actor": "of a notice already through the rule (notificationUpdates)",
    "NotificationEvent.notification": "entries(): hidden actors dropped, as Query.notifications",
}
#: Fields that show no one else's content, or only content a visible parent already passed.
NOT_CONTENT = {
    "Query.me",
    "Query.health",
    "Query.categories",
    "Query.blockedUsers",  # the viewer's own choices, listed so they can be undone
    "Query.mutedUsers",
    "Post.author",  # of a post already through the rule
    "Post.media",
    "Post.viewerHasLiked",
    "Post.viewerHasReposted",
    "Comment.author",  # of a comment already through the rule
    "Comment.viewerHasLiked",
    "Post.viewerHasBookmarked",
    "User.avatar",
    "User.viewerFollows",
    "User.viewerBlocks",
    "User.viewerMutes",
    "User.suspension",  # the viewer's own, or any to moderators
    "Query.myReports",  # the viewer's own reports, with the content as they reported it
    "Query.unreadNotificationCount",  # a number of the viewer's own
    "Query.accountDeletion",  # the viewer's own deletion record: no one's content
    "Post.mentions",  # people named in a text that already passed the rule
    "Comment.mentions",
    "Post.edits",  # earlier versions of a post that already passed the rule, by its author
    "Comment.edits",
    "Query.hashtag",  # the tag itself; its posts are Hashtag.posts
    "Query.trendingHashtags",  # counts of tags, naming no one
}
#: Moderators see reported content whatever they block or mute: judging it is their job.
MODERATION = {
    "Query.moderationQueue",
    "Query.moderationCase",
    "Query.auditLog",
    "ModerationCase.author",
    "ModerationCase.reports",
}


def test_every_read_path_is_listed() -> None:
    reads = {name for name in registered() if not name.startswith("Mutation.")}
    classified = set(READ_PATHS) | set(SUBSCRIPTIONS) | set(TESTED_APART) | NOT_CONTENT | MODERATION
    assert reads - classified == set(), "classify the new read path here and test it"


def hide(api: GraphQLClient) -> None:
    alice = api.as_user(ALICE)
    for mutation in ("block", "mute"):
        other = BOB if mutation == "block" else CAROL
        done = alice.execute(f'mutation {{ {mutation}(userId: "{other}") {{ id }} }}')
        assert done == {"data": {mutation: {"id": other}}}


@pytest.mark.parametrize("path", READ_PATHS.values(), ids=READ_PATHS.keys())
def test_blocked_content_is_absent_both_ways_and_muted_content_for_the_muter_only(
    api: GraphQLClient, world: World, path: ReadPath
) -> None:
    # Given everyone's content, seen by everyone
    before = {viewer: path(api.as_user(viewer), world, viewer) for viewer in VIEWERS}
    for viewer in VIEWERS:
        assert {BOB, CAROL} <= before[viewer], "the test must see what the rule will hide"
    assert ALICE in before[BOB]

    # When alice blocks bob and mutes carol
    hide(api)

    # Then each viewer sees exactly what the rule allows of what was there
    after = {viewer: path(api.as_user(viewer), world, viewer) for viewer in VIEWERS}
    assert after == {viewer: before[viewer] & ALLOWED[viewer] for viewer in VIEWERS}


def receive_until(ws: Any, sentinel: str, field_name: str) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []
    while True:
        message = ws.receive_json()
        assert message["type"] == "next", message
        event = message["payload"]["data"][field_name]
        seen.append(event)
        if event["postId"] == sentinel:
            return seen


def subscribed(
    api: GraphQLClient, store: Store, world: World, viewer: str, name: str, round_name: str
) -> set[str]:
    token = api.as_user(viewer).headers["authorization"]
    field_name = name.partition(".")[2]
    with api.http.websocket_connect("/graphql", subprotocols=["graphql-transport-ws"]) as ws:
        ws.send_json({"type": "connection_init", "payload": {"Authorization": token}})
        assert ws.receive_json()["type"] == "connection_ack"
        ws.send_json({"id": "1", "type": "subscribe", "payload": {"query": SUBSCRIPTIONS[name]}})
        time.sleep(0.1)
        sentinel = publish(store, world, round_name)
        events = receive_until(ws, sentinel, field_name)
        ws.send_json({"id": "1", "type": "complete"})
    return _event_authors(world, events)


@pytest.mark.parametrize("name", SUBSCRIPTIONS)
def test_subscriptions_apply_the_same_rule(
    api: GraphQLClient, store: Store, world: World, name: str
) -> None:
    before = {v: subscribed(api, store, world, v, name, f"before {v}") for v in VIEWERS}
    for viewer in VIEWERS:
        assert before[viewer] == set(PEOPLE)
    hide(api)
    after = {v: subscribed(api, store, world, v, name, f"after {v}") for v in VIEWERS}
    assert after == ALLOWED


def test_a_blocker_is_invisible_to_the_blocked_and_the_blocked_stays_findable(
    api: GraphQLClient, world: World
) -> None:
    query = """query($id: ID, $h: String) { user(id: $id, handle: $h) {
      id viewerBlocks viewerMutes posts { items { id } } } }"""
    hide(api)
    bob, alice, carol = api.as_user(BOB), api.as_user(ALICE), api.as_user(CAROL)
    # The blocked person gets what a stranger without an account gets: nothing
    assert bob.execute(query, id=ALICE) == {"data": {"user": None}}
    assert bob.execute(query, h="alice_1") == {"data": {"user": None}}
    # The blocker still finds whom they block (to unblock), without their posts
    assert alice.execute(query, id=BOB)["data"]["user"] == {
        "id": BOB,
        "viewerBlocks": True,
        "viewerMutes": False,
        "posts": {"items": []},
    }
    assert alice.execute(query, h="carol_3")["data"]["user"]["viewerMutes"] is True
    # The muted person cannot tell
    seen_by_carol = carol.execute(query, id=ALICE)["data"]["user"]
    assert seen_by_carol["viewerBlocks"] is False
    assert len(seen_by_carol["posts"]["items"]) == 1


def test_block_lists_are_private_and_mutations_idempotent(api: GraphQLClient, world: World) -> None:
    hide(api)
    hide(api)  # idempotent
    lists = "{ blockedUsers { items { id } } mutedUsers { items { id } } }"
    assert api.as_user(ALICE).execute(lists)["data"] == {
        "blockedUsers": {"items": [{"id": BOB}]},
        "mutedUsers": {"items": [{"id": CAROL}]},
    }
    # Only the viewer's own lists exist: bob's are empty, he cannot ask for alice's
    assert api.as_user(BOB).execute(lists)["data"] == {
        "blockedUsers": {"items": []},
        "mutedUsers": {"items": []},
    }
    undo = """mutation { unblock(userId: "bob-2") { id viewerBlocks }
      unmute(userId: "carol-3") { id viewerMutes } }"""
    for _ in range(2):
        assert api.as_user(ALICE).execute(undo)["data"] == {
            "unblock": {"id": BOB, "viewerBlocks": False},
            "unmute": {"id": CAROL, "viewerMutes": False},
        }
    assert BOB in read_posts(api.as_user(ALICE), world, ALICE)


def test_follows_end_with_exact_counts_and_no_interaction_is_possible(
    api: GraphQLClient, store: Store, world: World
) -> None:
    counts = "query($u: ID!) { user(id: $u) { followerCount followingCount viewerFollows } }"
    alice, bob = api.as_user(ALICE), api.as_user(BOB)
    assert alice.execute(counts, u=ALICE)["data"]["user"]["followerCount"] == 3
    hide(api)
    # alice and bob no longer follow each other; the other two still follow each
    assert alice.execute(counts, u=ALICE)["data"]["user"] == {
        "followerCount": 2,
        "followingCount": 2,
        "viewerFollows": False,
    }
    assert alice.execute(counts, u=BOB)["data"]["user"] == {
        "followerCount": 2,
        "followingCount": 2,
        "viewerFollows": False,
    }
    alices_post = next(i for i, a in world.author_of.items() if a == ALICE and len(i) == 26)
    bobs_post = next(i for i, a in world.author_of.items() if a == BOB and len(i) == 26)
    writes = {
        "follow": "mutation($u: ID!) { follow(userId: $u) { id } }",
        "like": "mutation($p: ID!) { likePost(postId: $p) { id } }",
        "comment": 'mutation($p: ID!) { addComment(input: {postId: $p, body: "hi"}) { id } }',
    }
    for actor, other, post in ((bob, ALICE, alices_post), (alice, BOB, bobs_post)):
        for name, mutation in writes.items():
            result = actor.execute(mutation, u=other, p=post)
            assert error_codes(result) == ["FORBIDDEN"], name
            assert result["data"] is None
    # Nothing was written: counts unchanged, no like, no comment
    stored = store.posts.get(alices_post, consistent=True)
    assert stored is not None
    assert (stored.like_count, stored.comment_count) == (0, 0)
    assert alice.execute(counts, u=ALICE)["data"]["user"]["followerCount"] == 2
    # A mute restricts nothing
    carol = api.as_user(CAROL)
    assert "errors" not in carol.execute(writes["like"], p=alices_post)
