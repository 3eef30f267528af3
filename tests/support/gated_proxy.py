"""A TCP proxy in front of DynamoDB Local that can hold every byte sent to it, and counts them.

While the gate is closed, data from a client reaches the proxy (counted as held) and waits
there; nothing goes upstream until the gate opens. A test can then tell, by counts and not by
timing, that a request is still waiting on DynamoDB.
"""

from __future__ import annotations

import socket
import threading
from contextlib import suppress
from dataclasses import dataclass, field


@dataclass
class GatedProxy:
    upstream: tuple[str, int]
    _listener: socket.socket = field(init=False)
    _open: threading.Event = field(default_factory=threading.Event, init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False)
    #: Chunks that arrived while the gate was closed, those still waiting, and the
    #: connections they came on (a client that gave up and retried shows as a second one).
    held: int = field(default=0, init=False)
    waiting: int = field(default=0, init=False)
    held_connections: set[int] = field(default_factory=set, init=False)
    #: Set when a chunk arrives at the closed gate.
    arrived: threading.Event = field(default_factory=threading.Event, init=False)
    _sockets: list[socket.socket] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self._open.set()
        self._listener = socket.create_server(("127.0.0.1", 0))
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self._listener.getsockname()[1]}"

    def close_gate(self) -> None:
        with self._lock:
            self.arrived.clear()
            self.held_connections.clear()
            self._open.clear()

    def open_gate(self) -> None:
        self._open.set()

    def stop(self) -> None:
        self._open.set()
        for sock in [self._listener, *self._sockets]:
            with suppress(OSError):
                sock.close()

    def _accept(self) -> None:
        number = 0
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            number += 1
            upstream = socket.create_connection(self.upstream)
            self._sockets += [client, upstream]
            for args in ((client, upstream, number), (upstream, client, None)):
                threading.Thread(target=self._pump, args=args, daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket, gated: int | None) -> None:
        """`gated`: the connection's number when this is its client-to-DynamoDB direction."""
        try:
            while chunk := source.recv(65536):
                if gated is not None:
                    self._hold_while_closed(gated)
                target.sendall(chunk)
        except OSError:
            pass
        finally:
            with suppress(OSError):
                target.shutdown(socket.SHUT_WR)

    def _hold_while_closed(self, connection: int) -> None:
        with self._lock:
            if self._open.is_set():
                return
            self.held += 1
            self.held_connections.add(connection)
            self.waiting += 1
            self.arrived.set()
        self._open.wait()
        with self._lock:
            self.waiting -= 1
