"""Deleting an account, step by step off the request path, and reading what a person owns.

`start` records the deletion (and a suspension marker that refuses the person's writes) in
one transaction; the record's stream records drive the steps (fanout/service.py): each step
removes a bounded batch of what `store/ownership.py` finds, then advances the record, whose
MODIFY record starts the next step. Every removal is idempotent, so a step cut short and retried
removes nothing twice and moves every counter exactly once (docs/ACCOUNTS.md).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Mapping
from itertools import chain
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from core.accounts import DELETION_REASON, AccountDeletion, DeletionStatus
from core.clock import aws_datetime
from core.errors import CommentNotFound, NotFound, PostNotFound, ProfileRequired
from core.models import Repost
from core.safety import Suspension
from store.batch import batch_write
from store.blocks import BlockRepository
from store.codecs import attribute_values
from store.comment_likes import CommentLikeRepository
from store.comments import CommentRepository
from store.errors import error_code, translated_errors
from store.follows import FollowRepository
from store.likes import LikeRepository
from store.meters import Meter, Rates
from store.owner_keys import deletion_key
from store.ownership import COUNTED_TYPES, SOURCES, Source
from store.posts import PostRepository
from store.reports import ReportRepository
from store.repost_feeds import RepostFeeds
from store.reposts import RepostRepository
from store.safety_codecs import suspension_to_item
from store.table import TTL_ATTRIBUTE
from store.tables import Repository, Table
from store.transactions import TransactionCancelled, transact
from store.users import UserRepository

if TYPE_CHECKING:
    from store.items import Item

#: Items one step removes at most (a step is one stream record's work: seconds, not minutes).
STEP_ITEMS = 100
PAGE = 25
#: How long the record of a finished deletion stays readable.
DONE_TTL_SECONDS = 30 * 24 * 3600


class AccountRepository(Repository):
    def __init__(self, table: Table) -> None:
        # Removing someone's items is no write of theirs: no limit applies.
        unmetered = dataclasses.replace(table, meter=Meter(table.name, Rates.off(), table.clock))
        super().__init__(unmetered)
        self._metered = table.meter.charge
        self._posts = PostRepository(unmetered)
        self._comments = CommentRepository(unmetered, self._posts)
        self._likes = LikeRepository(unmetered)
        self._comment_likes = CommentLikeRepository(unmetered)
        self._reposts = RepostRepository(unmetered)
        self._repost_feeds = RepostFeeds(unmetered)
        self._follows = FollowRepository(unmetered)
        self._blocks = BlockRepository(unmetered)
        self._reports = ReportRepository(unmetered)
        self._users = UserRepository(unmetered)

    def start(self, user_id: str) -> AccountDeletion:
        """Record the deletion. Idempotent: a running one is answered as it is, and nudged (its
        record rewritten, so its stream record starts a step: a chain that stopped after its
        retries, docs/ACCOUNTS.md, goes on)."""
        now = aws_datetime(self._clock())
        deletion = AccountDeletion(user_id, DeletionStatus.RUNNING, started_at=now)
        marker = Suspension(user_id, DELETION_REASON, at=now, by=user_id, until=None)
        record = {
            "TableName": self._table,
            "Item": deletion_to_item(deletion),
            # A finished deletion may be started again (the identity provider reused the id).
            "ConditionExpression": "attribute_not_exists(PK) OR #status = :done",
            "ExpressionAttributeNames": {"#status": "status"},
            "ExpressionAttributeValues": {":done": {"S": DeletionStatus.DONE.value}},
        }
        put_marker = {"Put": {"TableName": self._table, "Item": suspension_to_item(marker)}}
        with translated_errors():
            try:
                transact(self._client, [{"Put": record}, put_marker])
                return deletion
            except TransactionCancelled:
                pass  # already running
        found = self.deletion(user_id)
        if found is None:
            return deletion
        nudged = dataclasses.replace(found, version=found.version + 1)
        return nudged if self._advance(found, nudged) else found

    def count_export(self, user_id: str) -> None:
        """An export counts against the person's limits as an upload does (it writes a file):
        the one write of an export is its counters' transaction."""
        with translated_errors():
            transact(self._client, [], self._metered(user_id, media=True))

    def deletion(self, user_id: str) -> AccountDeletion | None:
        item = self._get(deletion_key(user_id), consistent=True)
        return deletion_from_item(item) if item else None

    def step(
        self, deletion: AccountDeletion, remove_files: Callable[[str], object]
    ) -> AccountDeletion | None:
        """One step of a running deletion; returns the advanced record (None: another step
        advanced it first). `remove_files(user_id)` deletes their objects, at the end."""
        user_id = deletion.user_id
        removed, found = 0, False
        for source in SOURCES:
            for item in self._found(source, user_id, STEP_ITEMS - removed):
                found = True
                removed += self._remove(item)
            if removed >= STEP_ITEMS:
                break
        if found:
            advanced = dataclasses.replace(deletion, verifying=False)
        elif not deletion.verifying:
            # Nothing left; one more step confirms it after what this one set off settled.
            advanced = dataclasses.replace(deletion, verifying=True)
        else:
            remove_files(user_id)
            now = aws_datetime(self._clock())
            advanced = dataclasses.replace(deletion, status=DeletionStatus.DONE, finished_at=now)
        advanced = dataclasses.replace(
            advanced,
            removed=deletion.removed + removed,
            steps=deletion.steps + 1,
            version=deletion.version + 1,
        )
        return advanced if self._advance(deletion, advanced) else None

    def owned(self, source: Source, user_id: str) -> Iterator[Item]:
        """Every item of one source, page by page (for exports)."""
        query = _query(self._table, source, user_id)
        while True:
            with translated_errors():
                page = self._client.query(**query)
            yield from page.get("Items", [])
            if "LastEvaluatedKey" not in page:
                return
            query["ExclusiveStartKey"] = page["LastEvaluatedKey"]

    def _found(self, source: Source, user_id: str, most: int) -> list[Item]:
        if most <= 0:
            return []
        query = {**_query(self._table, source, user_id), "Limit": min(PAGE, most)}
        # An index lags its table: what it lists may be gone already (removing is idempotent,
        # and a later step sees the index caught up).
        with translated_errors():
            items: list[Item] = self._client.query(**query).get("Items", [])
        return items

    def _remove(self, item: Item) -> int:
        """Remove one item as its own repository would, moving what counts it; 1 if removed."""
        kind = item.get("type", {}).get("S", "")
        if kind in COUNTED_TYPES:
            try:
                if self._remove_counted(kind, item):
                    return 1
            except (PostNotFound, CommentNotFound, ProfileRequired, NotFound):
                pass  # what counted it is gone: nothing left to move
        with translated_errors():
            batch_write(self._client, self._table, deletes=[{"PK": item["PK"], "SK": item["SK"]}])
        return 1

    def _remove_counted(self, kind: str, item: Item) -> bool:
        """False when the item was gone already (the plain delete after it is harmless)."""
        value = _strings(item)
        match kind:
            case "Follow":
                return self._follows.unfollow(value["followerId"], value["followeeId"])
            case "Post":
                self._posts.delete(value["id"], author_id=None)  # its REMOVE purges the rest
                return True
            case "Comment":
                self._comments.delete(value["postId"], value["id"], author_id=None)
                return True
            case "Like":
                return self._likes.unlike(value["postId"], value["userId"])
            case "CommentLike":
                self._comment_likes.unlike(value["postId"], value["commentId"], value["userId"])
                return True
            case "Repost":
                # Out of the followers' feeds first, while the follows are still there (the
                # stream's own clean-up of the unrepost may run after they went).
                repost = Repost(
                    value["postId"],
                    value["userId"],
                    value["authorId"],
                    value["postCreatedAt"],
                    value["createdAt"],
                )
                followers = (f for f, _ in self._follows.followers_after(repost.user_id, None))
                self._repost_feeds.remove(repost, chain([repost.user_id], followers))
                return self._reposts.unrepost(repost.post_id, repost.user_id)
            case "Block":
                return self._blocks.unblock(value["userId"], value["otherId"])
            case "Mute":
                return self._blocks.unmute(value["userId"], value["otherId"])
            case "Report":
                self._reports.withdraw(item)
                return True
            case _:  # "User": the profile, with its handle
                self._users.delete(value["id"])
                return True

    def _advance(self, before: AccountDeletion, after: AccountDeletion) -> bool:
        item = deletion_to_item(after)
        if after.status is DeletionStatus.DONE:
            expires = int(self._clock().timestamp()) + DONE_TTL_SECONDS
            item[TTL_ATTRIBUTE] = {"N": str(expires)}
        with translated_errors():
            try:
                self._client.put_item(
                    TableName=self._table,
                    Item=item,
                    ConditionExpression="#version = :expected",
                    ExpressionAttributeNames={"#version": "version"},
                    ExpressionAttributeValues={":expected": {"N": str(before.version)}},
                )
            except ClientError as exc:
                if error_code(exc) == "ConditionalCheckFailedException":
                    return False
                raise
        return True


