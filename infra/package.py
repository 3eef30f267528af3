"""Build the Lambda deployment zips reproducibly from the lock file, for the target CPU.

Wheels only (`--only-binary`), for the CPU and Python of the function, with every file's hash
checked against `requirements.lambda.lock`; entries are sorted and stamped with a fixed time, so
the same inputs give byte-identical zips. Two artifacts: the function's code, and a layer with
the imaging libraries (Pillow, blurhash), which only media processing imports. The AWS SDK is not
shipped: see docs/DEPLOY.md.
"""

from __future__ import annotations

import argparse
import email.parser
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: What the function imports; `cli/` (local serve, moto, uvicorn) stays out.
PACKAGES = (
    *("appsync", "auth", "core", "fanout", "media", "resolvers", "runtime", "schema", "store"),
    "web",
)
MODULES = ("handler.py",)
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
#: Distributions shipped in the media layer instead of the function's zip (docs/DEPLOY.md).
LAYER_DISTRIBUTIONS = frozenset({"pillow", "blurhash"})
#: Where a Python layer's packages go inside its zip, for the runtime to put them on sys.path.
LAYER_ROOT = "python"


def platforms(machine: str) -> list[str]:
    """Wheel tags the Lambda runtime takes for a CPU: the Python 3.12 runtime is Amazon Linux
    2023 (glibc 2.34), so manylinux_2_28 wheels (Pillow 13 ships only those) run there too."""
    return [f"manylinux2014_{machine}", f"manylinux_2_28_{machine}"]


def install(lock: Path, target: Path, machine: str, python_version: str) -> None:
    tags = [arg for tag in platforms(machine) for arg in ("--platform", tag)]
    subprocess.run(  # noqa: S603 (our own interpreter and arguments)
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--target",
            str(target),
            *tags,
            "--python-version",
            python_version,
            "--implementation",
            "cp",
            "--only-binary=:all:",
            "--no-deps",
            "--no-compile",
            "--require-hashes",
            "-r",
            str(lock),
        ],
        check=True,
    )


def copy_sources(target: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "node_modules", "playground")
    for package in PACKAGES:
        shutil.copytree(ROOT / package, target / package, ignore=ignore)
    for module in MODULES:
        shutil.copy2(ROOT / module, target / module)


def split_layer(staging: Path, layer: Path) -> None:
    """Move the layer's distributions (every top-level entry their RECORD lists) to `layer`."""
    for info in sorted(staging.glob("*.dist-info")):
        metadata = email.parser.Parser().parsestr((info / "METADATA").read_text())
        if metadata["Name"].lower() not in LAYER_DISTRIBUTIONS:
            continue
        record = (info / "RECORD").read_text().splitlines()
        tops = {line.split(",")[0].split("/")[0] for line in record if line}
        for top in sorted(tops):
            if (staging / top).exists():
                shutil.move(staging / top, layer / top)


def write_zip(source: Path, output: Path) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in source.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            info = zipfile.ZipInfo(path.relative_to(source).as_posix(), FIXED_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes(), compresslevel=9)


def build(
    output: Path,
    machine: str,
    python_version: str,
    lock: Path,
    layer_output: Path | None = None,
) -> tuple[int, int]:
    """Write the function's zip and the media layer's (beside it unless given); their sizes."""
    layer_output = layer_output or output.with_name("agora-media-layer.zip")
    with tempfile.TemporaryDirectory() as scratch:
        staging = Path(scratch) / "package"
        layer = Path(scratch) / "layer" / LAYER_ROOT
        layer.mkdir(parents=True)
        install(lock, staging, machine, python_version)
        split_layer(staging, layer)
        copy_sources(staging)
        write_zip(staging, output)
        write_zip(layer.parent, layer_output)
    return output.stat().st_size, layer_output.stat().st_size


def _shown(path: Path) -> Path:
    return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", type=Path, default=ROOT / "dist" / "agora-lambda.zip")
    parser.add_argument("--layer-output", type=Path, default=None)
    parser.add_argument("--machine", default="aarch64", help="the function's CPU")
    parser.add_argument("--python-version", default="3.12")
    parser.add_argument("--lock", type=Path, default=ROOT / "requirements.lambda.lock")
    args = parser.parse_args()
    layer = args.layer_output or args.output.with_name("agora-media-layer.zip")
    sizes = build(args.output, args.machine, args.python_version, args.lock, layer)
    for path, size in zip((args.output, layer), sizes, strict=True):
        print(
            f"{_shown(path)}: {size:,} bytes ({size / 1024 / 1024:.2f} MiB) for "
            f"{args.machine}, Python {args.python_version}"
        )


if __name__ == "__main__":
    main()
