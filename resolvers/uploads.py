"""Media uploads: a presigned form to upload straight to S3, then a server-side verification."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from core.clock import aws_datetime, now_iso, utc_now
from core.errors import BadUserInput, MediaUnavailable
from core.ids import new_id
from core.media_types import SNIFF_BYTES, matches
from core.models import Media, Upload, UploadStatus
from resolvers.inputs import CreateUploadInput, UploadIdArgs, parse
from resolvers.registry import resolver
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


@dataclass(frozen=True, slots=True)
class MediaLink:
    media: Media
    url: str


@resolver("Mutation.createUpload")
def create_upload(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> UploadTicket:
    viewer = ctx.require_viewer()
    args = parse(CreateUploadInput, arguments.get("input"), at="input")
    limits = ctx.settings.upload_limits
    limit = limits.get(args.content_type)
    if limit is None:
        raise BadUserInput(f"input.contentType: must be one of {', '.join(sorted(limits))}")
    if args.size > limit:
        raise BadUserInput(f"input.size: over the {limit:,}-byte limit for {args.content_type}")
    window = ctx.settings.upload_window_seconds
    upload = Upload(
        id=new_id(),
        owner_id=viewer.id,
        content_type=args.content_type,
        size=args.size,
        filename=args.filename,
        alt_text=args.alt_text,
        status=UploadStatus.PENDING,
        created_at=now_iso(),
        expires_at=aws_datetime(utc_now() + timedelta(seconds=window)),
    )
    key = incoming_object_key(viewer.id, upload.id)
    form = ctx.media.upload_form(key, upload.content_type, upload.size, window)
    return UploadTicket(upload=ctx.store.uploads.create(upload), form=form, max_bytes=limit)


@resolver("Mutation.completeUpload")
def complete_upload(ctx: RequestContext, _source: None, arguments: Mapping[str, Any]) -> Upload:
    """Verify what arrived; READY or REJECTED with the reason. Completing again answers the same."""
    viewer = ctx.require_viewer()
    upload = ctx.store.uploads.get(viewer.id, parse(UploadIdArgs, arguments).id)
    if upload.status is not UploadStatus.PENDING:
        return upload
    incoming = incoming_object_key(viewer.id, upload.id)
    reason = _rejection(ctx, upload, incoming)
    if reason is None:
        ctx.media.move(incoming, media_object_key(viewer.id, upload.id))
        return ctx.store.uploads.finish(viewer.id, upload.id, UploadStatus.READY, None)
    ctx.media.delete(incoming)
    return ctx.store.uploads.finish(viewer.id, upload.id, UploadStatus.REJECTED, reason)


def _rejection(ctx: RequestContext, upload: Upload, key: str) -> str | None:
    """Why the object under `key` is not the upload that was declared, or None if it is."""
    if now_iso() > aws_datetime(_parse(upload.expires_at) + COMPLETION_GRACE):
        return "the upload expired before it was completed"
    stored = ctx.media.head(key)
    if stored is None:
        return "no file was uploaded"
    if stored.size != upload.size:
        return f"the file has {stored.size} bytes, not the declared {upload.size}"
    if stored.size > ctx.settings.upload_limits.get(upload.content_type, 0):
        return "the file is over the size limit"
    if stored.content_type != upload.content_type:
        return f"the file was sent as {stored.content_type!r}, not {upload.content_type!r}"
    if not matches(upload.content_type, ctx.media.first_bytes(key, SNIFF_BYTES)):
        return f"the file's content is not {upload.content_type}"
    return None


def _parse(moment: str) -> datetime:
    return datetime.fromisoformat(moment.replace("Z", "+00:00"))


def attachable_media(
    ctx: RequestContext, viewer: Viewer, upload_ids: Sequence[str]
) -> tuple[Media, ...]:
    """The viewer's READY uploads as media; the store's transaction re-checks them atomically."""
    uploads = ctx.store.uploads.get_many(viewer.id, upload_ids)
    if any(u.status is not UploadStatus.READY for u in uploads):
        raise MediaUnavailable()
    return tuple(u.media(media_object_key(viewer.id, u.id)) for u in uploads)


def _links(ctx: RequestContext, media: Sequence[Media]) -> list[MediaLink]:
    seconds = ctx.settings.media_url_seconds
    return [MediaLink(media=m, url=ctx.media.url(m.key, seconds)) for m in media]


@resolver("Post.media")
def post_media(ctx: RequestContext, source: Post, _arguments: Mapping[str, Any]) -> list[MediaLink]:
    return _links(ctx, source.media)


@resolver("User.avatar")
def user_avatar(
    ctx: RequestContext, source: UserProfile, _arguments: Mapping[str, Any]
) -> MediaLink | None:
    return _links(ctx, [source.avatar])[0] if source.avatar else None
