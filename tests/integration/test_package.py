"""`make package`: a reproducible, small zip from which `handler` imports and answers."""

from __future__ import annotations

import json
import platform
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from bench.cold_start import EVENT
from infra.package import build

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
LOCK = ROOT / "requirements.lambda.lock"
RUNTIME_SDK = ("boto3", "botocore", "s3transfer", "jmespath", "urllib3", "python-dateutil", "six")


def test_the_lambda_zip_is_small_and_reproducible(tmp_path: Path) -> None:
    first = build(tmp_path / "a.zip", "aarch64", "3.12", LOCK, tmp_path / "a-layer.zip")
    second = build(tmp_path / "b.zip", "aarch64", "3.12", LOCK, tmp_path / "b-layer.zip")
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()
    assert (tmp_path / "a-layer.zip").read_bytes() == (tmp_path / "b-layer.zip").read_bytes()
    # The budgets (docs/DEPLOY.md): the function's code, and the imaging layer beside it
    assert first == second
    assert first[0] <= 10 * 1024 * 1024
    assert first[1] <= 8 * 1024 * 1024
    layer = zipfile.ZipFile(tmp_path / "a-layer.zip").namelist()
    assert any(n.startswith("python/PIL/") for n in layer)
    assert any(n.startswith("python/blurhash/") for n in layer)
    assert all(n.startswith("python/") for n in layer)
    names = zipfile.ZipFile(tmp_path / "a.zip").namelist()
    assert not any(n.startswith(("PIL/", "pillow", "blurhash")) for n in names)
    assert "handler.py" in names
    assert not any(n.startswith(("cli/", "tests/", "boto3/", "botocore/")) for n in names)
    assert not any("node_modules" in n or "playground" in n for n in names)  # local serve only
    assert any("aarch64" in n for n in names)  # compiled wheels for the function's CPU


def _runtime_sdk(target: Path) -> None:
    """What the Lambda runtime provides, pinned from our own lock."""
    lines, keep = [], False
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if line and not line.startswith((" ", "#")):
            keep = line.split("==")[0] in RUNTIME_SDK
        if keep:
            lines.append(line)
    requirements = target.parent / "sdk.txt"
    requirements.write_text("\n".join(lines) + "\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--require-hashes",
            "--target",
            str(target),
            "-r",
            str(requirements),
        ],
        check=True,
    )


def test_handler_imports_and_answers_from_the_unpacked_zip(tmp_path: Path) -> None:
    # Given the zip built for this machine's platform, unpacked, and the SDK the runtime provides
    machine = {"x86_64": "x86_64", "aarch64": "aarch64", "arm64": "aarch64"}[platform.machine()]
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    build(tmp_path / "host.zip", machine, version, LOCK, tmp_path / "layer.zip")
    zipfile.ZipFile(tmp_path / "host.zip").extractall(tmp_path / "task")
    # Lambda unpacks layers under /opt; their `python/` folder is on the path
    zipfile.ZipFile(tmp_path / "layer.zip").extractall(tmp_path / "opt")
    _runtime_sdk(tmp_path / "sdk")
    # When a clean interpreter (no site-packages) imports handler and answers a health query,
    # and the layer's imaging library processes an image
    script = f"""
import json, sys
sys.path[:0] = [
    {str(tmp_path / "task")!r}, {str(tmp_path / "opt" / "python")!r}, {str(tmp_path / "sdk")!r}
]
import handler
assert "PIL" not in sys.modules, "the API path must not load the imaging library"
event = json.loads(sys.stdin.read())
answer = handler.handler(event, None)
import io
from PIL import Image
from media.images import process_image
png = io.BytesIO()
Image.new("RGB", (800, 400), (10, 120, 200)).save(png, "PNG")
processed = process_image(png.getvalue(), "image/png")
assert [v.width for v in processed.variants] == [320, 640], processed.variants
print(json.dumps(answer))
"""
    event = EVENT  # the minimal HTTP API event of the cold-start benchmark
    env = {
        "TABLE_NAME": "t",
        "CURSOR_SECRET": "A" * 64,
        "AWS_REGION": "us-east-1",
        "PATH": "/usr/bin:/bin",
    }
    done = subprocess.run(
        [sys.executable, "-S", "-c", script],
        input=json.dumps(event),
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    # Then it answers, with nothing from our virtualenv on its path
    assert done.returncode == 0, done.stderr
    response = json.loads(done.stdout.strip().splitlines()[-1])
    assert response["statusCode"] == 200
    assert json.loads(response["body"]) == {"data": {"health": "ok"}}
