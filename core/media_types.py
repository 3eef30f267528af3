"""What a file's first bytes must be for each accepted content type.

Six fixed signatures: a detection library guesses among hundreds of formats and wants more bytes
than we read; here the question is only "is this really the declared type?".
"""

from __future__ import annotations

from collections.abc import Callable

#: How many leading bytes `matches` needs.
SNIFF_BYTES = 16

_SIGNATURES: dict[str, Callable[[bytes], bool]] = {
    "image/jpeg": lambda b: b.startswith(b"\xff\xd8\xff"),
    "image/png": lambda b: b.startswith(b"\x89PNG\r\n\x1a\n"),
    "image/gif": lambda b: b[:6] in (b"GIF87a", b"GIF89a"),
    "image/webp": lambda b: b[:4] == b"RIFF" and b[8:12] == b"WEBP",
    "video/mp4": lambda b: b[4:8] == b"ftyp",
    "video/webm": lambda b: b.startswith(b"\x1a\x45\xdf\xa3"),
}


def matches(content_type: str, head: bytes) -> bool:
    check = _SIGNATURES.get(content_type)
    return check is not None and check(head)
