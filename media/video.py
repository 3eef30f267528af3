"""Width, height and duration of a video, read from its container: no native toolchain.

MP4 (ISO BMFF): `moov/mvhd` holds the duration, each `trak/tkhd` a track's size and rotation
matrix. WebM (Matroska, EBML): `Segment/Info` holds the duration, `Segment/Tracks` the video
track's pixel size. The reader is a function `read(offset, length) -> bytes`, so the same code
reads bytes in memory (tests) or ranges of a stored object (only the boxes it needs).
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from media.checks import MediaRefused

Reader = Callable[[int, int], bytes]

#: The `moov` box of a long video is a few MB at most; a bigger one is not read.
MAX_MOOV_BYTES = 16 * 1024 * 1024
#: WebM writers put Info and Tracks before the first cluster, within the first kilobytes.
WEBM_HEAD_BYTES = 256 * 1024


class VideoRefused(MediaRefused):
    """The bytes are not a video we serve."""


@dataclass(frozen=True, slots=True)
class VideoInfo:
    width: int | None
    height: int | None
    duration_seconds: float | None


def probe_video(content_type: str, read: Reader, size: int) -> VideoInfo:
    if content_type == "video/mp4":
        return _mp4(read, size)
    if content_type == "video/webm":
        return _webm(read(0, min(size, WEBM_HEAD_BYTES)))
    raise VideoRefused(f"{content_type} is not a video type")


# --- MP4 -----------------------------------------------------------------------------------


def _boxes(data: bytes, start: int = 0, end: int | None = None) -> Iterator[tuple[bytes, bytes]]:
    """(type, payload) of each box in data[start:end]."""
    end = len(data) if end is None else end
    offset = start
    while offset + 8 <= end:
        size, kind = struct.unpack_from(">I4s", data, offset)
        header = 8
        if size == 1:
            if offset + 16 > end:
                return
            (size,) = struct.unpack_from(">Q", data, offset + 8)
            header = 16
        elif size == 0:
            size = end - offset
        if size < header or offset + size > end:
            return
        yield kind, data[offset + header : offset + size]
        offset += size


def _find_moov(read: Reader, size: int) -> bytes:
    offset = 0
    while offset + 8 <= size:
        head = read(offset, 16)
        if len(head) < 8:
            break
        box_size, kind = struct.unpack_from(">I4s", head)
        header = 8
        if box_size == 1 and len(head) >= 16:
            (box_size,) = struct.unpack_from(">Q", head, 8)
            header = 16
        elif box_size == 0:
            box_size = size - offset
        if box_size < header:
            break
        if kind == b"moov":
            if box_size > MAX_MOOV_BYTES:
                raise VideoRefused("the MP4's index (moov box) is too large to read")
            return read(offset + header, box_size - header)
        offset += box_size
    raise VideoRefused("the file is not a playable MP4: it has no moov box")


def _mp4(read: Reader, size: int) -> VideoInfo:
    moov = _find_moov(read, size)
    duration: float | None = None
    width = height = None
    for kind, payload in _boxes(moov):
        if kind == b"mvhd" and len(payload) >= 20:
            version = payload[0]
            if version == 1 and len(payload) >= 32:
                timescale, length = struct.unpack_from(">IQ", payload, 20)
            else:
                timescale, length = struct.unpack_from(">II", payload, 12)
            if timescale:
                duration = round(length / timescale, 3)
        elif kind == b"trak" and width is None:
            size_of = _video_track_size(payload)
            if size_of is not None:
                width, height = size_of
    return VideoInfo(width=width, height=height, duration_seconds=duration)


def _video_track_size(trak: bytes) -> tuple[int, int] | None:
    """The displayed size of a video track (rotation applied); None for other tracks."""
    header = handler = None
    for kind, payload in _boxes(trak):
        if kind == b"tkhd":
            header = payload
        elif kind == b"mdia":
            for inner, inner_payload in _boxes(payload):
                if inner == b"hdlr" and len(inner_payload) >= 12:
                    handler = inner_payload[8:12]
    if header is None or handler != b"vide" or len(header) < 84:
        return None
    # The last 44 bytes: a 3x3 matrix (36 bytes), then width and height as 16.16 fixed point.
    a, b = struct.unpack_from(">ii", header, len(header) - 44)
    width, height = struct.unpack_from(">II", header, len(header) - 8)
    width, height = width >> 16, height >> 16
    if a == 0 and b != 0:  # rotated by 90° or 270°: phones record portrait video this way
        width, height = height, width
    return (width, height) if width and height else None


# --- WebM ----------------------------------------------------------------------------------

_EBML, _SEGMENT, _INFO, _TRACKS, _CLUSTER = (
    0x1A45DFA3,
    0x18538067,
    0x1549A966,
    0x1654AE6B,
    0x1F43B675,
)
_TIMECODE_SCALE, _DURATION = 0x2AD7B1, 0x4489
_TRACK_ENTRY, _TRACK_TYPE, _VIDEO, _PIXEL_WIDTH, _PIXEL_HEIGHT = 0xAE, 0x83, 0xE0, 0xB0, 0xBA
_UNKNOWN = -1


def _vint(data: bytes, offset: int, *, keep_marker: bool) -> tuple[int, int]:
    """An EBML variable-length integer at `offset`: (value, length in bytes)."""
    if offset >= len(data):
        raise VideoRefused("the WebM file ends inside an element header")
    first = data[offset]
    length = next((n for n in range(1, 9) if first & (0x80 >> (n - 1))), 0)
    if not length or offset + length > len(data):
        raise VideoRefused("the file is not a readable WebM (bad element header)")
    value = first if keep_marker else first & (0xFF >> length)
    for byte in data[offset + 1 : offset + length]:
        value = (value << 8) | byte
    if not keep_marker and value == (1 << (7 * length)) - 1:
        value = _UNKNOWN  # "unknown size", as live recorders write the segment
    return value, length


def _elements(data: bytes, start: int, end: int) -> Iterator[tuple[int, int, int]]:
    """(id, payload start, payload end) of each element in data[start:end]."""
    offset = start
    while offset < end:
        element, id_length = _vint(data, offset, keep_marker=True)
        size, size_length = _vint(data, offset + id_length, keep_marker=False)
        payload = offset + id_length + size_length
        stop = end if size == _UNKNOWN else min(end, payload + size)
        yield element, payload, stop
        if size == _UNKNOWN:
            return
        offset = payload + size


def _uint(data: bytes) -> int:
    return int.from_bytes(data, "big")


def _webm(data: bytes) -> VideoInfo:
    elements = list(_elements(data, 0, len(data)))
    if not elements or elements[0][0] != _EBML:
        raise VideoRefused("the file is not a readable WebM (no EBML header)")
    segment = next(((s, e) for i, s, e in elements if i == _SEGMENT), None)
    if segment is None:
        raise VideoRefused("the file is not a readable WebM (no segment)")
    scale, duration, width, height = 1_000_000, None, None, None
    for element, start, end in _elements(data, *segment):
        if element == _INFO:
            for inner, s, e in _elements(data, start, end):
                if inner == _TIMECODE_SCALE:
                    scale = _uint(data[s:e]) or scale
                elif inner == _DURATION and e - s in (4, 8):
                    duration = struct.unpack(">f" if e - s == 4 else ">d", data[s:e])[0]
        elif element == _TRACKS:
            for entry, s, e in _elements(data, start, end):
                if entry == _TRACK_ENTRY and width is None:
                    width, height = _webm_video_size(data, s, e)
        elif element == _CLUSTER:
            break
    seconds = round(duration * scale / 1e9, 3) if duration is not None else None
    return VideoInfo(width=width, height=height, duration_seconds=seconds)


def _webm_video_size(data: bytes, start: int, end: int) -> tuple[int | None, int | None]:
    kind, width, height = None, None, None
    for element, s, e in _elements(data, start, end):
        if element == _TRACK_TYPE:
            kind = _uint(data[s:e])
        elif element == _VIDEO:
            for inner, vs, ve in _elements(data, s, e):
                if inner == _PIXEL_WIDTH:
                    width = _uint(data[vs:ve])
                elif inner == _PIXEL_HEIGHT:
                    height = _uint(data[vs:ve])
    return (width, height) if kind == 1 else (None, None)
