"""Minimal, well-formed video containers built in the test (boxes and EBML elements only)."""

from __future__ import annotations

import struct


def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def _matrix(rotated: bool) -> bytes:
    one, zero = 0x00010000, 0
    a, b, c, d = (zero, one, -one, zero) if rotated else (one, zero, zero, one)
    return struct.pack(">9i", a, b, 0, c, d, 0, 0, 0, 0x40000000)


def _track(handler: bytes, width: int, height: int, rotated: bool = False) -> bytes:
    tkhd = (
        b"\x00\x00\x00\x03"  # version 0, flags
        + struct.pack(">IIIII", 0, 0, 1, 0, 0)  # created, modified, track id, reserved, duration
        + bytes(8)
        + struct.pack(">hhhh", 0, 0, 0, 0)  # layer, alternate group, volume, reserved
        + _matrix(rotated)
        + struct.pack(">II", width << 16, height << 16)
    )
    hdlr = bytes(4) + bytes(4) + handler + bytes(12) + b"\x00"
    return _box(b"trak", _box(b"tkhd", tkhd) + _box(b"mdia", _box(b"hdlr", hdlr)))


def mp4(
    width: int = 1920,
    height: int = 1080,
    seconds: float = 12.5,
    *,
    rotated: bool = False,
    moov_last: bool = True,
) -> bytes:
    """An MP4 with an audio track before the video track; the index after the media data, as
    most cameras write it."""
    timescale = 1000
    mvhd = b"\x00\x00\x00\x00" + struct.pack(">IIII", 0, 0, timescale, int(seconds * timescale))
    mvhd += bytes(80)
    moov = _box(
        b"moov",
        _box(b"mvhd", mvhd) + _track(b"soun", 0, 0) + _track(b"vide", width, height, rotated),
    )
    ftyp = _box(b"ftyp", b"mp42\x00\x00\x00\x00mp42isom")
    mdat = _box(b"mdat", bytes(4096))
    return ftyp + (mdat + moov if moov_last else moov + mdat)


def _vint_size(size: int) -> bytes:
    return (size | (1 << 56)).to_bytes(8, "big")  # 8-byte size: always fits


def _element(element: int, payload: bytes) -> bytes:
    return element.to_bytes((element.bit_length() + 7) // 8, "big") + _vint_size(len(payload))


def _el(element: int, payload: bytes) -> bytes:
    return _element(element, payload) + payload


def webm(width: int = 1280, height: int = 720, seconds: float | None = 3.25) -> bytes:
    header = _el(0x1A45DFA3, _el(0x4282, b"webm"))
    info = _el(0x2AD7B1, (1_000_000).to_bytes(3, "big"))
    if seconds is not None:
        info += _el(0x4489, struct.pack(">d", seconds * 1000))
    video = _el(0xE0, _el(0xB0, width.to_bytes(2, "big")) + _el(0xBA, height.to_bytes(2, "big")))
    audio_track = _el(0xAE, _el(0x83, b"\x02"))
    video_track = _el(0xAE, _el(0x83, b"\x01") + video)
    tracks = _el(0x1654AE6B, audio_track + video_track)
    cluster = _el(0x1F43B675, bytes(2048))
    # The segment of a live recording: "unknown size".
    segment = bytes.fromhex("18538067") + b"\x01\xff\xff\xff\xff\xff\xff\xff"
    return header + segment + _el(0x1549A966, info) + tracks + cluster
