"""Build the Lambda deployment zip reproducibly from the lock file, for the target platform.

Wheels only (`--only-binary`), for the platform and Python of the function, with every file's
hash checked against `requirements.lambda.lock`; entries are sorted and stamped with a fixed time,
so the same inputs give a byte-identical zip. The AWS SDK is not shipped: see docs/DEPLOY.md.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: What the function imports; `cli/` (local serve, moto, uvicorn) stays out.
PACKAGES = ("appsync", "auth", "core", "fanout", "resolvers", "runtime", "schema", "store", "web")
MODULES = ("handler.py",)
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def install(lock: Path, target: Path, platform: str, python_version: str) -> None:
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
            "--platform",
            platform,
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


def write_zip(source: Path, output: Path) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in source.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            info = zipfile.ZipInfo(path.relative_to(source).as_posix(), FIXED_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes(), compresslevel=9)


def build(output: Path, platform: str, python_version: str, lock: Path) -> int:
    with tempfile.TemporaryDirectory() as scratch:
        staging = Path(scratch) / "package"
        install(lock, staging, platform, python_version)
        copy_sources(staging)
        write_zip(staging, output)
    return output.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", type=Path, default=ROOT / "dist" / "agora-lambda.zip")
    parser.add_argument("--platform", default="manylinux2014_aarch64")
    parser.add_argument("--python-version", default="3.12")
    parser.add_argument("--lock", type=Path, default=ROOT / "requirements.lambda.lock")
    args = parser.parse_args()
    size = build(args.output, args.platform, args.python_version, args.lock)
    print(
        f"{args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}:"
        f" {size:,} bytes ({size / 1024 / 1024:.2f} MiB) for {args.platform}, "
        f"Python {args.python_version}"
    )


if __name__ == "__main__":
    main()
