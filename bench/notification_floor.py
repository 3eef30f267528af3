"""The floor of the notification rows: the same DynamoDB calls in plain boto3, the same JSON."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from bench.plain import Item, attributes, get_many, log_entries, number, respond, string
from core.clock import aws_datetime, utc_now
from store.keys import post_key, user_key
from store.notification_keys import (
    member_key,
    notification_state_key,
    notifications_index_partition,
    notify_topic,
)
from store.safety_keys import visibility_key

if TYPE_CHECKING:
    from datetime import timedelta

    from mypy_boto3_dynamodb import DynamoDBClient

    from store.cursors import CursorCodec

#: The operations the rows send.
NOTIFICATIONS = """query Notifications($limit: Int!) { notifications(limit: $limit) {
  items { id kind count seen latestAt actors { id handle displayName } post { id title } }
  nextToken } }"""
UNREAD = "query Unread { unreadNotificationCount }"
UPDATES = """query Updates($after: String!) { notificationUpdates(after: $after, limit: 20) {
  items { kind at cursor actor { id handle } } cursor } }"""
#: Notices a poll of the row reads.
POLLED = 20


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

    def updates(self, event: dict[str, Any], settle: timedelta) -> dict[str, Any]:
        """The notices after the cursor that still stand, with their actors: 1 Query, 1 batch."""
        viewer, variables = _viewer(event)
        topic = notify_topic(viewer)
        scope = f"changes:{topic}"
        position = self.cursors.decode(variables["after"], scope)["p"]
        horizon = aws_datetime(utc_now() - settle)
        entries = log_entries(self.db, self.table, topic, position, horizon, POLLED)
        polled = entries[:POLLED]
        keys = [attributes(visibility_key(viewer))]
        for entry in polled:
            actor = string(entry, "actorId")
            keys += [
                attributes(member_key(viewer, string(entry, "group"), actor)),
                attributes(user_key(actor)),
            ]
        found = get_many(self.db, self.table, keys)
        items = []
        for entry in polled:
            actor = string(entry, "actorId")
            member = tuple(member_key(viewer, string(entry, "group"), actor).values())
            if member not in found:
                continue
            person = found[(f"USER#{actor}", "PROFILE")]
            items.append(
                {
                    "kind": string(entry, "kind"),
                    "at": string(entry, "at"),
                    "cursor": self.cursors.encode({"p": string(entry, "SK")}, scope),
                    "actor": {"id": string(person, "id"), "handle": string(person, "handle")},
                }
            )
        end = string(polled[-1], "SK") if len(entries) > POLLED else horizon
        cursor = self.cursors.encode({"p": end}, scope)
        return respond({"notificationUpdates": {"items": items, "cursor": cursor}})


def _person(item: Item) -> dict[str, Any]:
    return {
        "id": string(item, "id"),
        "handle": string(item, "handle"),
        "displayName": string(item, "displayName"),
    }
