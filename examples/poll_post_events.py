"""Follow an Agora topic by polling, with back-off. Standard library only.

    python examples/poll_post_events.py http://127.0.0.1:8000/graphql <token> [category]

Prints each event as it settles. Polls every 2 s while idle, at once while pages come back full,
and backs off exponentially (with jitter, up to a minute) on THROTTLED, UNAVAILABLE or a network
error. A cursor past the change log's retention means: reload, then start again without one.
"""

from __future__ import annotations

import json
import random
import sys
import time
import urllib.error
import urllib.request
from typing import Any

POLL = """
query Poll($after: String, $category: String) {
  postEvents(after: $after, category: $category, limit: 50) {
    items { type at postId post { title author { handle } } }
    cursor
  }
}"""
IDLE_SECONDS = 2.0
MAX_BACKOFF_SECONDS = 60.0
RETRYABLE = {"THROTTLED", "UNAVAILABLE", "INTERNAL"}


class Retry(Exception):
    """A failure worth trying again after a pause."""


class Resync(Exception):
    """The cursor is too old: reload what you show, then poll from now."""


def graphql(url: str, token: str, variables: dict[str, object]) -> dict[str, Any]:
    request = urllib.request.Request(  # noqa: S310 (the scheme is checked at start)
        url,
        data=json.dumps({"query": POLL, "variables": variables}).encode(),
        headers={"content-type": "application/json", "authorization": f"Bearer {token}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (our URL)
            body = json.load(response)
    except (urllib.error.URLError, TimeoutError) as exc:
        raise Retry(str(exc)) from exc
    for error in body.get("errors", []):
        code = error.get("extensions", {}).get("code")
        if code in RETRYABLE:
            raise Retry(f"{code}: {error['message']}")
        if error.get("extensions", {}).get("resync"):
            raise Resync(error["message"])
        raise SystemExit(f"{code}: {error['message']}")
    result: dict[str, Any] = body["data"]["postEvents"]
    return result


def follow(url: str, token: str, category: str | None) -> None:
    cursor = None  # the first poll returns a cursor at "now"
    failures = 0
    while True:
        try:
            batch = graphql(url, token, {"after": cursor, "category": category})
        except Resync as reason:
            print(f"resync: {reason}", file=sys.stderr)  # a real client reloads its data here
            cursor = None
            continue
        except Retry as reason:
            failures += 1
            pause = min(MAX_BACKOFF_SECONDS, 2**failures) * random.uniform(0.5, 1.0)  # noqa: S311
            print(f"retrying in {pause:.1f}s ({reason})", file=sys.stderr)
            time.sleep(pause)
            continue
        failures = 0
        items: list[dict[str, Any]] = batch["items"]
        for event in items:
            post = event["post"] or {}
            print(event["at"], event["type"], event["postId"], post.get("title", ""), flush=True)
        cursor = batch["cursor"]
        if len(items) < 50:
            time.sleep(IDLE_SECONDS)


if __name__ == "__main__":
    if len(sys.argv) < 3 or not sys.argv[1].startswith(("http://", "https://")):
        raise SystemExit(__doc__)
    follow(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
