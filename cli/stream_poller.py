"""Local serve's fan-out: polls the table's stream and runs the Lambda's own stream code."""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Any

from fanout.door import process_records
from fanout.media import MediaProcessing
from fanout.service import FanOut

if TYPE_CHECKING:
    from store.repository import Store
    from store.streams import StreamReader

log = logging.getLogger("agora.fanout")


class StreamPoller(threading.Thread):
    def __init__(
        self,
        reader: StreamReader,
        store: Store,
        interval: float = 0.25,
        media: MediaProcessing | None = None,
    ) -> None:
        super().__init__(name="stream-poller", daemon=True)
        self._reader = reader
        self._fanout = FanOut(store, media)
        self._interval = interval
        self._stopped = threading.Event()
        self._idle = threading.Event()
        self._empty_polls = 0
        self._pending: list[dict[str, Any]] = []

    def run(self) -> None:
        while not self._stopped.wait(self._interval):
            try:
                self.step()
            except Exception:
                log.exception("stream poll failed; retrying")

    def step(self) -> None:
        """One poll; like Lambda, a failed record and those after it are tried again."""
        self._pending += self._reader.poll()
        if not self._pending:
            # Two empty polls in a row: records a write just made are readable by the second.
            self._empty_polls += 1
            if self._empty_polls >= 2:
                self._idle.set()
            return
        self._empty_polls = 0
        self._idle.clear()
        failures = process_records(self._pending, self._fanout)
        if not failures:
            self._pending = []
            return
        failed = failures[0]["itemIdentifier"]
        sequences = [str(r["dynamodb"].get("SequenceNumber")) for r in self._pending]
        self._pending = self._pending[sequences.index(failed) :]

    def wait_until_idle(self, timeout: float) -> bool:
        """Waits for a poll that finds nothing left to apply, e.g. after seeding."""
        self._empty_polls = 0
        self._idle.clear()
        return self._idle.wait(timeout)

    def stop(self) -> None:
        self._stopped.set()
        self.join(timeout=5)
