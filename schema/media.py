"""Output types of uploads and media: the upload, its form, and media as attached."""

from __future__ import annotations

import strawberry

from core import models
from resolvers.uploads import MediaLink
from resolvers.uploads import UploadTicket as UploadTicket_
from schema.scalars import AWSDateTime

# The domain's enum is the GraphQL enum: one spelling of an upload's status.
strawberry.enum(models.UploadStatus, description="Where an upload is in its life.")


@strawberry.type(description="A file you upload straight to storage, then complete.")
class Upload:
    id: strawberry.ID
    status: models.UploadStatus
    content_type: str
    size: int
    filename: str
    expires_at: AWSDateTime = strawberry.field(description="The upload form stops working then.")
    reason: str | None = strawberry.field(
        description=(
            "Why it was REJECTED; while PENDING after `completeUpload`, what is awaited "
            "(complete again once the file is sent)."
        )
    )

    @classmethod
    def from_domain(cls, upload: models.Upload) -> Upload:
        return cls(
            id=strawberry.ID(upload.id),
            status=upload.status,
            content_type=upload.content_type,
            size=upload.size,
            filename=upload.filename,
            expires_at=AWSDateTime(upload.expires_at),
            reason=upload.reason,
        )


@strawberry.type(description="One form field of a presigned upload.")
class FormField:
    name: str
    value: str


@strawberry.type(
    description=(
        "POST `fields` (in order), then the file as `file`, as multipart/form-data to `url`."
    )
)
class UploadTicket:
    upload: Upload
    url: str
    fields: list[FormField]
    max_bytes: int

    @classmethod
    def from_domain(cls, ticket: UploadTicket_) -> UploadTicket:
        return cls(
            upload=Upload.from_domain(ticket.upload),
            url=ticket.form.url,
            fields=[FormField(name=n, value=v) for n, v in ticket.form.fields],
            max_bytes=ticket.max_bytes,
        )


@strawberry.type(description="Where to keep an image in view when it is cropped.")
class MediaFocus:
    x: float = strawberry.field(description="-1 (left edge) to 1 (right edge).")
    y: float = strawberry.field(description="-1 (bottom edge) to 1 (top edge).")


@strawberry.type(description="A smaller copy of an image, for `srcset`.")
class MediaVariant:
    url: str = strawberry.field(description="A short-lived download URL.")
    width: int
    height: int
    content_type: str


@strawberry.type(description="An attached image or video.")
class Media:
    id: strawberry.ID
    content_type: str = strawberry.field(description="The type of what `url` serves.")
    size: int = strawberry.field(description="Bytes of what `url` serves.")
    url: str | None = strawberry.field(
        description=(
            "A short-lived download URL of the original (images re-encoded without metadata); "
            "null while the upload is PROCESSING."
        )
    )
    alt_text: str = strawberry.field(description="What the image shows; may be empty.")
    width: int | None = strawberry.field(
        description="Pixels, orientation applied; null while processing or when unknown."
    )
    height: int | None = strawberry.field(
        description="Pixels, orientation applied; null while processing or when unknown."
    )
    duration_seconds: float | None = strawberry.field(description="Videos only.")
    blurhash: str | None = strawberry.field(
        description="A placeholder to show while the image loads (blurha.sh); images only."
    )
    focus: MediaFocus | None = strawberry.field(description="As given at upload.")
    variants: list[MediaVariant] = strawberry.field(
        description=(
            "WebP copies 320, 640 and 1280 pixels wide, narrowest first, only those narrower "
            "than the original; empty for videos and while processing."
        )
    )

    @classmethod
    def maybe(cls, link: MediaLink | None) -> Media | None:
        return cls.from_domain(link) if link else None

    @classmethod
    def all_of(cls, links: list[MediaLink]) -> list[Media]:
        return [cls.from_domain(link) for link in links]

    @classmethod
    def from_domain(cls, link: MediaLink) -> Media:
        media = link.media
        focus = media.focus
        return cls(
            id=strawberry.ID(media.id),
            content_type=media.content_type,
            size=media.size,
            url=link.url,
            alt_text=media.alt_text,
            width=media.width,
            height=media.height,
            duration_seconds=media.duration_seconds,
            blurhash=media.blurhash,
            focus=MediaFocus(x=focus.x, y=focus.y) if focus else None,
            variants=[
                MediaVariant(url=v.url, width=v.width, height=v.height, content_type=v.content_type)
                for v in link.variants
            ],
        )