def _query(table: str, source: Source, user_id: str) -> dict[str, Any]:
    pk, sk = ("PK", "SK") if source.index is None else (f"{source.index}PK", f"{source.index}SK")
    query: dict[str, Any] = {
        "TableName": table,
        "KeyConditionExpression": f"{pk} = :pk",
        "ExpressionAttributeValues": {":pk": {"S": source.partition(user_id)}},
    }
    if source.index is not None:
        query["IndexName"] = source.index
    if source.sort_prefix is not None:
        query["KeyConditionExpression"] += f" AND begins_with({sk}, :prefix)"
        query["ExpressionAttributeValues"][":prefix"] = {"S": source.sort_prefix}
    return query


def _strings(item: Item) -> dict[str, str]:
    return {name: value["S"] for name, value in item.items() if "S" in value}


def deletion_to_item(deletion: AccountDeletion) -> Item:
    item: Item = {
        **attribute_values(deletion_key(deletion.user_id)),
        "type": {"S": "AccountDeletion"},
        "userId": {"S": deletion.user_id},
        "status": {"S": deletion.status.value},
        "startedAt": {"S": deletion.started_at},
        "removed": {"N": str(deletion.removed)},
        "steps": {"N": str(deletion.steps)},
        "verifying": {"BOOL": deletion.verifying},
        "version": {"N": str(deletion.version)},
    }
    if deletion.finished_at is not None:
        item["finishedAt"] = {"S": deletion.finished_at}
    return item


def deletion_from_item(item: Mapping[str, Any]) -> AccountDeletion:
    return AccountDeletion(
        user_id=item["userId"]["S"],
        status=DeletionStatus(item["status"]["S"]),
        started_at=item["startedAt"]["S"],
        removed=int(item["removed"]["N"]),
        steps=int(item["steps"]["N"]),
        finished_at=item["finishedAt"]["S"] if "finishedAt" in item else None,
        verifying=item["verifying"]["BOOL"],
        version=int(item["version"]["N"]),
    )
