"""Server-generated, time-sortable identifiers (ULIDs) and the shapes ids may take."""

from __future__ import annotations

import re

from ulid import ULID

#: A ULID as this API renders it: 26 Crockford base32 characters.
POST_ID_PATTERN = re.compile(r"^[0-9A-HJKMNP-TV-Z]{26}$")
#: User ids come from identity providers (Cognito `sub` is a UUID); never contain a key separator.
USER_ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,128}$")


def new_id() -> str:
    return str(ULID())


def is_post_id(value: str) -> bool:
    return POST_ID_PATTERN.fullmatch(value) is not None


def is_user_id(value: str) -> bool:
    return USER_ID_PATTERN.fullmatch(value) is not None
