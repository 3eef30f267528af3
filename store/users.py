"""User profiles and the handles they claim."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from core.errors import (
    HandleTaken,
    MediaUnavailable,
    ProfileExists,
    ProfileNotFound,
    Throttled,
)
from core.models import Page
from core.search import fold
from store.batch import batch_get
from store.codecs import attribute_values, media_to_value, user_from_item, user_to_item
from store.discovery_keys import people_partition
from store.errors import translated_errors
from store.keys import handle_key, user_key
from store.people import first_match, index_writes
from store.tables import Repository
from store.transactions import TransactionCancelled, transact
from store.uploads import attach_item

if TYPE_CHECKING:
    from collections.abc import Iterable

    from core.models import Media, UserProfile

#: A rename re-read and retried when another rename lands between read and write.
MAX_RACES = 8


class UserRepository(Repository):
    def create(self, user: UserProfile) -> UserProfile:
        """Write a profile and claim its handle in one transaction; neither can clobber."""
        with translated_errors():
            try:
                handle = {**attribute_values(handle_key(user.handle)), "userId": {"S": user.id}}
                items = [self._put_new(user_to_item(user)), self._put_new(handle)]
                items += index_writes(self._table, user)
                transact(self._client, items, self._charge(user.id))
            except TransactionCancelled as exc:
                if exc.failed(0):
                    raise ProfileExists() from exc
                raise HandleTaken(user.handle) from exc
        return user

    def get(self, user_id: str, *, consistent: bool = False) -> UserProfile | None:
        item = self._get(user_key(user_id), consistent=consistent)
        return user_from_item(item) if item else None

    def get_by_handle(self, handle: str) -> UserProfile | None:
        user_id = self.id_of_handle(handle)
        return self.get(user_id) if user_id else None

    def id_of_handle(self, handle: str) -> str | None:
        claim = self._get(handle_key(handle))
        return str(claim["userId"]["S"]) if claim else None

    def get_many(self, user_ids: Iterable[str]) -> dict[str, UserProfile]:
        """One BatchGetItem per 100 distinct ids; unprocessed keys are retried, never dropped."""
        keys = [attribute_values(user_key(uid)) for uid in dict.fromkeys(user_ids)]
        users = (user_from_item(item) for item in batch_get(self._client, self._table, keys))
        return {user.id: user for user in users}

    def search(self, query: str, limit: int, after: str | None) -> Page[str]:
        """Ids of people whose handle or name starts with `query` (folded), best first, once.

        One Query of the people index (store/people.py); a page may come back short (rows of
        people shown at a better term), its token still continues.
        """
        folded = fold(query)
        page = self._query_page(
            people_partition(folded),
            limit,
            after,
            lambda item: first_match(item, folded),
            sort_prefix=folded,
            newest_first=False,
        )
        return Page([uid for uid in page.items if uid is not None], page.next_token)

    def update(
        self,
        user_id: str,
        *,
        display_name: str | None,
        bio: str | None,
        avatar: Media | None = None,
    ) -> UserProfile:
        """Change profile fields; a new avatar's upload is claimed in the same transaction,
        and a new name moves the profile's search terms in it too."""
        names: dict[str, str] = {}
        values: dict[str, Any] = {}
        for attribute, value in (("displayName", display_name), ("bio", bio)):
            if value is not None:
                names[f"#{attribute}"] = attribute
                values[f":{attribute}"] = {"S": value}
        if avatar is not None:
            names["#avatar"] = "avatar"
            values[":avatar"] = media_to_value(avatar)
        update = {
            "TableName": self._table,
            "Key": attribute_values(user_key(user_id)),
            "UpdateExpression": "SET " + ", ".join(f"{n} = :{n[1:]}" for n in names),
            "ConditionExpression": "attribute_exists(PK)",
            "ExpressionAttributeNames": names,
            "ExpressionAttributeValues": values,
        }
        with translated_errors():
            # A transaction even without an avatar: it carries the writer's limit counters
            # (store/meters.py), so the answer is read back (a transaction returns no item).
            self._transact_update(user_id, update, display_name, avatar)
        profile = self.get(user_id, consistent=True)
        if profile is None:
            raise ProfileNotFound(user_id)
        return profile

    def _transact_update(
        self,
        user_id: str,
        update: dict[str, Any],
        display_name: str | None,
        avatar: Media | None,
    ) -> None:
        claims = [attach_item(self._table, user_id, avatar, f"avatar:{user_id}")] if avatar else []
        for _ in range(MAX_RACES):
            items: list[dict[str, Any]] = [{"Update": update}, *claims]
            if display_name is not None:
                before = self.get(user_id, consistent=True)
                if before is None:
                    raise ProfileNotFound(user_id)
                # The terms removed are the name's as read: the name must still be that one.
                guarded = {
                    **update,
                    "ConditionExpression": "attribute_exists(PK) AND displayName = :before",
                    "ExpressionAttributeValues": {
                        **update["ExpressionAttributeValues"],
                        ":before": {"S": before.display_name},
                    },
                }
                renamed = dataclasses.replace(before, display_name=display_name)
                items = [{"Update": guarded}, *claims, *index_writes(self._table, renamed, before)]
            try:
                transact(self._client, items, self._charge(user_id))
                return
            except TransactionCancelled as exc:
                if not exc.failed(0):
                    raise MediaUnavailable() from exc
                if display_name is None or self.get(user_id, consistent=True) is None:
                    raise ProfileNotFound(user_id) from exc
        raise Throttled("This profile is changing too often right now; retry")
