"""Local serve answers only requests addressed to the machine itself.

A web page can point a name it controls at 127.0.0.1 (DNS rebinding) and then talk to local
serve as its own origin, past CORS: sign in as a demo user, drive the playground. Such requests
still carry the attacker's name in `Host`, so anything but a loopback name (or the address
local serve was told to bind) is refused.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.middleware.trustedhost import TrustedHostMiddleware

if TYPE_CHECKING:
    from starlette.types import ASGIApp

LOOPBACK_HOSTS = ("127.0.0.1", "localhost")
_ANY_ADDRESS = ("0.0.0.0", "::", "")  # noqa: S104 (names, not a bind)


def loopback_only(app: ASGIApp, bound_host: str = "127.0.0.1") -> ASGIApp:
    """`app`, refusing (400) HTTP requests and websockets whose Host is not this machine."""
    hosts = list(LOOPBACK_HOSTS)
    if bound_host not in (*hosts, *_ANY_ADDRESS):
        hosts.append(bound_host)
    return TrustedHostMiddleware(app, allowed_hosts=hosts, www_redirect=False)
