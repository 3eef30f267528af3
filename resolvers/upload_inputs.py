"""The upload inputs: what a client declares before uploading, and which upload it completes.

Declared like every other input (resolvers/inputs.py): the schema derives its input types
from these models.
"""

from __future__ import annotations

from pydantic import Field

from core.limits import ALT_TEXT, CONTENT_TYPE_CHARACTERS, FILENAME
from resolvers.inputs import AltText, Arguments, Filename, UploadId


class MediaFocusInput(Arguments):
    """Where to keep an image in view when it is cropped."""

    x: float = Field(
        ge=-1, le=1, allow_inf_nan=False, description="-1 (left edge) to 1 (right edge)."
    )
    y: float = Field(
        ge=-1, le=1, allow_inf_nan=False, description="-1 (bottom edge) to 1 (top edge)."
    )


class CreateUploadInput(Arguments):
    """What you are about to upload."""

    content_type: str = Field(
        max_length=CONTENT_TYPE_CHARACTERS,
        description="image/jpeg, image/png, image/gif, image/webp, video/mp4 or video/webm.",
    )
    size: int = Field(ge=1, description="Exact size in bytes; the upload must match it.")
    filename: Filename = Field(
        description=f"For display only; 1 to {FILENAME.most} characters, no path."
    )
    alt_text: AltText = Field(
        "",
        description=(
            f"What the image shows, for screen readers; up to {ALT_TEXT.most} characters."
        ),
    )
    focus: MediaFocusInput | None = Field(
        None, description="Images: the point to keep in view when cropped."
    )


class UploadIdArgs(Arguments):
    id: UploadId
