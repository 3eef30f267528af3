"""Local-only state: the data directory, its secrets and the embedded AWS emulator."""

from __future__ import annotations

import base64
import os
import secrets
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CURSOR_SECRET_FILE = "cursor-secret"


def data_dir() -> Path:
    return Path(os.environ.get("AGORA_DATA_DIR", ".agora"))


def local_cursor_secret(directory: Path) -> str:
    """A random cursor key per data directory, so restarts keep open cursors valid."""
    path = directory / CURSOR_SECRET_FILE
    if not path.exists():
        directory.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(base64.b64encode(secrets.token_bytes(32)).decode())
    return path.read_text().strip()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class EmbeddedAws:
    """moto's server in this process, on loopback; DynamoDB and S3 point at it via boto3's env."""

    server: Any
    endpoint: str

    @classmethod
    def start(cls) -> EmbeddedAws:
        from moto.server import ThreadedMotoServer

        port = free_port()
        server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
        server.start()
        endpoint = f"http://127.0.0.1:{port}"
        os.environ["AWS_ENDPOINT_URL_DYNAMODB"] = endpoint
        os.environ["AWS_ENDPOINT_URL_DYNAMODB_STREAMS"] = endpoint
        os.environ["AWS_ENDPOINT_URL_S3"] = endpoint
        # moto accepts any credentials; never let a developer's real ones reach it or AWS.
        os.environ["AWS_ACCESS_KEY_ID"] = "local"
        os.environ["AWS_SECRET_ACCESS_KEY"] = "local"
        os.environ.pop("AWS_SESSION_TOKEN", None)
        os.environ.pop("AWS_PROFILE", None)
        return cls(server=server, endpoint=endpoint)

    def stop(self) -> None:
        self.server.stop()
