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

from cli.playground_examples import EXAMPLE_TABS

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


#: What a tab the user adds starts with (GraphiQL's own welcome text otherwise).
NEW_TAB = (
    "# Write an operation here: Ctrl-Space completes, Ctrl-Enter runs, the Docs panel lists\n"
    "# every field. The first four tabs hold Agora's examples.\n"
)

#: What the page is changed at, each spelled as Strawberry's template (0.341) has it.
_WELCOME = re.compile(r"const EXAMPLE_QUERY = `.*?`;\n", re.DOTALL)
_INITIAL_QUERY = "parameters.q || EXAMPLE_QUERY"
_PROPS = "fetcher: fetcher,"
_COMPONENT = "function GraphiQLWithExplorer() {"


def with_examples(html: str, headers: dict[str, str] | None = None) -> str:
    """Open on Agora's example operations (read, write, poll, upload), one tab each, instead of
    GraphiQL's welcome text; `headers` go into every tab, and into tabs the user adds. A link
    with `?q=` still opens on its query."""
    if not _WELCOME.search(html) or not all(
        part in html for part in (_INITIAL_QUERY, _PROPS, _COMPONENT)
    ):
        raise RuntimeError("GraphiQL's page changed: cannot set the example tabs")
    tabs = json.dumps([tab.as_graphiql(headers) for tab in EXAMPLE_TABS], ensure_ascii=False)
    # Inside a <script>: no "</" may close it early.
    tabs = tabs.replace("</", "<\\/")
    html = _WELCOME.sub("", html, count=1)
    html = html.replace(_INITIAL_QUERY, "parameters.q")
    props = f"{_PROPS}\n          defaultTabs: AGORA_TABS,"
    props += f"\n          defaultQuery: {json.dumps(NEW_TAB)},"
    if headers:
        # A tab the user adds starts signed in too.
        props += f"\n          defaultHeaders: {json.dumps(json.dumps(headers, indent=2))},"
    html = html.replace(_PROPS, props)
    return html.replace(_COMPONENT, f"const AGORA_TABS = {tabs};\n\n      {_COMPONENT}")


def playground_page(headers: dict[str, str] | None) -> Callable[[str], str]:
    """What local serve makes of Strawberry's GraphiQL page: local files, Agora's example tabs,
    headers pre-filled."""

    def render(html: str) -> str:
        page = with_examples(local_assets(html), headers)
        return with_headers(page, headers) if headers else page

    return render


def asset_routes() -> list[BaseRoute]:
    if not ASSETS.is_dir():
        return []
    return [Mount(ASSETS_PATH, StaticFiles(directory=ASSETS), name="playground")]
