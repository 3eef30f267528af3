"""Local-only state: the data directory, its secrets, free ports."""

from __future__ import annotations

import base64
import os
import secrets
import socket
from pathlib import Path

CURSOR_SECRET_FILE = "cursor-secret"
#: Operations one `agora serve` process runs at once, each on a thread of its own
#: (web/loop_threads.py); the DynamoDB clients keep as many connections (store/clients.py).
DEFAULT_THREADS = 32


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
