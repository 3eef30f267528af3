"""Images made in the test, with the metadata a phone or an editor leaves in them."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import ExifTags, Image, PngImagePlugin

#: Strings that must never reach a served byte.
SERIAL = "AGORA-CAMERA-SERIAL-4471"
COMMENT = "AGORA-JPEG-COMMENT-secret"
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">AGORA-XMP-CREATOR</x:xmpmeta>'
PNG_TEXT = "AGORA-PNG-TEXT-home-address"
PNG_ITXT = "AGORA-PNG-ITXT-author"
#: 48°51'29.6" N, 2°17'40.2" E: where the photo was taken.
GPS_LATITUDE = (48.0, 51.0, 29.6)
GPS_LONGITUDE = (2.0, 17.0, 40.2)


def gradient(width: int, height: int) -> Image.Image:
    """A smooth, asymmetric picture: orientation mistakes show in its corners."""
    image = Image.new("RGB", (width, height))
    image.putdata(
        [
            (40 + 180 * x // width, 60 + 150 * y // height, 120)
            for y in range(height)
            for x in range(width)
        ]
    )
    return image


def phone_jpeg(width: int = 400, height: int = 200, *, orientation: int = 6) -> bytes:
    """A JPEG as a phone writes it: stored sideways with an Orientation tag, GPS, serial, XMP."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "AgoraPhone"
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.BodySerialNumber] = SERIAL
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = GPS_LATITUDE
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = GPS_LONGITUDE
    buffer = io.BytesIO()
    gradient(width, height).save(
        buffer, "JPEG", quality=90, exif=exif, comment=COMMENT.encode(), xmp=XMP
    )
    return buffer.getvalue()


def annotated_png(width: int = 300, height: int = 150) -> bytes:
    """A PNG with tEXt, iTXt and eXIf chunks."""
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", PNG_TEXT)
    info.add_itxt("Author", PNG_ITXT)
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = SERIAL
    buffer = io.BytesIO()
    gradient(width, height).save(buffer, "PNG", pnginfo=info, exif=exif)
    return buffer.getvalue()


def bomb_png(width: int = 30_000, height: int = 30_000) -> bytes:
    """A valid PNG header for 900 megapixels (about 30 KB of file, 2.7 GB decoded)."""

    def chunk(kind: bytes, payload: bytes) -> bytes:
        body = kind + payload
        return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    row = b"\x00" + bytes(width)
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(64)) + compressor.flush()
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def truncated_jpeg() -> bytes:
    whole = phone_jpeg(orientation=1)
    return whole[: len(whole) // 2]


def fake_png() -> bytes:
    """HTML behind a PNG's magic number."""
    return b"\x89PNG\r\n\x1a\n" + b"<html><script>alert(document.cookie)</script></html>"


def secrets_in(data: bytes) -> list[str]:
    """Which of the planted metadata strings `data` still contains."""
    planted = [SERIAL, COMMENT, PNG_TEXT, PNG_ITXT, "AgoraPhone", "AGORA-XMP-CREATOR"]
    found = [s for s in planted if s.encode() in data]
    chunks = ("Exif\x00\x00", "eXIf", "tEXt", "iTXt", "zTXt", "EXIF", "XMP ", "http://ns.adobe")
    return found + [marker for marker in chunks if marker.encode() in data]
