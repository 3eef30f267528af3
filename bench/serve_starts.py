"""Starts `agora serve` N times in a row, each on a fresh data directory, and reads every log.

A start counts as clean when the server answers `{ health }`, the demo feed is served, and
nothing in its output (seeding, fan-out, server) is a traceback or an error line.

    .venv/bin/python -m bench.serve_starts --starts 20
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from bench.served import drained, gql, served_process
from cli.local import free_port

SETTLE_SECONDS = 3.0  # the fan-out of the seeded posts runs on after the banner


def one_start() -> tuple[bool, float, str]:
    port = free_port()
    with tempfile.TemporaryDirectory() as data_dir:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "AUTH_"))}
        env |= {"AGORA_DATA_DIR": data_dir, "PORT": str(port)}
        agora = str(Path(sys.executable).parent / "agora")
        began = time.monotonic()
        with served_process([agora, "serve"], env, port, data_dir) as served:
            ready = time.monotonic() - began
            feed = gql(served.url, served.token, "{ feed(limit: 3) { items { id } } }")
            time.sleep(SETTLE_SECONDS)
            log = "".join(drained(served.log))
    bad = [
        line
        for line in log.splitlines()
        if "Traceback" in line or "[ERROR]" in line or "Exception" in line
    ]
    if "errors" in feed or not feed["data"]["feed"]["items"]:
        bad.append(f"the first feed page was {feed}")
    return not bad, ready, "\n".join(bad[:5])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--starts", type=int, default=20)
    args = parser.parse_args()
    clean_starts, times = 0, []
    for n in range(1, args.starts + 1):
        clean, ready, bad = one_start()
        clean_starts += clean
        times.append(ready)
        print(f"start {n:2d}: {'clean' if clean else 'NOT CLEAN'}, answering after {ready:.1f} s")
        if bad:
            print(bad)
    times.sort()
    print(
        f"{clean_starts}/{args.starts} clean starts; time to answer: median "
        f"{times[len(times) // 2]:.1f} s, slowest {times[-1]:.1f} s"
    )
    sys.exit(0 if clean_starts == args.starts else 1)


if __name__ == "__main__":
    main()
