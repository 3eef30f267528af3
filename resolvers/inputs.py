"""Argument validation with pydantic; every failure becomes one BAD_USER_INPUT error."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)
from pydantic.alias_generators import to_camel

from core.categories import CATEGORIES, is_category
from core.errors import BadUserInput
from core.ids import is_post_id, is_user_id
from core.text import clean_text

M = TypeVar("M", bound=BaseModel)

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
DEFAULT_POLL_SIZE = 25


def _category(value: str) -> str:
    if not is_category(value):
        raise ValueError(f"unknown category; use one of {', '.join(CATEGORIES)}")
    return value


def _post_id(value: str) -> str:
    if not is_post_id(value):
        raise ValueError("not a post id")
    return value


def _user_id(value: str) -> str:
    if not is_user_id(value):
        raise ValueError("not a user id")
    return value


def _line(value: str) -> str:
    return clean_text(value)


def _lines(value: str) -> str:
    return clean_text(value, multiline=True, required=False)


def _required_lines(value: str) -> str:
    return clean_text(value, multiline=True)


#: Every text input goes through the text policy (core/text.py), after its length bound.
Line = AfterValidator(_line)
Lines = AfterValidator(_lines)
RequiredLines = AfterValidator(_required_lines)

Title = Annotated[str, StringConstraints(max_length=200), Line]
Body = Annotated[str, StringConstraints(max_length=10_000), Lines]
Category = Annotated[str, AfterValidator(_category)]
PostId = Annotated[str, AfterValidator(_post_id)]
UserId = Annotated[str, AfterValidator(_user_id)]
RequestToken = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{8,64}$")]
Handle = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]{3,30}$")]
DisplayName = Annotated[str, StringConstraints(max_length=50), Line]
Bio = Annotated[str, StringConstraints(max_length=300), Lines]
CommentBody = Annotated[str, StringConstraints(max_length=2000), RequiredLines]
AltText = Annotated[str, StringConstraints(max_length=500), Lines]
CommentId = PostId  # comment ids are ULIDs too
UploadId = PostId  # and upload ids
MAX_MEDIA_PER_POST = 10


def _filename(value: str) -> str:
    # Kept for display only (the object key is ours), but still nothing path-like or invisible.
    if "/" in value or "\\" in value or ".." in value or any(ord(c) < 32 for c in value):
        raise ValueError(
            "must be a plain file name: no path separators, '..' or control characters"
        )
    return clean_text(value)


Filename = Annotated[
    str, StringConstraints(min_length=1, max_length=255), AfterValidator(_filename)
]


def _distinct(values: list[str] | None) -> list[str] | None:
    if values is not None and len(set(values)) != len(values):
        raise ValueError("lists an upload twice")
    return values


MediaIds = Annotated[
    list[UploadId] | None, Field(max_length=MAX_MEDIA_PER_POST), AfterValidator(_distinct)
]


class Arguments(BaseModel):
    """GraphQL argument names are camelCase; Python names are snake_case."""

    model_config = ConfigDict(
        alias_generator=to_camel, populate_by_name=True, extra="forbid", frozen=True
    )


class PageArgs(Arguments):
    limit: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)
    next_token: str | None = None


class PollArgs(Arguments):
    limit: int = Field(DEFAULT_POLL_SIZE, ge=1, le=MAX_PAGE_SIZE)
    after: str | None = Field(None, max_length=1024)


class PostEventsArgs(PollArgs):
    category: Category | None = None
    author_id: UserId | None = None

    @model_validator(mode="after")
    def one_topic(self) -> PostEventsArgs:
        if self.category is not None and self.author_id is not None:
            raise ValueError("give category or authorId, not both (or neither: every post)")
        return self


class PostSubscriptionArgs(Arguments):
    category: Category | None = None


class PostsArgs(PageArgs):
    category: Category | None = None


class PostIdsArgs(Arguments):
    ids: list[PostId] = Field(min_length=1, max_length=MAX_PAGE_SIZE)


class PostIdArgs(Arguments):
    id: PostId


class PostArgs(PostIdArgs):
    #: Not a GraphQL argument: the schema layer's hint that the selection wants the first
    #: `prefetch_comments` comments, so post and comments come from one Query.
    prefetch_comments: int | None = Field(None, ge=1, le=MAX_PAGE_SIZE)


class UserIdArgs(Arguments):
    id: UserId


class UserArgs(Arguments):
    id: UserId | None = None
    handle: str | None = Field(None, max_length=30)

    @model_validator(mode="after")
    def _exactly_one(self) -> UserArgs:
        if (self.id is None) == (self.handle is None):
            raise ValueError("give exactly one of id, handle")
        return self


class UserIdTarget(Arguments):
    user_id: UserId


class CreateProfileInput(Arguments):
    handle: Handle
    display_name: DisplayName
    bio: Bio = ""


class UpdateProfileInput(Arguments):
    display_name: DisplayName | None = None
    bio: Bio | None = None
    avatar_upload_id: UploadId | None = None

    @model_validator(mode="after")
    def _changes_something(self) -> UpdateProfileInput:
        if self.display_name is None and self.bio is None and self.avatar_upload_id is None:
            raise ValueError("give at least one of displayName, bio, avatarUploadId")
        return self


class CreateUploadInput(Arguments):
    content_type: str = Field(max_length=100)
    size: int = Field(ge=1)
    filename: Filename
    alt_text: AltText = ""


class UploadIdArgs(Arguments):
    id: UploadId


class PostIdTarget(Arguments):
    post_id: PostId


class AddCommentInput(Arguments):
    post_id: PostId
    body: CommentBody


class DeleteCommentArgs(Arguments):
    post_id: PostId
    id: CommentId


class CreatePostInput(Arguments):
    title: Title
    body: Body = ""
    category: Category
    client_request_token: RequestToken | None = None
    media_ids: MediaIds = None


class UpdatePostInput(Arguments):
    id: PostId
    expected_version: int = Field(ge=1)
    title: Title | None = None
    body: Body | None = None
    category: Category | None = None
    media_ids: MediaIds = None

    @model_validator(mode="after")
    def _changes_something(self) -> UpdatePostInput:
        changes = (self.title, self.body, self.category, self.media_ids)
        if all(change is None for change in changes):
            raise ValueError("give at least one of title, body, category, mediaIds")
        return self


def parse(model: type[M], arguments: Mapping[str, Any]) -> M:
    try:
        return model.model_validate(arguments)
    except ValidationError as exc:
        raise BadUserInput(_describe(exc)) from None


def _describe(exc: ValidationError) -> str:
    problems = []
    for error in exc.errors(include_url=False):
        # Named as the client wrote them (GraphQL's camelCase), not as Python spells them.
        where = ".".join(to_camel(p) if isinstance(p, str) else str(p) for p in error["loc"])
        message = error["msg"].removeprefix("Value error, ")
        problems.append(f"{where}: {message}" if where else message)
    return "Invalid input: " + "; ".join(problems)
