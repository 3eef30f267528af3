"""Media uploads: a presigned form to upload straight to S3, then a server-side verification."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from core.clock import aws_datetime, now_iso, utc_now
from core.errors import BadUserInput, MediaUnavailable
from core.ids import new_id
from core.models import Focus, Media, Upload, UploadStatus
from media.checks import declared_mismatch
from resolvers.inputs import parse
from resolvers.registry import resolver
from resolvers.upload_inputs import CreateUploadInput, UploadIdArgs
from store.repository import incoming_object_key, media_object_key

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from auth.viewer import Viewer
    from core.models import Post, UserProfile
    from resolvers.context import RequestContext
    from store.repository import UploadForm

#: After its upload window, an upload may still be completed for this long.
COMPLETION_GRACE = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class UploadTicket:
    upload: Upload
    form: UploadForm
    max_bytes: int


#: What `completeUpload` answers, still PENDING, when the file has not arrived yet.
NOT_ARRIVED = "the file has not arrived yet: send it with the upload form, then complete again"


@dataclass(frozen=True, slots=True)
class VariantLink:
    width: int
    height: int
    content_type: str
    url: str


@dataclass(frozen=True, slots=True)
class MediaLink:
    media: Media
    #: None while the upload is processed: nothing is served before it is verified.
    url: str | None
    variants: tuple[VariantLink, ...] = ()


@resolver("Mutation.createUpload")
def create_upload(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> UploadTicket:
    viewer = ctx.require_viewer()
    args = parse(CreateUploadInput, arguments["input"])
    limits = ctx.settings.upload_limits
    limit = limits.get(args.content_type)
    if limit is None:
        raise BadUserInput(f"contentType must be one of {', '.join(sorted(limits))}")
    if args.size > limit:
        raise BadUserInput(f"size is over the {limit:,}-byte limit for {args.content_type}")
    window = ctx.settings.upload_window_seconds
    upload = Upload(
        id=new_id(),
        owner_id=viewer.id,
        content_type=args.content_type,
        size=args.size,
        filename=args.filename,
        alt_text=args.alt_text,
        focus=Focus(args.focus.x, args.focus.y) if args.focus else None,
        status=UploadStatus.PENDING,
        created_at=now_iso(),
        expires_at=aws_datetime(utc_now() + timedelta(seconds=window)),
    )
    key = incoming_object_key(viewer.id, upload.id)
    form = ctx.media.upload_form(key, upload.content_type, upload.size, window)
    return UploadTicket(upload=ctx.store.uploads.create(upload), form=form, max_bytes=limit)


@resolver("Mutation.completeUpload")
def complete_upload(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> Upload:
    """Check what arrived and hand it to processing (PROCESSING), at once; REJECTED with the
    reason, or PENDING with a hint when the file is not there yet. Completing again is safe."""
    viewer = ctx.require_viewer()
    upload = ctx.store.uploads.get(viewer.id, parse(UploadIdArgs, arguments).id)
    if upload.status is not UploadStatus.PENDING:
        return upload
    incoming = incoming_object_key(viewer.id, upload.id)
    if now_iso() > aws_datetime(_parse(upload.expires_at) + COMPLETION_GRACE):
        reason: str | None = "the upload expired before it was completed"
    else:
        stored = ctx.media.head(incoming)
        if stored is None:
            # A client a little early: nothing is decided, the ticket stays usable.
            return dataclasses.replace(upload, reason=NOT_ARRIVED)
        limit = ctx.settings.upload_limits.get(upload.content_type, 0)
        reason = declared_mismatch(
            upload.content_type, upload.size, limit, stored.content_type, stored.size
        )
    if reason is None:
        # The bytes themselves are verified by the processing, on exactly what it serves.
        return ctx.store.uploads.begin_processing(viewer.id, upload.id)
    ctx.media.delete(incoming)
    return ctx.store.uploads.finish(viewer.id, upload.id, UploadStatus.REJECTED, reason)


def _parse(moment: str) -> datetime:
    return datetime.fromisoformat(moment.replace("Z", "+00:00"))


def attachable_media(
    ctx: RequestContext, viewer: Viewer, upload_ids: Sequence[str]
) -> tuple[Media, ...]:
    """The viewer's READY or PROCESSING uploads as media; the store's transaction re-checks
    them atomically."""
    uploads = ctx.store.uploads.get_many(viewer.id, upload_ids)
    if any(u.status not in (UploadStatus.READY, UploadStatus.PROCESSING) for u in uploads):
        raise MediaUnavailable()
    return tuple(u.media(media_object_key(viewer.id, u.id)) for u in uploads)


def _links(ctx: RequestContext, media: Sequence[Media]) -> list[MediaLink]:
    seconds = ctx.settings.media_url_seconds

    def link(m: Media) -> MediaLink:
        if not m.ready:
            return MediaLink(media=m, url=None)
        variants = tuple(
            VariantLink(v.width, v.height, v.content_type, ctx.media.url(v.key, seconds))
            for v in m.variants
        )
        return MediaLink(media=m, url=ctx.media.url(m.key, seconds), variants=variants)

    return [link(m) for m in media]


@resolver("Post.media")
def post_media(ctx: RequestContext, source: Post, _arguments: Mapping[str, Any]) -> list[MediaLink]:
    return _links(ctx, source.media)


@resolver("User.avatar")
def user_avatar(
    ctx: RequestContext, source: UserProfile, _arguments: Mapping[str, Any]
) -> MediaLink | None:
    return _links(ctx, [source.avatar])[0] if source.avatar else None
