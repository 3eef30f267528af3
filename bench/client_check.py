"""What botocore's client-side request check costs a read, against the handler's whole request.

The floor's calls (the same a request of ours makes) run through two clients alike but for
`parameter_validation`, in alternating blocks in one process, beside `handler.handler`, whose
clients skip the check (`store/clients.py`).

    .venv/bin/python -m bench.client_check
"""

from __future__ import annotations

import logging
import os
import statistics
import time
from collections.abc import Callable
from functools import partial
from typing import Any

from botocore.config import Config

from bench import fixture
from bench.measure import dynamodb_local, machine
from bench.queries import FEED, POST

ROUNDS, BLOCK = 9, 30


def _block_ms(run: Callable[[], object]) -> float:
    started = time.process_time()
    for _ in range(BLOCK):
        run()
    return (time.process_time() - started) / BLOCK * 1000


def _answered(answer: Callable[[dict[str, Any]], object], query: str, v: dict[str, Any]) -> object:
    return answer(fixture.api_event(query, v))


def main() -> None:
    from cli.dynamodb_local import local_client

    with dynamodb_local() as endpoint:
        fixture.set_environment(endpoint)
        retries: Any = {"mode": "standard", "max_attempts": 2}
        checked = local_client(endpoint, config=Config(retries=retries, parameter_validation=True))
        world = fixture.seed(checked, likeable=10)
        config = Config(retries=retries, parameter_validation=False)
        unchecked = local_client(endpoint, config=config)
        import handler
        from bench.floor import Floor
        from core.config import decode_secret

        for log_handler in logging.getLogger().handlers:
            if isinstance(log_handler, logging.StreamHandler):
                log_handler.setStream(open(os.devnull, "w"))  # noqa: SIM115 (lives as long as we do)
        secret = decode_secret(fixture.CURSOR_SECRET)
        floors = {
            "checked": Floor(checked, fixture.TABLE, secret),
            "unchecked": Floor(unchecked, fixture.TABLE, secret),
        }
        rows: list[tuple[str, str, dict[str, Any], Callable[[Floor, dict[str, Any]], Any]]] = [
            ("feed page of 20", FEED, {"limit": 20}, lambda f, e: f.feed(e, 20)),
            ("feed page of 100", FEED, {"limit": 100}, lambda f, e: f.feed(e, 100)),
            ("post + 20 comments", POST, {"id": world.commented_post}, Floor.post_with_comments),
        ]
        print(f"Machine: {machine()}. Median of {ROUNDS} alternating blocks of {BLOCK}.\n")
        print("| operation | floor's calls, checked | unchecked | saved | our request | saved/it |")
        print("| --- | --- | --- | --- | --- | --- |")
        for name, query, variables, answer in rows:
            runs: dict[str, Callable[[], object]] = {
                label: partial(_answered, partial(answer, floor), query, variables)
                for label, floor in floors.items()
            }
            runs["ours"] = partial(
                _answered, partial(handler.handler, context=None), query, variables
            )
            times: dict[str, list[float]] = {label: [] for label in runs}
            for run in runs.values():
                run()
            for _ in range(ROUNDS):
                for label, run in runs.items():
                    times[label].append(_block_ms(run))
            on, off, ours = (statistics.median(times[k]) for k in ("checked", "unchecked", "ours"))
            print(
                f"| {name} | {on:.2f} ms | {off:.2f} ms | {on - off:.2f} ms | {ours:.2f} ms "
                f"| {(on - off) / ours:.0%} |"
            )


if __name__ == "__main__":
    main()
