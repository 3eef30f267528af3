from __future__ import annotations

from graphql import GraphQLError

from core.errors import Throttled, VersionConflict
from schema.errors import INTERNAL_MESSAGE, shape_error


def _located(original: Exception | None, path: list[str | int] | None) -> GraphQLError:
    return GraphQLError(str(original or "syntax"), path=path, original_error=original)


def test_domain_errors_keep_their_message_and_code() -> None:
    shaped = shape_error(_located(VersionConflict(1, 2), ["updatePost"]))
    assert shaped.extensions == {"code": "CONFLICT"}
    assert "current version is 2" in shaped.message


def test_retryable_errors_say_so() -> None:
    assert shape_error(_located(Throttled("busy"), ["posts"])).extensions == {
        "code": "THROTTLED",
        "retryable": True,
    }


def test_errors_before_execution_are_bad_user_input() -> None:
    assert shape_error(_located(None, None)).extensions == {"code": "BAD_USER_INPUT"}


def test_unexpected_errors_are_masked() -> None:
    shaped = shape_error(_located(KeyError("PK secret detail"), ["posts"]))
    assert shaped.message == INTERNAL_MESSAGE
    assert shaped.extensions == {"code": "INTERNAL"}
    assert shaped.original_error is None


def test_null_in_non_null_field_is_internal_not_user_error() -> None:
    assert shape_error(_located(None, ["post", "title"])).extensions == {"code": "INTERNAL"}


def test_shaping_is_idempotent() -> None:
    once = shape_error(_located(Throttled("busy"), ["posts"]))
    assert shape_error(once) is once


def test_variable_coercion_errors_are_bad_user_input() -> None:
    coercion = GraphQLError("Variable '$i' got invalid value", original_error=GraphQLError("x"))
    assert shape_error(coercion).extensions == {"code": "BAD_USER_INPUT"}
