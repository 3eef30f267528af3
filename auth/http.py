"""Who is calling over HTTP: gateway-verified claims when trusted, else our own token check."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from auth.claims import gateway_claims, viewer_from_claims
from auth.tokens import bearer_token
from core.errors import Unauthenticated

if TYPE_CHECKING:
    from auth.tokens import TokenVerifier
    from auth.viewer import Viewer


def viewer_from_request(
    authorization: str | None,
    event: Mapping[str, Any] | None,
    verifier: TokenVerifier | None,
    *,
    trust_gateway: bool,
) -> Viewer | None:
    """The viewer of an HTTP request, None when anonymous; bad credentials raise."""
    if trust_gateway:
        claims = gateway_claims(event)
        if claims is not None:
            return viewer_from_claims(claims)
    token = bearer_token(authorization)
    if token is None:
        return None
    if verifier is None:
        raise Unauthenticated("no token issuer is configured (AUTH_ISSUER)")
    return verifier.verify(token)
