"""Video size and duration from containers a real writer made: Chromium's MediaRecorder."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from media.video import probe_video
from tests.conftest import missing_tool

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("content_type", ["video/webm", "video/mp4"])
def test_a_browser_recorded_video_reports_its_size_and_duration(
    content_type: str, tmp_path: Path
) -> None:
    if shutil.which("chromium") is None or shutil.which("node") is None:
        missing_tool("Debian's chromium and node (make test installs them)")
    # Given a 320x240 canvas recorded for about 1.2 s by the browser (a fragmented MP4, or a
    # WebM as live recorders write it)
    output = tmp_path / "recorded"
    script = ROOT / "tests" / "integration" / "record_video.mjs"
    subprocess.run(
        ["node", str(script), content_type, str(output)], cwd=ROOT, check=True, timeout=120
    )
    data = output.read_bytes()
    # When its container is read
    info = probe_video(
        content_type, lambda offset, length: data[offset : offset + length], len(data)
    )
    # Then the size is the canvas's and the duration about what was recorded
    assert (info.width, info.height) == (320, 240)
    if content_type == "video/webm" and info.duration_seconds is None:
        return  # a live WebM may carry no Duration at all (docs/MEDIA.md); the size is there
    assert info.duration_seconds is not None
    assert 0.8 <= info.duration_seconds <= 2.0
