"""What graphql-core's executor alone, and Strawberry over it, cost on the read rows.

Each document runs, parsed and validated once, over the floor's own answer as plain dicts
(graphql-core's default resolvers, no Strawberry, no I/O): the least any GraphQL server on this
executor adds to the floor. `(floor + executor) / floor` is the lowest ratio reachable without
replacing it. Then the same documents through a minimal Strawberry schema over ready objects
(`bench/strawberry_alone.py`): the least a server whose schema is Strawberry adds.

    .venv/bin/python -m bench.executor_share
"""

from __future__ import annotations

import json
import logging
import os
import statistics
import time
from collections.abc import Callable
from datetime import timedelta
from functools import partial
from typing import Any

from graphql import DocumentNode, ExecutionResult, GraphQLSchema, build_schema, parse, validate
from graphql import execute as graphql_execute

from bench import fixture, strawberry_alone
from bench.measure import ROOT, dynamodb_local, machine
from bench.queries import FEED, POLL, POST

ROUNDS, BLOCK = 7, 30


def cpu_ms(run: Callable[[], object]) -> float:
    """Median CPU milliseconds of one call, over ROUNDS blocks of BLOCK calls."""
    run()
    blocks = []
    for _ in range(ROUNDS):
        started = time.process_time()
        for _ in range(BLOCK):
            run()
        blocks.append((time.process_time() - started) / BLOCK * 1000)
    return statistics.median(blocks)


def _call(
    answer: Callable[[dict[str, Any]], Any], query: str, variables: dict[str, Any]
) -> Callable[[], object]:
    return lambda: answer(fixture.api_event(query, variables))


def _executed(schema: GraphQLSchema, document: DocumentNode, data: Any, v: dict[str, Any]) -> None:
    result = graphql_execute(schema, document, root_value=data, variable_values=v)
    assert isinstance(result, ExecutionResult)  # a synchronous answer: no resolver awaits
    assert not result.errors, result.errors


def main() -> None:
    with dynamodb_local() as endpoint:
        fixture.set_environment(endpoint)
        dynamodb = fixture.client(endpoint)
        world = fixture.seed(dynamodb, likeable=10)
        import handler
        from bench.floor import Floor
        from bench.growth import end_of_log
        from core.config import decode_secret

        for log_handler in logging.getLogger().handlers:
            if isinstance(log_handler, logging.StreamHandler):
                log_handler.setStream(open(os.devnull, "w"))  # noqa: SIM115 (lives as long as we do)
        floor = Floor(dynamodb, fixture.TABLE, decode_secret(fixture.CURSOR_SECRET))
        settle = timedelta(milliseconds=fixture.SETTLE_MS)
        after = end_of_log(world, settle)
        schema = build_schema((ROOT / "schema.graphql").read_text())
        rows: list[tuple[str, str, dict[str, Any], Callable[[dict[str, Any]], Any]]] = [
            ("feed page of 20", FEED, {"limit": 20}, lambda e: floor.feed(e, 20)),
            ("feed page of 100", FEED, {"limit": 100}, lambda e: floor.feed(e, 100)),
            ("post + 20 comments", POST, {"id": world.commented_post}, floor.post_with_comments),
            ("empty poll", POLL, {"after": after}, lambda e: floor.poll(e, settle)),
        ]
        print(f"Machine: {machine()}. Median of {ROUNDS} blocks of {BLOCK}.\n")
        print(
            "| operation | floor | graphql-core alone | lowest reachable | Strawberry alone "
            "| lowest reachable with Strawberry | agora |"
        )
        print("| --- | --- | --- | --- | --- | --- | --- |")
        for name, query, variables, answer in rows:
            data = json.loads(answer(fixture.api_event(query, variables))["body"])["data"]
            document = parse(query)
            assert not validate(schema, document)

            answers = strawberry_alone.answers_from(data)
            assert strawberry_alone.executed(query, answers, variables) == data

            floor_ms = cpu_ms(_call(answer, query, variables))
            alone_ms = cpu_ms(partial(_executed, schema, document, data, variables))
            typed_ms = cpu_ms(partial(strawberry_alone.executed, query, answers, variables))
            ours_ms = cpu_ms(_call(lambda e: handler.handler(e, None), query, variables))
            print(
                f"| {name} | {floor_ms:.2f} ms | {alone_ms:.2f} ms ({alone_ms / floor_ms:.2f}×) "
                f"| {(floor_ms + alone_ms) / floor_ms:.2f}× | {typed_ms:.2f} ms "
                f"({typed_ms / floor_ms:.2f}×) | {(floor_ms + typed_ms) / floor_ms:.2f}× "
                f"| {ours_ms:.2f} ms ({ours_ms / floor_ms:.2f}×) |"
            )
        from bench import hello_handler

        health = "query Health { health }"
        no_context: Any = None  # neither handler reads the Lambda context
        hello_ms = cpu_ms(_call(lambda e: hello_handler.handler(e, no_context), health, {}))
        fixed_ms = cpu_ms(_call(lambda e: handler.handler(e, None), health, {}))
        print(
            f"\n`{{ health }}` (no DynamoDB call): agora {fixed_ms:.2f} ms, the Strawberry + "
            f"Mangum hello handler {hello_ms:.2f} ms."
        )


if __name__ == "__main__":
    main()
