"""`make package`: a reproducible, small zip from which `handler` imports and answers."""

from __future__ import annotations

import ast
import json
import platform
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from bench.cold_start import EVENT
from infra.package import PACKAGES, build

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
LOCK = ROOT / "requirements.lambda.lock"
RUNTIME_SDK = ("boto3", "botocore", "s3transfer", "jmespath", "urllib3", "python-dateutil", "six")
#: Local serve and test code: the function must neither ship nor import any of it.
LOCAL_ONLY = ("cli", "tests", "bench", "infra", "moto", "uvicorn")
LOCAL_ONLY_MODULES = ("dev_issuer.py", "playground.py", "dynamodb_local.py", "local_app.py")


@pytest.fixture(scope="module")
def lambda_zips(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path, Path]:
    """The function's zip and the media layer's for the function's CPU, each built twice."""
    tmp_path = tmp_path_factory.mktemp("zips")
    for name in ("a", "b"):
        build(tmp_path / f"{name}.zip", "aarch64", "3.12", LOCK, tmp_path / f"{name}-layer.zip")
    return tuple(tmp_path / n for n in ("a.zip", "b.zip", "a-layer.zip", "b-layer.zip"))  # type: ignore[return-value]


def test_the_lambda_zip_is_small_and_reproducible(
    lambda_zips: tuple[Path, Path, Path, Path],
) -> None:
    a, b, layer_a, layer_b = lambda_zips
    assert a.read_bytes() == b.read_bytes()
    assert layer_a.read_bytes() == layer_b.read_bytes()
    # The budgets (docs/DEPLOY.md): the function's code, and the imaging layer beside it
    assert a.stat().st_size <= 10 * 1024 * 1024
    assert layer_a.stat().st_size <= 8 * 1024 * 1024
    layer = zipfile.ZipFile(layer_a).namelist()
    assert any(n.startswith("python/PIL/") for n in layer)
    assert any(n.startswith("python/blurhash/") for n in layer)
    assert all(n.startswith("python/") for n in layer)
    names = zipfile.ZipFile(a).namelist()
    assert not any(n.startswith(("PIL/", "pillow", "blurhash")) for n in names)
    assert "handler.py" in names
    assert not any(n.startswith(("cli/", "tests/", "boto3/", "botocore/")) for n in names)
    assert not any("node_modules" in n or "playground" in n for n in names)  # local serve only
    assert any("aarch64" in n for n in names)  # compiled wheels for the function's CPU


def _imported(source: str) -> set[str]:
    modules: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules |= {alias.name.partition(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            modules.add(node.module.partition(".")[0])
    return modules


def test_the_lambda_zip_holds_no_local_only_module(
    lambda_zips: tuple[Path, Path, Path, Path],
) -> None:
    # Given the function's zip
    archive = zipfile.ZipFile(lambda_zips[0])
    names = archive.namelist()
    ours = [
        n for n in names if n.endswith(".py") and n.partition("/")[0] in (*PACKAGES, "handler.py")
    ]
    # Then no local-only folder or module is in it
    assert not [n for n in names if n.partition("/")[0] in LOCAL_ONLY]
    assert not [n for n in names if n.rpartition("/")[2] in LOCAL_ONLY_MODULES]
    # and none of our modules in it imports one (not even for type checking)
    importers = {n: _imported(archive.read(n).decode()) & set(LOCAL_ONLY) for n in ours}
    assert {n: found for n, found in importers.items() if found} == {}
    # (and it read real modules)
    assert "auth/tokens.py" in ours
    assert "web/view.py" in ours


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
