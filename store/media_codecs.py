"""Media values as stored on posts, profiles and upload records (AttributeValue maps)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.models import Focus, Media, MediaVariant
from store.items import Item

if TYPE_CHECKING:
    from collections.abc import Mapping


def media_to_value(media: Media) -> Item:
    fields: Item = {
        "id": {"S": media.id},
        "contentType": {"S": media.content_type},
        "size": {"N": str(media.size)},
        "key": {"S": media.key},
    }
    if media.alt_text:
        fields["altText"] = {"S": media.alt_text}
    if not media.ready:
        fields["processing"] = {"BOOL": True}
    for name, number in (
        ("width", media.width),
        ("height", media.height),
        ("durationSeconds", media.duration_seconds),
    ):
        if number is not None:
            fields[name] = {"N": str(number)}
    if media.blurhash:
        fields["blurhash"] = {"S": media.blurhash}
    if media.focus is not None:
        fields["focus"] = focus_to_value(media.focus)
    if media.variants:
        fields["variants"] = {"L": [_variant_to_value(v) for v in media.variants]}
    return {"M": fields}


def media_from_value(value: Mapping[str, Any]) -> Media:
    fields = value["M"]
    return Media(
        id=fields["id"]["S"],
        content_type=fields["contentType"]["S"],
        size=int(fields["size"]["N"]),
        key=fields["key"]["S"],
        alt_text=fields.get("altText", {}).get("S", ""),
        ready=not fields.get("processing", {}).get("BOOL", False),
        width=int(fields["width"]["N"]) if "width" in fields else None,
        height=int(fields["height"]["N"]) if "height" in fields else None,
        duration_seconds=(
            float(fields["durationSeconds"]["N"]) if "durationSeconds" in fields else None
        ),
        blurhash=fields.get("blurhash", {}).get("S"),
        focus=focus_from_value(fields["focus"]) if "focus" in fields else None,
        variants=tuple(_variant_from_value(v) for v in fields.get("variants", {}).get("L", [])),
    )


def focus_to_value(focus: Focus) -> Item:
    return {"M": {"x": {"N": str(focus.x)}, "y": {"N": str(focus.y)}}}


def focus_from_value(value: Mapping[str, Any]) -> Focus:
    return Focus(x=float(value["M"]["x"]["N"]), y=float(value["M"]["y"]["N"]))


def _variant_to_value(variant: MediaVariant) -> Item:
    return {
        "M": {
            "key": {"S": variant.key},
            "width": {"N": str(variant.width)},
            "height": {"N": str(variant.height)},
            "contentType": {"S": variant.content_type},
        }
    }


def _variant_from_value(value: Mapping[str, Any]) -> MediaVariant:
    fields = value["M"]
    return MediaVariant(
        key=fields["key"]["S"],
        width=int(fields["width"]["N"]),
        height=int(fields["height"]["N"]),
        content_type=fields["contentType"]["S"],
    )
