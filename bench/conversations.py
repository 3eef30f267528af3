"""The conversation rows: a post with comments and their first replies, a page of bookmarks.

`seed` adds what they read to the benchmark's world; `ConversationFloor` answers the same
queries with the same DynamoDB calls in plain boto3 and builds the same JSON by hand.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from bench.fixture import AUTHORS, VIEWER
from bench.plain import Item, attributes, number, respond, string
from store.keys import post_key, user_key

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

    from store.cursors import CursorCodec
    from store.repository import Store

THREAD = """query Thread($id: ID!) { post(id: $id) { id title commentCount
  author { handle displayName } comments(limit: 10) { items { id body likeCount replyCount
  viewerHasLiked author { handle displayName } replies { items { id body likeCount
  viewerHasLiked author { handle displayName } } nextToken } } nextToken } } }"""
BOOKMARKS = """query Bookmarks($limit: Int!) { bookmarks(limit: $limit) { items { id title
  likeCount commentCount viewerHasLiked viewerHasBookmarked author { handle displayName } }
  nextToken } }"""
COMMENTS, REPLIES_EACH = 10, 4
#: A comment's fields in the order THREAD selects them.
FIELDS = ("id", "body", "likeCount", "replyCount", "viewerHasLiked", "author", "replies")


def seed(store: Store, post_ids: list[str]) -> str:
    """A thread (10 comments by 10 people, 4 replies each, the viewer liking some) and the
    viewer's bookmarks of `post_ids`; returns the thread's post."""
    thread = store.posts.create(author_id=AUTHORS[0], title="Thread", body="x", category="tech")
    for n in range(COMMENTS):
        top = store.comments.add(thread.id, AUTHORS[n], f"Comment {n} " + "y" * 100)
        for r in range(REPLIES_EACH):
            author = AUTHORS[(n + r + 1) % len(AUTHORS)]
            reply = store.comments.add(thread.id, author, f"Reply {n}.{r} " + "z" * 80, top.id)
            if r == 0:
                store.comment_likes.like(thread.id, reply.id, VIEWER)
        if n % 2 == 0:
            store.comment_likes.like(thread.id, top.id, VIEWER)
    for post_id in post_ids:
        store.bookmarks.add(VIEWER, post_id)
    return thread.id


def _profile(item: Item | None) -> dict[str, Any] | None:
    if item is None:
        return None
    return {"handle": string(item, "handle"), "displayName": string(item, "displayName")}


class ConversationFloor:
    def __init__(self, dynamodb: DynamoDBClient, table: str, cursors: CursorCodec) -> None:
        self.db, self.table, self.cursors = dynamodb, table, cursors

    def _request(self, event: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        viewer = event["requestContext"]["authorizer"]["jwt"]["claims"]["sub"]
        return viewer, json.loads(event["body"]).get("variables") or {}

    def _get(self, keys: list[Item]) -> dict[tuple[str, str], Item]:
        unique = list({(string(k, "PK"), string(k, "SK")): k for k in keys}.values())
        response = self.db.batch_get_item(RequestItems={self.table: {"Keys": unique}})
        return {(string(i, "PK"), string(i, "SK")): i for i in response["Responses"][self.table]}

    def _query(self, partition: str, limit: int, *, newest_first: bool) -> list[Item]:
        items: list[Item] = self.db.query(
            TableName=self.table,
            IndexName="GSI1",
            KeyConditionExpression="GSI1PK = :pk",
            ExpressionAttributeValues={":pk": {"S": partition}},
            ScanIndexForward=not newest_first,
            Limit=limit + 1,
        )["Items"]
        return items

    def _token(self, last: Item) -> str:
        key = {k: last[k] for k in ("PK", "SK", "GSI1PK", "GSI1SK")}
        return self.cursors.encode(key, f"GSI1:{string(last, 'GSI1PK')}:")

    def thread(self, event: dict[str, Any]) -> dict[str, Any]:
        viewer, variables = self._request(event)
        post_id = variables["id"]
        page = self._query(f"COMMENTS#{post_id}", 10, newest_first=False)
        comments = page[:10]
        first = [(c, r["M"]) for c in comments for r in c["firstReplies"]["L"]]
        keys = [
            attributes(post_key(post_id)),
            attributes(user_key(string(comments[0], "postAuthorId"))),
        ]
        keys.append(attributes({"PK": f"USER#{viewer}", "SK": "VISIBILITY"}))
        for c in comments:
            keys.append(attributes(user_key(string(c, "authorId"))))
            keys.append(attributes(_like(post_id, string(c, "id"), viewer)))
        for _, r in first:
            keys.append(
                attributes({"PK": f"POST#{post_id}", "SK": f"POST#COMMENT#{string(r, 'id')}"})
            )
            keys.append(attributes(user_key(string(r, "authorId"))))
            keys.append(attributes(_like(post_id, string(r, "id"), viewer)))
        found = self._get(keys)

        def profile(item: Item) -> dict[str, Any] | None:
            return _profile(found.get((f"USER#{string(item, 'authorId')}", "PROFILE")))

        def shown(item: Item) -> dict[str, Any]:
            liked = (f"POST#{post_id}", f"COMMENTLIKE#{string(item, 'id')}#{viewer}") in found
            return {
                "id": string(item, "id"),
                "body": string(item, "body"),
                "likeCount": number(item, "likeCount"),
                "viewerHasLiked": liked,
                "author": profile(item),
            }

        items = []
        for c in comments:
            replies = [
                found[(f"POST#{post_id}", f"POST#COMMENT#{string(r['M'], 'id')}")]
                for r in c["firstReplies"]["L"]
            ]
            more = number(c, "replyCount") > len(replies)
            token = self._token(replies[-1]) if more else None
            entry = shown(c)
            entry["replyCount"] = number(c, "replyCount")
            entry["replies"] = {"items": [shown(r) for r in replies], "nextToken": token}
            items.append(
                {
                    k: entry[k]
                    for k in (
                        "id",
                        "body",
                        "likeCount",
                        "replyCount",
                        "viewerHasLiked",
                        "author",
                        "replies",
                    )
                }
            )
        post = found[(f"POST#{post_id}", "POST")]
        token = self._token(comments[-1]) if len(page) > 10 else None
        return respond(
            {
                "post": {
                    "id": post_id,
                    "title": string(post, "title"),
                    "commentCount": number(post, "commentCount"),
                    "author": profile(post),
                    "comments": {"items": items, "nextToken": token},
                }
            }
        )

    def bookmarks(self, event: dict[str, Any]) -> dict[str, Any]:
        viewer, variables = self._request(event)
        limit = variables["limit"]
        page = self._query(f"BOOKMARKS#{viewer}", limit, newest_first=True)
        marks = page[:limit]
        ids = [string(m, "postId") for m in marks]
        visibility = attributes({"PK": f"USER#{viewer}", "SK": "VISIBILITY"})
        posts = self._get([attributes(post_key(p)) for p in ids] + [visibility])
        found = [posts[(f"POST#{p}", "POST")] for p in ids if (f"POST#{p}", "POST") in posts]
        related = self._get(
            [attributes(user_key(string(p, "authorId"))) for p in found]
            + [attributes({"PK": f"POST#{string(p, 'id')}", "SK": f"LIKE#{viewer}"}) for p in found]
            + [
                attributes({"PK": f"USER#{viewer}", "SK": f"BOOKMARK#{string(p, 'id')}"})
                for p in found
            ]
        )
        items = [
            {
                "id": string(p, "id"),
                "title": string(p, "title"),
                "likeCount": number(p, "likeCount"),
                "commentCount": number(p, "commentCount"),
                "viewerHasLiked": (f"POST#{string(p, 'id')}", f"LIKE#{viewer}") in related,
                "viewerHasBookmarked": (f"USER#{viewer}", f"BOOKMARK#{string(p, 'id')}") in related,
                "author": _profile(related.get((f"USER#{string(p, 'authorId')}", "PROFILE"))),
            }
            for p in found
        ]
        token = self._token(marks[-1]) if len(page) > limit else None
        return respond({"bookmarks": {"items": items, "nextToken": token}})


def _like(post_id: str, comment_id: str, viewer: str) -> dict[str, str]:
    return {"PK": f"POST#{post_id}", "SK": f"COMMENTLIKE#{comment_id}#{viewer}"}
