"""Media processing of a 12-megapixel photo: CPU time and peak memory, each in a fresh process.

A fresh interpreter per round, so the memory figure is this photo's peak alone (Pillow's pixel
buffers are not seen by tracemalloc: the process's peak RSS is what Lambda's memory limit meets).
"""

from __future__ import annotations

import io
import json
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WIDTH, HEIGHT = 4000, 3000

_ROUND = """
import json, pathlib, sys, time
sys.path.insert(0, {root!r})
from media.images import process_image

def high_water_kib():
    # VmHWM, not ru_maxrss: the latter keeps the parent's peak across fork and exec.
    status = pathlib.Path("/proc/self/status").read_text()
    return int(next(l for l in status.splitlines() if l.startswith("VmHWM:")).split()[1])

data = pathlib.Path({photo!r}).read_bytes()
before = high_water_kib()
started = time.perf_counter()
cpu = time.process_time()
result = process_image(data, "image/jpeg")
print(json.dumps({{
    "wall_ms": (time.perf_counter() - started) * 1e3,
    "cpu_ms": (time.process_time() - cpu) * 1e3,
    "rss_before_mib": before / 1024,
    "rss_peak_mib": high_water_kib() / 1024,
    "input_bytes": len(data),
    "output_bytes": len(result.original.data) + sum(len(v.data) for v in result.variants),
    "variants": [v.width for v in result.variants],
}}))
"""


@dataclass(frozen=True, slots=True)
class PhotoFigures:
    wall_ms: float
    cpu_ms: float
    rss_peak_mib: float
    rss_added_mib: float
    input_mib: float
    output_mib: float
    variants: list[int]


def photo_jpeg() -> bytes:
    """A photo-like 12 MP JPEG: noise resized into texture, so it compresses as photos do."""
    from PIL import Image, ImageFilter

    noise = Image.effect_noise((WIDTH // 4, HEIGHT // 4), 64).convert("RGB")
    photo = noise.resize((WIDTH, HEIGHT), Image.Resampling.BICUBIC).filter(ImageFilter.DETAIL)
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def measure_photo(rounds: int) -> PhotoFigures:
    runs = []
    with tempfile.TemporaryDirectory() as scratch:
        photo = Path(scratch) / "photo.jpg"
        photo.write_bytes(photo_jpeg())
        script = _ROUND.format(root=str(ROOT), photo=str(photo))
        for _ in range(rounds):
            done = subprocess.run(
                [sys.executable, "-c", script], capture_output=True, text=True, check=True
            )
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    peak = statistics.median(r["rss_peak_mib"] for r in runs)
    return PhotoFigures(
        wall_ms=statistics.median(r["wall_ms"] for r in runs),
        cpu_ms=statistics.median(r["cpu_ms"] for r in runs),
        rss_peak_mib=peak,
        rss_added_mib=peak - statistics.median(r["rss_before_mib"] for r in runs),
        input_mib=runs[0]["input_bytes"] / 2**20,
        output_mib=runs[0]["output_bytes"] / 2**20,
        variants=runs[0]["variants"],
    )


def rows(rounds: int) -> list[str]:
    figures = measure_photo(rounds)
    return [
        "| figure | value |",
        "| --- | --- |",
        f"| photo | {WIDTH}x{HEIGHT} JPEG (12 MP), {figures.input_mib:.2f} MiB |",
        f"| processing: decode, orient, re-encode, {len(figures.variants)} WebP variants "
        f"({', '.join(map(str, figures.variants))} px), blurhash (median of {rounds}) | "
        f"{figures.wall_ms:.0f} ms wall, {figures.cpu_ms:.0f} ms CPU |",
        f"| peak memory of the process (RSS) | {figures.rss_peak_mib:.0f} MiB "
        f"({figures.rss_added_mib:.0f} MiB above the process with the photo read) |",
        f"| bytes written (original + variants) | {figures.output_mib:.2f} MiB |",
    ]


if __name__ == "__main__":
    print("\n".join(rows(int(sys.argv[1]) if len(sys.argv) > 1 else 3)))
