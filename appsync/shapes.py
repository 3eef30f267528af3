"""Values as AppSync carries them: the schema's JSON shape plus the domain value under `__agora`.

AppSync hands a parent's result back as `source` to the parent's field resolvers, extra keys
included, so the domain value rides along and nested resolvers get exactly what the Strawberry
path gives them.
"""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import Any

from strawberry.schema.name_converter import NameConverter
from strawberry.types.base import StrawberryList, StrawberryOptional, has_object_definition

from core import hashtags, models, notifications

DOMAIN_KEY = "__agora"
#: The schema's own naming (snake_case Python, camelCase GraphQL).
NAMES = NameConverter()
_DOMAIN_TYPES: dict[str, type[Any]] = {
    cls.__name__: cls
    for cls in (
        models.Post,
        models.UserProfile,
        models.Comment,
        models.ChangeNotice,
        notifications.NotificationNotice,
        hashtags.HashtagRef,
    )
}


def to_json(field_type: Any, value: Any) -> Any:
    """A resolver's domain value, as the GraphQL type of its field, in AppSync's JSON."""
    if value is None:
        return None
    if isinstance(field_type, StrawberryOptional):
        return to_json(field_type.of_type, value)
    if isinstance(field_type, StrawberryList):
        return [to_json(field_type.of_type, item) for item in value]
    if isinstance(field_type, type) and has_object_definition(field_type):
        return _object(field_type.from_domain(value))  # type: ignore[attr-defined]
    return value.value if isinstance(value, Enum) else value


def _object(obj: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for field in obj.__strawberry_definition__.fields:
        resolver = field.base_resolver
        if resolver is not None and (resolver.info_parameter or resolver.arguments):
            continue  # fields that read the request have resolvers of their own
        # A field computed from the value alone (the body's tags) rides in the JSON.
        value = resolver(obj) if resolver else getattr(obj, field.python_name)
        if type(value).__name__ in _DOMAIN_TYPES:  # the private domain value the type maps
            out[DOMAIN_KEY] = {"type": type(value).__name__, "value": dataclasses.asdict(value)}
        else:
            out[NAMES.get_graphql_name(field)] = _plain(value)
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if has_object_definition(type(value)):
        return _object(value)
    return value.value if isinstance(value, Enum) else value


def from_source(source: Any) -> Any:
    """The domain value a parent carried, or None (root fields have no parent)."""
    carried = source.get(DOMAIN_KEY) if isinstance(source, dict) else None
    if not carried:
        return None
    fields = dict(carried["value"])
    if "media" in fields:
        fields["media"] = tuple(models.Media(**m) for m in fields["media"])
    if "logged" in fields:  # a notification event
        logged = {
            **fields["logged"],
            "kind": notifications.NotificationKind(fields["logged"]["kind"]),
        }
        fields["logged"] = notifications.NotificationLogged(**logged)
    if "kind" in fields:
        fields["kind"] = models.ChangeKind(fields["kind"])
    if fields.get("avatar"):
        fields["avatar"] = models.Media(**fields["avatar"])
    return _DOMAIN_TYPES[carried["type"]](**fields)
