"""User profiles and the handles they claim."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.errors import HandleTaken, MediaUnavailable, ProfileExists, ProfileNotFound
from store.batch import batch_get
from store.codecs import attribute_values, media_to_value, user_from_item, user_to_item
from store.errors import translated_errors
from store.keys import handle_key, user_key
from store.tables import Repository
from store.transactions import TransactionCancelled, transact
from store.uploads import attach_item

if TYPE_CHECKING:
    from collections.abc import Iterable

    from core.models import Media, UserProfile


class UserRepository(Repository):
    def create(self, user: UserProfile) -> UserProfile:
        """Write a profile and claim its handle in one transaction; neither can clobber."""
        with translated_errors():
            try:
                handle = {**attribute_values(handle_key(user.handle)), "userId": {"S": user.id}}
                items = [self._put_new(user_to_item(user)), self._put_new(handle)]
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

    def update(
        self,
        user_id: str,
        *,
        display_name: str | None,
        bio: str | None,
        avatar: Media | None = None,
    ) -> UserProfile:
        """Change profile fields; a new avatar's upload is claimed in the same transaction."""
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
        items = [{"Update": update}]
        if avatar is not None:
            items.append(attach_item(self._table, user_id, avatar, f"avatar:{user_id}"))
        with translated_errors():
            # A transaction even without an avatar: it carries the writer's limit counters
            # (store/meters.py), so the answer is read back (a transaction returns no item).
            try:
                transact(self._client, items, self._charge(user_id))
            except TransactionCancelled as exc:
                if exc.failed(0):
                    raise ProfileNotFound(user_id) from exc
                raise MediaUnavailable() from exc
        profile = self.get(user_id, consistent=True)
        if profile is None:
            raise ProfileNotFound(user_id)
        return profile
