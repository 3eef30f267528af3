"""Arguments validated into their models; every failure is one BAD_USER_INPUT naming its field.

Messages speak GraphQL (`input.title`, camelCase) and our own words, never pydantic's: a client
developer reads them in a response, without our code at hand.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, is_dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic.alias_generators import to_camel

from core.errors import BadUserInput
from core.limits import PATTERNS

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

M = TypeVar("M", bound=BaseModel)


def parse(model: type[M], arguments: object, *, at: str = "") -> M:
    """The arguments (or the input argument `at`) as `model`, validated once: a mapping (what
    AppSync sends), a door's typed input (Strawberry's input types are dataclasses), or the
    model itself, which passes as it is."""
    if isinstance(arguments, model):
        return arguments
    if is_dataclass(arguments) and not isinstance(arguments, type):
        arguments = asdict(arguments)
    try:
        return model.model_validate(arguments)
    except ValidationError as exc:
        raise BadUserInput(describe(exc, at)) from None


def describe(exc: ValidationError, at: str = "") -> str:
    problems = []
    for error in exc.errors(include_url=False):
        # Named as the client wrote them (GraphQL's camelCase), not as Python spells them.
        path = [at] if at else []
        path += [to_camel(p) if isinstance(p, str) else str(p) for p in error["loc"]]
        where = ".".join(path)
        message = _in_our_words(error)
        problems.append(f"{where}: {message}" if where else message)
    return "; ".join(dict.fromkeys(problems))


def _characters(n: int) -> str:
    return f"{n:,} character" + ("" if n == 1 else "s")


_WORDS: dict[str, Callable[[dict[str, Any]], str]] = {
    "missing": lambda _: "is required",
    "extra_forbidden": lambda _: "is not a field of this input",
    "string_type": lambda _: "must be a string",
    "int_type": lambda _: "must be an integer",
    "int_parsing": lambda _: "must be an integer",
    "list_type": lambda _: "must be a list",
    "model_type": lambda _: "must be an object",
    "model_attributes_type": lambda _: "must be an object",
    "dict_type": lambda _: "must be an object",
    "string_too_short": lambda c: (
        "must not be empty or blank"
        if c["min_length"] == 1
        else f"must have at least {_characters(c['min_length'])}"
    ),
    "string_too_long": lambda c: f"must have at most {_characters(c['max_length'])}",
    "string_pattern_mismatch": lambda c: f"must be {PATTERNS.get(c['pattern'], c['pattern'])}",
    "too_short": lambda c: f"must list at least {c['min_length']}",
    "too_long": lambda c: f"must list at most {c['max_length']}",
    "greater_than_equal": lambda c: f"must be at least {c['ge']}",
    "less_than_equal": lambda c: f"must be at most {c['le']}",
}


def _in_our_words(error: ErrorDetails) -> str:
    words = _WORDS.get(error["type"])
    if words is not None:
        return words(dict(error.get("ctx") or {}))
    message = error["msg"].removeprefix("Value error, ")
    return message[:1].lower() + message[1:]
