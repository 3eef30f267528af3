"""The one declaration of every argument and input: names, types, defaults, limits, descriptions.

The schema's input types are derived from these models (schema/inputs.py, with Strawberry's
pydantic integration); the numbers come from core/limits.py. Every failure to validate becomes
one BAD_USER_INPUT error naming its field (resolvers/validation.py).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)
from pydantic.alias_generators import to_camel

from core.categories import CATEGORIES, is_category
from core.ids import is_post_id, is_user_id
from core.limits import (
    ALT_TEXT,
    BIO,
    BODY,
    COMMENT_BODY,
    CURSOR_CHARACTERS,
    DISPLAY_NAME,
    FILENAME,
    HANDLE_CHARACTERS,
    HANDLE_PATTERN,
    IDS_PER_REQUEST,
    MEDIA_PER_POST,
    PAGE,
    POLL,
    REQUEST_TOKEN_PATTERN,
    TITLE,
    Length,
)
from core.models import CommentOrder
from core.text import clean_text
from resolvers.text_inputs import Line, Lines, RequiredLines

# Re-exported: resolvers have always found `parse` beside the models.
from resolvers.validation import parse as parse


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


def _text(length: Length, *, strip: bool = True) -> StringConstraints:
    return StringConstraints(
        strip_whitespace=strip, min_length=length.least or None, max_length=length.most
    )


Title = Annotated[str, _text(TITLE), Line]
Body = Annotated[str, _text(BODY, strip=False), Lines]
Category = Annotated[str, AfterValidator(_category)]
PostId = Annotated[str, AfterValidator(_post_id)]
UserId = Annotated[str, AfterValidator(_user_id)]
RequestToken = Annotated[str, StringConstraints(pattern=REQUEST_TOKEN_PATTERN)]
Handle = Annotated[str, StringConstraints(pattern=HANDLE_PATTERN)]
DisplayName = Annotated[str, _text(DISPLAY_NAME), Line]
Bio = Annotated[str, _text(BIO, strip=False), Lines]
CommentBody = Annotated[str, _text(COMMENT_BODY), RequiredLines]
AltText = Annotated[str, _text(ALT_TEXT), Lines]
CommentId = PostId  # comment ids are ULIDs too
UploadId = PostId  # and upload ids


def _filename(value: str) -> str:
    # Kept for display only (the object key is ours), but still nothing path-like or invisible.
    if "/" in value or "\\" in value or ".." in value or any(ord(c) < 32 for c in value):
        raise ValueError(
            "must be a plain file name: no path separators, '..' or control characters"
        )
    return clean_text(value)


Filename = Annotated[str, _text(FILENAME, strip=False), AfterValidator(_filename)]


def _distinct(values: list[str] | None) -> list[str] | None:
    if values is not None and len(set(values)) != len(values):
        raise ValueError("lists an upload twice")
    return values


MediaIds = Annotated[
    list[UploadId] | None, Field(max_length=MEDIA_PER_POST), AfterValidator(_distinct)
]


class Arguments(BaseModel):
    """GraphQL argument names are camelCase; Python names are snake_case."""

    # defer_build: a model's validator is built on its first use, not at import, so a cold
    # start pays only for the argument models its first request needs.
    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        extra="forbid",
        frozen=True,
        defer_build=True,
    )


class PageArgs(Arguments):
    limit: int = Field(PAGE.default, ge=1, le=PAGE.most)
    next_token: str | None = None
    prefetch: tuple[str, ...] = ()  # not GraphQL's: what items select (resolvers/visibility.py)


class PollArgs(Arguments):
    limit: int = Field(POLL.default, ge=1, le=POLL.most)
    after: str | None = Field(None, max_length=CURSOR_CHARACTERS)
    prefetch: tuple[str, ...] = ()  # as PageArgs.prefetch


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
    ids: list[PostId] = Field(min_length=1, max_length=IDS_PER_REQUEST)


class PostIdArgs(Arguments):
    id: PostId


class PostArgs(PostIdArgs):
    #: Not a GraphQL argument: the schema layer's hint that the selection wants the first
    #: `prefetch_comments` comments, so post and comments come from one Query.
    prefetch_comments: int | None = Field(None, ge=1, le=PAGE.most)
    #: Their order, and what each of them selects (as PageArgs.prefetch).
    comments_order: CommentOrder = CommentOrder.OLDEST
    comment_fields: tuple[str, ...] = ()


class UserIdArgs(Arguments):
    id: UserId


class UserArgs(Arguments):
    id: UserId | None = None
    handle: str | None = Field(None, max_length=HANDLE_CHARACTERS)

    @model_validator(mode="after")
    def _exactly_one(self) -> UserArgs:
        if (self.id is None) == (self.handle is None):
            raise ValueError("give exactly one of id, handle")
        return self


class UserIdTarget(Arguments):
    user_id: UserId


class CreateProfileInput(Arguments):
    """Your profile, created once."""

    handle: Handle = Field(description="Unique, 3 to 30 of [a-z0-9_]; cannot be changed later.")
    display_name: DisplayName = Field(description=DISPLAY_NAME.describe())
    bio: Bio = Field("", description=BIO.describe())


class UpdateProfileInput(Arguments):
    """Changes to your profile; fields left out stay as they are."""

    display_name: DisplayName | None = None
    bio: Bio | None = None
    avatar_upload_id: UploadId | None = Field(None, description="A READY image upload of yours.")

    @model_validator(mode="after")
    def _changes_something(self) -> UpdateProfileInput:
        if self.display_name is None and self.bio is None and self.avatar_upload_id is None:
            raise ValueError("give at least one of displayName, bio, avatarUploadId")
        return self


class PostIdTarget(Arguments):
    post_id: PostId


class CreatePostInput(Arguments):
    """A new post."""

    title: Title = Field(description=TITLE.describe())
    category: Category = Field(description="A category slug, see `categories`.")
    body: Body = Field("", description=BODY.describe())
    client_request_token: RequestToken | None = Field(
        None,
        description=(
            "8 to 64 of [A-Za-z0-9_-]. Retrying with the same token returns the same post "
            "instead of creating another (remembered for 24 hours)."
        ),
    )
    media_ids: MediaIds = Field(
        None,
        description=f"Up to {MEDIA_PER_POST} of your READY uploads; each attaches to one post.",
    )


class UpdatePostInput(Arguments):
    """Changes to a post; fields left out stay as they are."""

    id: PostId
    expected_version: int = Field(
        ge=1, description="The version you last read; a stale one fails with CONFLICT."
    )
    title: Title | None = None
    body: Body | None = None
    category: Category | None = None
    media_ids: MediaIds = Field(
        None, description="Replaces the attachments; uploads left out are released."
    )

    @model_validator(mode="after")
    def _changes_something(self) -> UpdatePostInput:
        changes = (self.title, self.body, self.category, self.media_ids)
        if all(change is None for change in changes):
            raise ValueError("give at least one of title, body, category, mediaIds")
        return self
