from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from core.errors import BadUserInput
from resolvers.inputs import CreatePostInput, PostsArgs, UpdatePostInput, parse

POST_ID = "01HZ0000000000000000000000"


def test_accepts_graphql_and_python_names() -> None:
    by_alias = parse(
        CreatePostInput, {"title": " Hi ", "category": "tech", "clientRequestToken": "abcdefgh"}
    )
    by_name = parse(
        CreatePostInput, {"title": "Hi", "category": "tech", "client_request_token": "abcdefgh"}
    )
    assert by_alias == by_name
    assert by_alias.title == "Hi"


@pytest.mark.parametrize(
    ("model", "arguments", "complaint"),
    [
        (CreatePostInput, {"title": "", "category": "tech"}, "title"),
        (CreatePostInput, {"title": "   ", "category": "tech"}, "title"),
        (CreatePostInput, {"title": "x" * 201, "category": "tech"}, "title"),
        (CreatePostInput, {"title": "t", "body": "x" * 10_001, "category": "tech"}, "body"),
        (CreatePostInput, {"title": "t", "category": "cooking"}, "unknown category"),
        (
            CreatePostInput,
            {"title": "t", "category": "tech", "clientRequestToken": "a#b"},
            "clientRequestToken",
        ),
        (PostsArgs, {"limit": 0}, "limit"),
        (PostsArgs, {"limit": 101}, "limit"),
        (UpdatePostInput, {"id": POST_ID, "expectedVersion": 1}, "at least one"),
        (UpdatePostInput, {"id": "POST#1", "expectedVersion": 1, "title": "t"}, "not a post id"),
        (UpdatePostInput, {"id": POST_ID, "expectedVersion": 0, "title": "t"}, "expectedVersion"),
    ],
)
def test_rejections_name_the_field(model: Any, arguments: dict[str, Any], complaint: str) -> None:
    with pytest.raises(BadUserInput, match=complaint):
        parse(model, arguments)


def test_limits_are_accepted_at_the_bounds() -> None:
    assert parse(PostsArgs, {"limit": 1}).limit == 1
    assert parse(PostsArgs, {"limit": 100}).limit == 100
    assert parse(CreatePostInput, {"title": "x" * 200, "body": "y" * 10_000, "category": "music"})


def test_errors_name_arguments_as_graphql_spells_them() -> None:
    from resolvers.comment_inputs import AddCommentInput

    with pytest.raises(BadUserInput) as raised:
        parse(AddCommentInput, {"postId": "nope", "body": "hi"})
    assert "postId: not a post id" in raised.value.message


@pytest.mark.parametrize(
    ("model", "arguments", "message"),
    [
        (
            CreatePostInput,
            {"title": "", "category": "tech"},
            "input.title: must not be empty or blank",
        ),
        (
            CreatePostInput,
            {"title": "x" * 201, "category": "tech"},
            "input.title: must have at most 200 characters",
        ),
        (CreatePostInput, {"category": "tech"}, "input.title: is required"),
        (
            CreatePostInput,
            {"title": "t", "category": "tech", "extra": 1},
            "input.extra: is not a field",
        ),
        (CreatePostInput, None, "input: must be an object"),
        (
            UpdatePostInput,
            {"id": POST_ID, "expectedVersion": 1},
            "input: give at least one of title, body, category, mediaIds",
        ),
        (
            UpdatePostInput,
            {"id": POST_ID, "expectedVersion": 0, "title": "t"},
            "input.expectedVersion: must be at least 1",
        ),
    ],
)
def test_messages_are_in_our_words_and_name_the_input_field(
    model: Any, arguments: Any, message: str
) -> None:
    with pytest.raises(BadUserInput) as raised:
        parse(model, arguments, at="input")
    assert raised.value.message.startswith(message), raised.value.message


def test_a_validated_model_passes_as_it_is() -> None:
    model = parse(CreatePostInput, {"title": "t", "category": "tech"})
    assert parse(CreatePostInput, model, at="input") is model


def test_a_typed_input_of_a_door_is_validated_as_its_fields() -> None:
    @dataclass
    class Typed:  # as Strawberry's input types are
        title: str
        category: str

    assert parse(CreatePostInput, Typed("t", "tech")).title == "t"
    with pytest.raises(BadUserInput, match=r"input\.title: must not be empty"):
        parse(CreatePostInput, Typed(" ", "tech"), at="input")
