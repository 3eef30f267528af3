"""The floor of the notification rows: the same DynamoDB calls in plain boto3, the same JSON."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from bench.plain import Item, attributes, number, respond, string
from store.keys import post_key, user_key
from store.notification_keys import notification_state_key, notifications_index_partition

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

    from store.cursors import CursorCodec

#: The operations the rows send.
NOTIFICATIONS = """query Notifications($limit: Int!) { notifications(limit: $limit) {
  items { id kind count seen latestAt actors { id handle displayName } post { id title } }
  nextToken } }"""
UNREAD = "query Unread { unreadNotificationCount }"


def _viewer(event: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    viewer = event["requestContext"]["authorizer"]["jwt"]["claims"]["sub"]
    variables: dict[str, Any] = json.loads(event["body"]).get("variables") or {}
    return viewer, variables


class NotificationFloor:
    def __init__(self, dynamodb: DynamoDBClient, table: str, cursors: CursorCodec) -> None:
        self.db, self.table, self.cursors = dynamodb, table, cursors

    def page(self, event: dict[str, Any]) -> dict[str, Any]:
        viewer, variables = _viewer(event)
        limit = variables["limit"]
        partition = notifications_index_partition(viewer)
        page = self.db.query(
            TableName=self.table,
            IndexName="GSI1",
            KeyConditionExpression="#pk = :pk",
            ExpressionAttributeNames={"#pk": "GSI1PK"},
            ExpressionAttributeValues={":pk": {"S": partition}},
            ScanIndexForward=False,
            Limit=limit + 1,
        )
        groups = page["Items"][:limit]
        keys = [attributes(notification_state_key(viewer))]
        for group in groups:
            keys += [attributes(user_key(a["S"])) for a in group["actors"]["L"]]
            if "postId" in group:
                keys.append(attributes(post_key(string(group, "postId"))))
        unique = list({(string(k, "PK"), string(k, "SK")): k for k in keys}.values())
        response = self.db.batch_get_item(
            RequestItems={self.table: {"Keys": unique, "ConsistentRead": False}}
        )
        found = {(string(i, "PK"), string(i, "SK")): i for i in response["Responses"][self.table]}
        state = found.get(tuple(notification_state_key(viewer).values()))  # type: ignore[arg-type]
        seen_up_to = string(state, "seenUpTo") if state and "seenUpTo" in state else None
        items = []
        for group in groups:
            post = (
                found.get((f"POST#{string(group, 'postId')}", "POST"))
                if "postId" in group
                else None
            )
            actors = [found[(f"USER#{a['S']}", "PROFILE")] for a in group["actors"]["L"]]
            latest = string(group, "latestAt")
            items.append(
                {
                    "id": string(group, "group"),
                    "kind": string(group, "kind"),
                    "count": number(group, "count"),
                    "seen": seen_up_to is not None and latest <= seen_up_to,
                    "latestAt": latest,
                    "actors": [_person(a) for a in actors],
                    "post": {"id": string(post, "id"), "title": string(post, "title")}
                    if post
                    else None,
                }
            )
        token = None
        if len(page["Items"]) > limit:
            last = groups[-1]
            token = self.cursors.encode(
                {n: last[n] for n in ("PK", "SK", "GSI1PK", "GSI1SK")}, f"GSI1:{partition}:"
            )
        return respond({"notifications": {"items": items, "nextToken": token}})

    def unread(self, event: dict[str, Any]) -> dict[str, Any]:
        viewer, _ = _viewer(event)
        state: Item | None = self.db.get_item(
            TableName=self.table,
            Key=attributes(notification_state_key(viewer)),
            ConsistentRead=True,
        ).get("Item")
        return respond({"unreadNotificationCount": max(0, number(state, "unread")) if state else 0})


def _person(item: Item) -> dict[str, Any]:
    return {
        "id": string(item, "id"),
        "handle": string(item, "handle"),
        "displayName": string(item, "displayName"),
    }
