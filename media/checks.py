"""Is what arrived the upload that was declared? Each check answers a reason, or None."""

from __future__ import annotations

from core.media_types import matches


class MediaRefused(Exception):
    """The bytes are not media we serve; `reason` says why, for the uploader."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def declared_mismatch(
    declared_type: str, declared_size: int, limit: int, stored_type: str, stored_size: int
) -> str | None:
    """What storage says about the object (size, type) against the declaration."""
    if stored_size != declared_size:
        return f"the file has {stored_size} bytes, not the declared {declared_size}"
    if stored_size > limit:
        return "the file is over the size limit"
    if stored_type != declared_type:
        return f"the file was sent as {stored_type!r}, not {declared_type!r}"
    return None


def content_mismatch(declared_type: str, head: bytes) -> str | None:
    """The file's first bytes against the declared type's magic number."""
    if not matches(declared_type, head):
        return f"the file's content is not {declared_type}"
    return None
