"""The uploads bucket, as local serve and the tests set it up (the Lambda does neither)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from botocore.exceptions import ClientError

from store.errors import translated_errors

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


def create_bucket(client: S3Client, name: str, region: str) -> bool:
    """Create the bucket; returns False when this account already owns it."""
    try:
        if region == "us-east-1":
            client.create_bucket(Bucket=name)
        else:
            client.create_bucket(
                Bucket=name,
                CreateBucketConfiguration={"LocationConstraint": region},  # type: ignore[typeddict-item]
            )
    except ClientError as exc:
        if exc.response["Error"]["Code"] != "BucketAlreadyOwnedByYou":
            raise
        return False
    return True


def put_object(client: S3Client, bucket: str, key: str, body: bytes, content_type: str) -> None:
    """Store bytes made locally (the demo data's pictures), never a client's upload."""
    with translated_errors():
        client.put_object(Bucket=bucket, Key=key, Body=body, ContentType=content_type)
