"""A local server started as a developer starts it, in its own process group, its log drained."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
TOKEN_LINE = re.compile(r"^eyJ[\w-]+\.[\w-]+\.[\w-]+$")


@dataclass
class Served:
    url: str
    token: str
    process: subprocess.Popen[str]
    data_dir: str
    log: queue.Queue[str] = field(default_factory=queue.Queue)


@contextmanager
def served_process(
    command: Sequence[str], env: dict[str, str], port: int, data_dir: str, timeout: float = 180
) -> Iterator[Served]:
    """Starts `command`, reads the dev token it prints, waits until it answers; Ctrl-C at exit."""
    process = subprocess.Popen(
        list(command),
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        seen: list[str] = []
        token = read_token(process, seen, deadline=time.monotonic() + timeout)
        # Keep reading the server's log, or it blocks once the pipe's buffer is full
        log: queue.Queue[str] = queue.Queue()
        for line in seen:
            log.put(line)
        threading.Thread(target=lines_into, args=(process.stdout, log), daemon=True).start()
        url = f"http://127.0.0.1:{port}/graphql"
        wait_until_listening(url, deadline=time.monotonic() + 30)
        yield Served(url=url, token=token, process=process, data_dir=data_dir, log=log)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGINT)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                raise


def read_token(process: subprocess.Popen[str], seen: list[str], deadline: float) -> str:
    assert process.stdout is not None
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line and process.poll() is not None:
            break
        seen.append(line)
        if TOKEN_LINE.match(line.strip()):
            return line.strip()
    raise AssertionError("the server printed no token:\n" + "".join(seen))


def wait_until_listening(url: str, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            httpx.post(url, json={"query": "{ health }"}, timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError("the server did not start listening")


def lines_into(stream: IO[str] | None, lines: queue.Queue[str]) -> None:
    for line in stream or ():
        lines.put(line)


def drained(lines: queue.Queue[str]) -> list[str]:
    out = []
    while True:
        try:
            out.append(lines.get_nowait())
        except queue.Empty:
            return out


def gql(url: str, token: str, query: str, **variables: object) -> Any:
    response = httpx.post(
        url,
        headers={"authorization": f"Bearer {token}"},
        json={"query": query, "variables": variables},
        timeout=30,
    )
    response.raise_for_status()
    return response.json()
