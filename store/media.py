"""The uploads bucket: presigned forms and URLs, and the checks of what arrived. All S3 I/O."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from store.errors import error_code, translated_errors

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


@dataclass(frozen=True, slots=True)
class UploadForm:
    url: str
    #: Form fields in order; the file goes after them, last.
    fields: list[tuple[str, str]]


@dataclass(frozen=True, slots=True)
class StoredObject:
    size: int
    content_type: str


class MediaStorage:
    def __init__(self, client: S3Client, bucket: str) -> None:
        self._client = client
        self._bucket = bucket

    def upload_form(self, key: str, content_type: str, size: int, seconds: int) -> UploadForm:
        """A presigned POST whose policy pins bucket, key, Content-Type and the exact length."""
        # A value in Fields is not added to Conditions by boto3: both are given explicitly.
        presigned = self._client.generate_presigned_post(
            Bucket=self._bucket,
            Key=key,
            Fields={"Content-Type": content_type},
            Conditions=[{"Content-Type": content_type}, ["content-length-range", size, size]],
            ExpiresIn=seconds,
        )
        return UploadForm(url=presigned["url"], fields=list(presigned["fields"].items()))

    def head(self, key: str) -> StoredObject | None:
        with translated_errors():
            try:
                response = self._client.head_object(Bucket=self._bucket, Key=key)
            except ClientError as exc:
                if error_code(exc) in ("404", "NoSuchKey", "NotFound"):
                    return None
                raise
        return StoredObject(
            size=int(response["ContentLength"]), content_type=response.get("ContentType", "")
        )

    def first_bytes(self, key: str, count: int) -> bytes:
        with translated_errors():
            response = self._client.get_object(
                Bucket=self._bucket, Key=key, Range=f"bytes=0-{count - 1}"
            )
            body: bytes = response["Body"].read()
        return body

    def move(self, source: str, target: str) -> None:
        """Server-side copy then delete: the bytes never pass through the function.

        Safe to repeat: a source already moved (a concurrent or retried completion) is fine.
        """
        with translated_errors():
            try:
                self._client.copy_object(
                    Bucket=self._bucket,
                    Key=target,
                    CopySource={"Bucket": self._bucket, "Key": source},
                )
            except ClientError as exc:
                if error_code(exc) not in ("404", "NoSuchKey") or self.head(target) is None:
                    raise
            self._client.delete_object(Bucket=self._bucket, Key=source)

    def delete(self, key: str) -> None:
        with translated_errors():
            self._client.delete_object(Bucket=self._bucket, Key=key)

    def url(self, key: str, seconds: int) -> str:
        """A presigned GET; signing is local, no request is made."""
        params: dict[str, Any] = {"Bucket": self._bucket, "Key": key}
        return self._client.generate_presigned_url("get_object", Params=params, ExpiresIn=seconds)
