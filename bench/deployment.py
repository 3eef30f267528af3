"""`make bench`'s deployment rows: the artifacts' sizes, import time and cold start."""

from __future__ import annotations

import subprocess
import sys

from bench.goals import GOALS
from bench.measure import ROOT, import_ms


def deployment_rows(rounds: int) -> list[str]:
    """Builds the Lambda zip and its media layer, then measures against the hello handler."""
    lines: list[str] = []
    zip_path = ROOT / "dist" / "agora-lambda.zip"
    subprocess.run(
        [sys.executable, str(ROOT / "infra" / "package.py"), "--output", str(zip_path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    ours_import = import_ms("handler", rounds)
    floor_import = import_ms("bench.hello_handler", rounds)
    lines.append("| figure | agora | floor | ratio |")
    lines.append("| --- | --- | --- | --- |")
    size_mib = zip_path.stat().st_size / 2**20
    lines.append(f"| zip (arm64, Python 3.12, no SDK) | {size_mib:.2f} MiB | — | — |")
    layer_mib = zip_path.with_name("agora-media-layer.zip").stat().st_size / 2**20
    lines.append(f"| media layer zip (Pillow, blurhash) | {layer_mib:.2f} MiB | — | — |")
    lines.append(
        f"| `import handler` (fresh interpreter, median of {rounds}) | "
        f"{ours_import:.0f} ms | {floor_import:.0f} ms | {ours_import / floor_import:.2f}× |"
    )
    from bench.cold_start import measure

    medians, _ = measure(rounds)
    cold, cold_floor = medians.values()
    lines.append(
        f"| cold start to first answer (median of {rounds}) | {cold * 1000:.0f} ms | "
        f"{cold_floor * 1000:.0f} ms | {cold / cold_floor:.2f}× (goal ≤ 1.10×) |"
    )
    GOALS.measured("cold start", cold / cold_floor, f"{cold / cold_floor:.2f}×")
    return lines
