"""A person's export: what store/ownership.py finds of theirs, as JSON, with their files, in
one private archive read through an expiring presigned link (docs/ACCOUNTS.md)."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from boto3.dynamodb.types import TypeDeserializer

from core.accounts import AccountExport
from core.clock import aws_datetime
from core.ids import new_id
from store.owner_keys import export_object_key
from store.ownership import OBJECT_PREFIXES, SOURCES

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from datetime import datetime

    from store.accounts import AccountRepository
    from store.media import MediaStorage

#: How long an export's link works.
EXPORT_URL_SECONDS = 3600
#: Internal key attributes, and what in a person's items is someone else's: who blocks them
#: (their visibility set) and the reported content a report copies.
LEFT_OUT = frozenset({"PK", "SK", "GSI1PK", "GSI1SK", "GSI2PK", "GSI2SK", "GSI3PK", "GSI3SK"})
OTHERS = frozenset({"blockedBy", "content"})
_DECODE = TypeDeserializer()


def export_account(
    accounts: AccountRepository,
    media: MediaStorage,
    user_id: str,
    clock: Callable[[], datetime],
) -> AccountExport:
    """Write the archive and answer its link: `data.json` and `files/<object key>`."""
    accounts.count_export(user_id)
    now = clock()
    items: dict[str, list[dict[str, Any]]] = {}
    seen: set[tuple[str, str]] = set()
    for source in SOURCES:
        if not source.exported:
            continue
        for item in accounts.owned(source, user_id):
            key = (item["PK"]["S"], item["SK"]["S"])
            if key not in seen:
                seen.add(key)
                items.setdefault(source.name, []).append(_plain(item))
    files = [key for prefix in OBJECT_PREFIXES[:2] for key in media.keys_under(prefix(user_id))]
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        document = {"userId": user_id, "exportedAt": aws_datetime(now), "items": items}
        zipped.writestr("data.json", json.dumps(document, indent=2, default=_number))
        for name in files:
            zipped.writestr(f"files/{name}", media.first_bytes(name, 1 << 30))
    target = export_object_key(user_id, new_id())
    media.put(target, archive.getvalue(), "application/zip")
    return AccountExport(
        url=media.url(target, EXPORT_URL_SECONDS),
        expires_at=aws_datetime(now + timedelta(seconds=EXPORT_URL_SECONDS)),
        items=len(seen),
        files=len(files),
    )


def _plain(item: Mapping[str, Any]) -> dict[str, Any]:
    return {
        name: _DECODE.deserialize(value)
        for name, value in item.items()
        if name not in LEFT_OUT and name not in OTHERS
    }


def _number(value: object) -> object:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, set | frozenset):
        return sorted(value)
    raise TypeError(f"not JSON: {type(value).__name__}")
