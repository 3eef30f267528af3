"""Bearer-token validation: RS256 only, known key id, exact issuer, audience, times, token use."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from auth.claims import viewer_from_claims
from core.errors import Unauthenticated

if TYPE_CHECKING:
    from auth.jwks import KeySource
    from auth.viewer import Viewer

ALLOWED_ALGORITHMS = ("RS256",)
LEEWAY_SECONDS = 30
TOKEN_USES = frozenset({"id", "access"})
#: JWS header parameters that change how a token must be read. We implement no extension, so
#: any `crit` (RFC 7515 §4.1.11: unknown critical extensions must be refused) and RFC 7797's
#: unencoded payload (`b64`) are refused rather than silently read as ordinary tokens.
REFUSED_HEADERS = ("crit", "b64")
#: RFC 7519 NumericDate claims: JSON numbers, never strings or booleans.
TIME_CLAIMS = ("exp", "nbf", "iat")


@dataclass(frozen=True, slots=True)
class TokenPolicy:
    issuer: str
    #: App client ids: matched against `aud` (ID tokens) or `client_id` (access tokens).
    audiences: frozenset[str]
    #: Accepted `token_use` values; None accepts tokens without the claim (plain OIDC issuers).
    token_uses: frozenset[str] | None = TOKEN_USES
    leeway: int = LEEWAY_SECONDS


class TokenVerifier:
    def __init__(
        self, policy: TokenPolicy, keys: KeySource, clock: Callable[[], float] = time.time
    ) -> None:
        self._policy = policy
        self._keys = keys
        self._clock = clock

    def verify(self, token: str) -> Viewer:
        # Imported on the first token, not at cold start: a request without one never needs it.
        from jose import JWTError, jwt

        policy = self._policy
        try:
            header = jwt.get_unverified_header(token)
        except JWTError:
            raise Unauthenticated("token is not a JWS") from None
        if header.get("alg") not in ALLOWED_ALGORITHMS:
            raise Unauthenticated(f"algorithm {header.get('alg')!r} is not allowed")
        refused = [name for name in REFUSED_HEADERS if name in header]
        if refused:
            raise Unauthenticated(f"header parameter {refused[0]!r} is not supported")
        key = self._keys.key(str(header.get("kid", "")))
        if key is None:
            raise Unauthenticated(f"unknown key id {header.get('kid')!r}")
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                key,
                algorithms=list(ALLOWED_ALGORITHMS),
                issuer=policy.issuer,
                options={
                    "verify_aud": False,  # checked below, per token use
                    "leeway": policy.leeway,
                    "require_exp": True,
                    "require_iat": True,
                },
            )
        except JWTError as exc:
            raise Unauthenticated(f"token rejected: {exc}") from None
        for name in TIME_CLAIMS:
            value = claims.get(name)
            if name in claims and (isinstance(value, bool) or not isinstance(value, int | float)):
                raise Unauthenticated(f"claim {name!r} is not a NumericDate")
        iat = claims.get("iat")
        if not isinstance(iat, int | float) or iat > self._clock() + policy.leeway:
            raise Unauthenticated("token issued in the future")
        token_use = claims.get("token_use")
        if policy.token_uses is not None and token_use not in policy.token_uses:
            raise Unauthenticated(f"token_use {token_use!r} is not accepted")
        if token_use == "access":
            audiences = [claims.get("client_id")]
        else:
            aud = claims.get("aud")
            audiences = aud if isinstance(aud, list) else [aud]
        if not any(isinstance(a, str) and a in policy.audiences for a in audiences):
            raise Unauthenticated("token is for another audience")
        return viewer_from_claims(claims)


def bearer_token(authorization: str | None) -> str | None:
    """The token of an `Authorization: Bearer <token>` header; None when there is no header."""
    if authorization is None or not authorization.strip():
        return None
    scheme, _, rest = authorization.strip().partition(" ")
    if scheme.lower() != "bearer" or not rest.strip():
        raise Unauthenticated("Authorization header is not `Bearer <token>`")
    return rest.strip()
