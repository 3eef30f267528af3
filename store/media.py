"""The uploads bucket: presigned forms and URLs, and the checks of what arrived. All S3 I/O."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from store.errors import error_code, translated_errors

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.type_defs import CopyObjectRequestTypeDef


@dataclass(frozen=True, slots=True)
class UploadForm:
    url: str
    #: Form fields in order; the file goes after them, last.
    fields: list[tuple[str, str]]


@dataclass(frozen=True, slots=True)
class StoredObject:
    size: int
    content_type: str
    #: The version read: later reads and copies are pinned to it (If-Match).
    etag: str = ""


@dataclass(frozen=True, slots=True)
class StoredBytes:
    data: bytes
    content_type: str
    etag: str


class ObjectChanged(Exception):
    """The object is no longer the version that was read (it was uploaded again)."""


#: S3 codes for "gone" and for a failed If-Match.
_MISSING = ("404", "NoSuchKey", "NotFound")
_CHANGED = ("412", "PreconditionFailed")


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
                if error_code(exc) in _MISSING:
                    return None
                raise
        return StoredObject(
            size=int(response["ContentLength"]),
            content_type=response.get("ContentType", ""),
            etag=response.get("ETag", ""),
        )

    def read(self, key: str, max_bytes: int) -> StoredBytes | None:
        """The whole object, if it is at most `max_bytes` (else only its first `max_bytes + 1`,
        which tells the caller it is too big); None if there is none."""
        with translated_errors():
            try:
                response = self._client.get_object(
                    Bucket=self._bucket, Key=key, Range=f"bytes=0-{max_bytes}"
                )
            except ClientError as exc:
                if error_code(exc) in _MISSING:
                    return None
                raise
            data: bytes = response["Body"].read()
        return StoredBytes(data, response.get("ContentType", ""), response.get("ETag", ""))

    def read_range(self, key: str, offset: int, length: int, etag: str) -> bytes:
        """Bytes of exactly the version `etag`; ObjectChanged if the object was replaced."""
        if length <= 0:
            return b""
        with translated_errors():
            try:
                response = self._client.get_object(
                    Bucket=self._bucket,
                    Key=key,
                    Range=f"bytes={offset}-{offset + length - 1}",
                    IfMatch=etag,
                )
            except ClientError as exc:
                if error_code(exc) in _CHANGED:
                    raise ObjectChanged(key) from exc
                if error_code(exc) == "InvalidRange":
                    return b""
                raise
            body: bytes = response["Body"].read()
        return body

    def put(self, key: str, data: bytes, content_type: str) -> None:
        with translated_errors():
            self._client.put_object(
                Bucket=self._bucket,
                Key=key,
                Body=data,
                ContentType=content_type,
                CacheControl="private, max-age=31536000, immutable",
            )

    def _copy_request(
        self, source: str, target: str, *, if_match: str | None = None
    ) -> CopyObjectRequestTypeDef:
        """A server-side copy within the bucket; with `if_match`, of that version only."""
        request: CopyObjectRequestTypeDef = {
            "Bucket": self._bucket,
            "Key": target,
            "CopySource": {"Bucket": self._bucket, "Key": source},
        }
        if if_match is not None:
            request["CopySourceIfMatch"] = if_match
        return request

    def copy_verified(self, source: str, target: str, etag: str) -> None:
        """Server-side copy of exactly the version that was verified (CopySourceIfMatch)."""
        with translated_errors():
            try:
                self._client.copy_object(**self._copy_request(source, target, if_match=etag))
            except ClientError as exc:
                if error_code(exc) in _CHANGED:
                    raise ObjectChanged(source) from exc
                raise

    def delete_many(self, keys: list[str]) -> None:
        """Delete objects (absent ones are fine: deleting is idempotent in S3)."""
        for start in range(0, len(keys), 1000):
            chunk = keys[start : start + 1000]
            with translated_errors():
                response = self._client.delete_objects(
                    Bucket=self._bucket,
                    Delete={"Objects": [{"Key": k} for k in chunk], "Quiet": True},
                )
            if response.get("Errors"):
                raise RuntimeError(f"S3 kept objects it was asked to delete: {response['Errors']}")

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
                self._client.copy_object(**self._copy_request(source, target))
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
