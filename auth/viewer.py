"""The authenticated caller, whatever identity source vouched for them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Viewer:
    id: str
    username: str
    groups: frozenset[str] = frozenset()
