"""The summary `make bench` ends with: each performance goal's figure as this run measured it,
beside its baseline (as measured before the work on it, 2026-12) and the goal.

A section of the run records what it measured with `GOALS.measured(key, value, shown)`; a goal
no section recorded prints as "not measured by this run".
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Goal:
    figure: str
    baseline: str
    goal: str
    #: Whether a measured value meets the goal.
    meets: Callable[[float], bool]
    shown: list[str] = field(default_factory=list)
    values: list[float] = field(default_factory=list)


def at_most(bound: float) -> Callable[[float], bool]:
    return lambda value: operator.le(value, bound)


def at_least(bound: float) -> Callable[[float], bool]:
    return lambda value: operator.ge(value, bound)


def _cpu(operation: str, baseline: str) -> Goal:
    return Goal(f"warm CPU per request / floor: {operation}", baseline, "≤ 1.3×", at_most(1.3))


class Goals:
    def __init__(self) -> None:
        self.goals: dict[str, Goal] = {
            "cpu feed page of 20": _cpu("feed page of 20", "1.73–1.83×"),
            "cpu post + 20 comments": _cpu("post + 20 comments", "1.77–1.86×"),
            "cpu createPost": _cpu("createPost", "1.83–1.89×"),
            "cpu likePost": _cpu("likePost", "1.26–1.42×"),
            "cpu empty poll": _cpu("empty poll", "1.63–1.81×"),
            "cpu feed page of 100": _cpu("feed page of 100", "1.77–2.12×"),
            "feed round trips": Goal(
                "sequential DynamoDB round trips of a feed page", "3", "2", at_most(2)
            ),
            "cold start": Goal(
                "cold start / Strawberry + Mangum + boto3 hello handler",
                "1.12–1.21×",
                "≤ 1.10×",
                at_most(1.10),
            ),
            "server throughput": Goal(
                "`agora serve`, 50 clients of bench/load.py: throughput / the floor server's",
                "40 req/s, p50 1.1 s, p99 3.0 s on DynamoDB Local (no floor server then)",
                "≥ 0.6×",
                at_least(0.6),
            ),
            "fan-out 100,000": Goal(
                "fan-out of one post to 100,000 followers (wall)", "84–110 s", "≤ 20 s", at_most(20)
            ),
            "publish to 1,000,000": Goal(
                "feed writes to publish one post of an account with 1,000,000 followers",
                "1,000,000",
                "O(1) (read at feed time above a follower threshold)",
                at_most(1_000),
            ),
        }

    def measured(self, key: str, value: float, shown: str) -> None:
        goal = self.goals[key]
        goal.values.append(value)
        goal.shown.append(shown)

    def rows(self) -> list[str]:
        lines = ["| figure | baseline | this run | goal | met |", "| --- | --- | --- | --- | --- |"]
        for goal in self.goals.values():
            if not goal.values:
                now, met = "not measured by this run", "—"
            else:
                now = ", ".join(goal.shown)
                met = "yes" if all(goal.meets(v) for v in goal.values) else "**no**"
            lines.append(f"| {goal.figure} | {goal.baseline} | {now} | {goal.goal} | {met} |")
        return lines


GOALS = Goals()
