"""The GraphiQL playground of local serve: its files from the npm registry, so it works offline.

Strawberry's page loads React, GraphiQL and the explorer plugin from unpkg.com with integrity
hashes. When `make serve` has installed the same files from npm (web/playground), the page points
at local copies instead: the bytes are identical, so the hashes stay and still guard them. Without
them the page falls back to the CDN, and says so in the log.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from pathlib import Path

from starlette.routing import BaseRoute, Mount
from starlette.staticfiles import StaticFiles

log = logging.getLogger("agora.playground")

ASSETS = Path(__file__).resolve().parents[1] / "web" / "playground" / "node_modules"
ASSETS_PATH = "/playground"
_CDN = re.compile(
    r"https://unpkg\.com/(?P<package>(?:@[^/@]+/)?[^/@]+)@(?P<version>[^/]+)/(?P<file>[^\"]+)"
)


def _installed(package: str, version: str, file: str) -> bool:
    manifest = ASSETS / package / "package.json"
    if not (ASSETS / package / file).is_file() or not manifest.is_file():
        return False
    return bool(json.loads(manifest.read_text()).get("version") == version)


def local_assets(html: str) -> str:
    """The page with every CDN file served locally, or unchanged if any file is missing."""
    wanted = list(_CDN.finditer(html))
    if not wanted or not all(_installed(m["package"], m["version"], m["file"]) for m in wanted):
        log.warning(
            "GraphiQL files are not installed (web/playground); the playground loads them from "
            "unpkg.com, which needs internet"
        )
        return html
    return _CDN.sub(lambda m: f"{ASSETS_PATH}/{m['package']}/{m['file']}", html)


def with_headers(html: str, headers: dict[str, str]) -> str:
    """Pre-fill the Headers tab, so the first query in the playground just works."""
    default = "React.useState(parameters.headers)"
    if default not in html:
        raise RuntimeError("GraphiQL's page changed: cannot pre-fill the headers")
    prefilled = json.dumps(json.dumps(headers, indent=2))
    return html.replace(default, f"React.useState(parameters.headers || {prefilled})")


def playground_page(headers: dict[str, str] | None) -> Callable[[str], str]:
    """What local serve makes of Strawberry's GraphiQL page: local files, headers pre-filled."""

    def render(html: str) -> str:
        page = local_assets(html)
        return with_headers(page, headers) if headers else page

    return render


def asset_routes() -> list[BaseRoute]:
    if not ASSETS.is_dir():
        return []
    return [Mount(ASSETS_PATH, StaticFiles(directory=ASSETS), name="playground")]
