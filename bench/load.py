"""A bounded load test against a running local server (`make serve`): a realistic mix at a fixed
concurrency for a fixed time, then a check that every acknowledged write is there.

    .venv/bin/python -m bench.load --url http://127.0.0.1:8000/graphql --seconds 30 --users 50

Prints one JSON line: requests, throughput, p50/p99 per kind, HTTP statuses, error codes, and
what the check after the run found missing (nothing, or it is a bug).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import time
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

import httpx

FEED = "query Feed { feed(limit: 20) { items { id likeCount viewerHasLiked author { handle } } } }"
CREATE = "mutation Create($i: CreatePostInput!) { createPost(input: $i) { id } }"
LIKE = "mutation Like($id: ID!) { likePost(postId: $id) { id likeCount } }"
POLL = "query Poll($after: String) { postEvents(after: $after) { items { postId } cursor } }"
CHECK = "query Check($ids: [ID!]!) { postsByIds(ids: $ids) { id viewerHasLiked } }"
#: The mix: kind -> weight.
MIX = {"feed": 50, "create": 15, "like": 20, "poll": 15}


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: Counter[int] = field(default_factory=Counter)
    codes: Counter[str] = field(default_factory=Counter)
    created: set[str] = field(default_factory=set)
    #: (handle, post id) of every like the API acknowledged.
    liked: set[tuple[str, str]] = field(default_factory=set)


async def sign_in(http: httpx.AsyncClient, base: str) -> dict[str, str]:
    users = (await http.get(f"{base}/dev/users")).json()
    tokens = {}
    for user in users:
        session = (await http.post(f"{base}/dev/sign-in", json={"handle": user["handle"]})).json()
        tokens[user["handle"]] = session["token"]
    return tokens


async def call(
    http: httpx.AsyncClient, url: str, token: str, query: str, variables: dict[str, Any]
) -> tuple[int, dict[str, Any]]:
    response = await http.post(
        url,
        json={"query": query, "variables": variables},
        headers={"authorization": f"Bearer {token}"},
    )
    body = (
        response.json()
        if response.headers.get("content-type", "").startswith("application/json")
        else {}
    )
    return response.status_code, body


async def user_loop(
    http: httpx.AsyncClient,
    url: str,
    handle: str,
    token: str,
    until: float,
    results: Results,
    rng: random.Random,
) -> None:
    seen: list[str] = []
    cursor: str | None = None
    kinds, weights = zip(*MIX.items(), strict=True)
    while time.monotonic() < until:
        kind = rng.choices(kinds, weights)[0]
        if kind == "like" and not seen:
            kind = "feed"
        variables: dict[str, Any] = {}
        query = {"feed": FEED, "create": CREATE, "like": LIKE, "poll": POLL}[kind]
        if kind == "create":
            variables = {
                "i": {
                    "title": f"load {uuid.uuid4().hex[:8]}",
                    "category": rng.choice(["tech", "music", "general"]),
                    "clientRequestToken": uuid.uuid4().hex,
                }
            }
        elif kind == "like":
            target = rng.choice(seen)
            variables = {"id": target}
        elif kind == "poll":
            variables = {"after": cursor}
        started = time.perf_counter()
        try:
            status, body = await call(http, url, token, query, variables)
        except httpx.HTTPError as exc:
            results.codes[f"transport: {type(exc).__name__}"] += 1
            continue
        results.latencies[kind].append(time.perf_counter() - started)
        results.statuses[status] += 1
        for error in body.get("errors") or []:
            results.codes[(error.get("extensions") or {}).get("code", "none")] += 1
        data = body.get("data") or {}
        if kind == "feed" and data.get("feed"):
            seen = [p["id"] for p in data["feed"]["items"]] or seen
        elif kind == "create" and data.get("createPost"):
            results.created.add(data["createPost"]["id"])
        elif kind == "like" and data.get("likePost"):
            results.liked.add((handle, variables["id"]))
        elif kind == "poll" and data.get("postEvents"):
            cursor = data["postEvents"]["cursor"]


async def verify(
    http: httpx.AsyncClient, url: str, tokens: dict[str, str], results: Results
) -> dict[str, int]:
    """Every acknowledged post exists; every acknowledged like reads back as liked."""
    any_token = next(iter(tokens.values()))
    created = sorted(results.created)
    missing_posts = 0
    for start in range(0, len(created), 100):
        chunk = created[start : start + 100]
        _, body = await call(http, url, any_token, CHECK, {"ids": chunk})
        missing_posts += sum(1 for p in body["data"]["postsByIds"] if p is None)
    missing_likes = 0
    by_user: dict[str, list[str]] = defaultdict(list)
    for handle, post_id in results.liked:
        by_user[handle].append(post_id)
    for handle, post_ids in by_user.items():
        for start in range(0, len(post_ids), 100):
            chunk = post_ids[start : start + 100]
            _, body = await call(http, url, tokens[handle], CHECK, {"ids": chunk})
            missing_likes += sum(
                1 for p in body["data"]["postsByIds"] if p is None or not p["viewerHasLiked"]
            )
    return {
        "postsChecked": len(created),
        "missingPosts": missing_posts,
        "likesChecked": len(results.liked),
        "missingLikes": missing_likes,
    }


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] * 1000


async def run(
    url: str, seconds: float, users: int, seed: int, *, check: bool = True
) -> dict[str, Any]:
    """`check`: read back every acknowledged write afterwards (a floor server cannot)."""
    base = url.rsplit("/graphql", 1)[0]
    limits = httpx.Limits(max_connections=users, max_keepalive_connections=users)
    async with httpx.AsyncClient(timeout=60, limits=limits) as http:
        tokens = await sign_in(http, base)
        handles = sorted(tokens)
        results = Results()
        began = time.monotonic()
        until = began + seconds
        await asyncio.gather(
            *(
                user_loop(
                    http,
                    url,
                    handles[n % len(handles)],
                    tokens[handles[n % len(handles)]],
                    until,
                    results,
                    random.Random(seed + n),  # noqa: S311 (a reproducible mix)
                )
                for n in range(users)
            )
        )
        elapsed = time.monotonic() - began
        checked = await verify(http, url, tokens, results) if check else {}
    every = [v for values in results.latencies.values() for v in values]
    return {
        "seconds": round(elapsed, 1),
        "users": users,
        "requests": len(every),
        "throughput": round(len(every) / elapsed, 1),
        "p50Ms": round(percentile(every, 0.50), 1),
        "p99Ms": round(percentile(every, 0.99), 1),
        "byKind": {
            kind: {
                "requests": len(values),
                "p50Ms": round(percentile(values, 0.50), 1),
                "p99Ms": round(percentile(values, 0.99), 1),
                "meanMs": round(statistics.mean(values) * 1000, 1),
            }
            for kind, values in sorted(results.latencies.items())
        },
        "statuses": {str(k): v for k, v in sorted(results.statuses.items())},
        "errorCodes": dict(results.codes),
        **checked,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", default="http://127.0.0.1:8000/graphql")
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seed", type=int, default=20261122)
    parser.add_argument("--no-check", action="store_true", help="skip reading writes back")
    args = parser.parse_args()
    result = asyncio.run(
        run(args.url, args.seconds, args.users, args.seed, check=not args.no_check)
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
