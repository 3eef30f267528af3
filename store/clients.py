"""AWS clients, created lazily once per container with deliberate retry and timeout settings."""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING

import boto3
from botocore.config import Config

from store.metering import metered

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient
    from mypy_boto3_dynamodbstreams import DynamoDBStreamsClient
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_secretsmanager import SecretsManagerClient

    from store.queues import SQSClient

#: Connections a client keeps open: a long-lived server calls from one thread per operation in
#: flight (`agora serve --threads`, 32 by default); botocore's 10 would make the rest reconnect for
#: every call. The Lambda, one request at a time, opens one or two; the pool only fills on use.
MAX_POOL_CONNECTIONS = 64

#: botocore checks every request against the service model before it sends it: about 5% of a
#: feed page's CPU (docs/BENCHMARKS.md). The store builds every request from inputs the resolvers
#: have validated, and DynamoDB checks each one again on arrival, so the clients skip the first
#: check; a malformed request still fails, as DynamoDB's ValidationException (a StoreError).
CLIENT_SIDE_VALIDATION = False

#: Standard retry mode (exponential back-off with jitter, retrying throttling, 5xx and
#: connection errors). At most 3 attempts x (2 + 5) s + back-offs (<= 1 s, <= 2 s) = 24 s, under
#: API Gateway's 29 s: a stuck call surfaces as UNAVAILABLE, not a 504. `total_max_attempts`
#: counts the first try; botocore's `max_attempts` would count only the retries.
DEFAULT_CONFIG = Config(
    parameter_validation=CLIENT_SIDE_VALIDATION,
    connect_timeout=2,
    read_timeout=5,
    retries={"mode": "standard", "total_max_attempts": 3},
    max_pool_connections=MAX_POOL_CONNECTIONS,
)


#: For writes that log change events: the default, with a tighter budget. A call must end
#: (commit or fail) within 2 x (1 + 2) s + one back-off (<= 1 s) = 7 s of its stamp, inside the
#: change log's 10 s settle window (docs/POLLING.md). Throttling is retried by the caller with a
#: fresh stamp.
CHANGE_WRITE_CONFIG = DEFAULT_CONFIG.merge(
    Config(connect_timeout=1, read_timeout=2, retries={"mode": "standard", "total_max_attempts": 2})
)


@cache
def dynamodb_client(region: str) -> DynamoDBClient:
    """The endpoint comes from boto3's own AWS_ENDPOINT_URL_DYNAMODB when set."""
    return metered(boto3.client("dynamodb", region_name=region, config=DEFAULT_CONFIG))


@cache
def dynamodb_change_client(region: str) -> DynamoDBClient:
    """The client for change-logging writes, with their tighter time budget."""
    return metered(boto3.client("dynamodb", region_name=region, config=CHANGE_WRITE_CONFIG))


@cache
def s3_client(region: str) -> S3Client:
    """SigV4 for the bucket's own region. The endpoint comes from AWS_ENDPOINT_URL_S3 when set.

    Against AWS, virtual-hosted addressing: path-style URLs answer browsers with 307 redirects
    that break CORS preflights. A local emulator on 127.0.0.1 needs path-style.
    """
    local = bool(os.environ.get("AWS_ENDPOINT_URL_S3"))
    config = Config(
        signature_version="s3v4",
        s3={"addressing_style": "path" if local else "virtual"},
        connect_timeout=2,
        read_timeout=5,
        retries={"mode": "standard", "max_attempts": 4},
    )
    return boto3.client("s3", region_name=region, config=config)


def streams_endpoint(environ: Mapping[str, str]) -> str | None:
    """A configured DynamoDB endpoint implies its stream endpoint, as DynamoDB Local serves both.

    boto3 reads AWS_ENDPOINT_URL_DYNAMODB_STREAMS alone, and would otherwise send the stream
    reads of a table on DynamoDB Local to AWS.
    """
    if environ.get("AWS_ENDPOINT_URL_DYNAMODB_STREAMS") or environ.get("AWS_ENDPOINT_URL"):
        return None  # boto3's own configuration wins
    return environ.get("AWS_ENDPOINT_URL_DYNAMODB") or None


@cache
def dynamodb_streams_client(region: str) -> DynamoDBStreamsClient:
    """The endpoint is boto3's own, or the DynamoDB endpoint's (`streams_endpoint`)."""
    return boto3.client(
        "dynamodbstreams",
        region_name=region,
        endpoint_url=streams_endpoint(os.environ),
        config=DEFAULT_CONFIG,
    )


@cache
def secretsmanager_client(region: str) -> SecretsManagerClient:
    return boto3.client("secretsmanager", region_name=region, config=DEFAULT_CONFIG)


@cache
def sqs_client(region: str) -> SQSClient:
    """The fan-out's continuation queue; the endpoint comes from AWS_ENDPOINT_URL_SQS when set."""
    client: SQSClient = boto3.client("sqs", region_name=region, config=DEFAULT_CONFIG)
    return client
