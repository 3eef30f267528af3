"""Secrets from AWS Secrets Manager: the current value and, during a rotation, the previous one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from botocore.exceptions import ClientError

from core.config import decode_secret
from store.errors import error_code, translated_errors

if TYPE_CHECKING:
    from mypy_boto3_secretsmanager import SecretsManagerClient


def current_and_previous(client: SecretsManagerClient, secret_id: str) -> list[bytes]:
    """[AWSCURRENT, AWSPREVIOUS if there is one], each decoded from base64."""
    values: list[bytes] = []
    for stage in ("AWSCURRENT", "AWSPREVIOUS"):
        with translated_errors():
            try:
                secret = client.get_secret_value(SecretId=secret_id, VersionStage=stage)
            except ClientError as exc:
                if stage == "AWSPREVIOUS" and error_code(exc) == "ResourceNotFoundException":
                    break
                raise
        values.append(decode_secret(secret["SecretString"]))
    return values
