"""Per-person write limits, enforced by a counter item inside the write's own transaction.

A write that counts against a limit hands its `Charge` to `transact` / `commit`
(store/transactions.py): the counters travel in the same TransactWriteItems, each conditional on
being under its limit, so the limit costs no request of its own and an over-limit write writes
nothing (docs/LIMITS.md).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from core.limits import MEDIA, WRITES, Rate
from store.limit_keys import counter_update, window_start

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime


@dataclass(frozen=True, slots=True)
class Rates:
    """The limits in force; None turns one off (seeding, maintenance tools)."""

    writes: Rate | None = WRITES
    media: Rate | None = MEDIA

    @classmethod
    def off(cls) -> Rates:
        return cls(writes=None, media=None)


@dataclass(frozen=True, slots=True)
class Counted:
    """One counter of a charge, and when its window ends."""

    rate: Rate
    item: dict[str, Any]
    retry_after: int


@dataclass(frozen=True, slots=True)
class Charge:
    """The counters one write moves; empty when no limit applies."""

    counters: tuple[Counted, ...] = field(default=())

    @property
    def items(self) -> list[dict[str, Any]]:
        return [c.item for c in self.counters]


NO_CHARGE = Charge()


class Meter:
    """Builds the charges of one store's writes, from its configured rates and clock."""

    def __init__(self, table: str, rates: Rates, clock: Callable[[], datetime]) -> None:
        self._table = table
        self._rates = rates
        self._clock = clock

    def charge(self, user_id: str | None, *, media: bool = False) -> Charge:
        """What a write by `user_id` costs: one of WRITES, plus one of MEDIA for an upload."""
        if user_id is None:
            return NO_CHARGE
        rates = [self._rates.writes, self._rates.media if media else None]
        now = self._clock().timestamp()
        return Charge(tuple(self._counted(user_id, r, now) for r in rates if r is not None))

    def _counted(self, user_id: str, rate: Rate, now: float) -> Counted:
        start = window_start(now, rate.seconds)
        end = start + rate.seconds
        update = counter_update(self._table, user_id, rate, start)
        return Counted(rate, {"Update": update}, max(1, math.ceil(end - now)))
