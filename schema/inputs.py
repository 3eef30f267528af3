"""Input types. Limits are enforced by the resolvers' pydantic models and stated here."""

from __future__ import annotations

import strawberry


@strawberry.input(description="A new post.")
class CreatePostInput:
    title: str = strawberry.field(description="1 to 200 characters.")
    category: str = strawberry.field(description="A category slug, see `categories`.")
    body: str = strawberry.field(default="", description="Up to 10,000 characters.")
    client_request_token: str | None = strawberry.field(
        default=None,
        description=(
            "8 to 64 of [A-Za-z0-9_-]. Retrying with the same token returns the same post "
            "instead of creating another (remembered for 24 hours)."
        ),
    )
    media_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Up to 10 of your READY uploads; each attaches to one post."
    )


@strawberry.input(description="Changes to a post; fields left out stay as they are.")
class UpdatePostInput:
    id: strawberry.ID
    expected_version: int = strawberry.field(
        description="The version you last read; a stale one fails with CONFLICT."
    )
    title: str | None = None
    body: str | None = None
    category: str | None = None
    media_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Replaces the attachments; uploads left out are released."
    )


@strawberry.input(description="Your profile, created once.")
class CreateProfileInput:
    handle: str = strawberry.field(
        description="Unique, 3 to 30 of [a-z0-9_]; cannot be changed later."
    )
    display_name: str = strawberry.field(description="1 to 50 characters.")
    bio: str = strawberry.field(default="", description="Up to 300 characters.")


@strawberry.input(description="Changes to your profile; fields left out stay as they are.")
class UpdateProfileInput:
    display_name: str | None = None
    bio: str | None = None
    avatar_upload_id: strawberry.ID | None = strawberry.field(
        default=None, description="A READY image upload of yours."
    )


@strawberry.input(description="A comment on a post.")
class AddCommentInput:
    post_id: strawberry.ID
    body: str = strawberry.field(description="1 to 2,000 characters.")


@strawberry.input(description="Where to keep an image in view when it is cropped.")
class MediaFocusInput:
    x: float = strawberry.field(description="-1 (left edge) to 1 (right edge).")
    y: float = strawberry.field(description="-1 (bottom edge) to 1 (top edge).")


@strawberry.input(description="What you are about to upload.")
class CreateUploadInput:
    content_type: str = strawberry.field(
        description="image/jpeg, image/png, image/gif, image/webp, video/mp4 or video/webm."
    )
    size: int = strawberry.field(description="Exact size in bytes; the upload must match it.")
    filename: str = strawberry.field(description="For display only; 1 to 255 characters, no path.")
    alt_text: str = strawberry.field(
        default="", description="What the image shows, for screen readers; up to 500 characters."
    )
    focus: MediaFocusInput | None = strawberry.field(
        default=None, description="Images: the point to keep in view when cropped."
    )
