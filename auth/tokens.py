"""Bearer-token validation: RS256 only, known key id, exact issuer, audience, expiry."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jose import JWTError, jwt

from auth.viewer import Viewer
from core.errors import Unauthenticated
from core.ids import is_user_id

if TYPE_CHECKING:
    from collections.abc import Collection

    from auth.jwks import KeySource

ALLOWED_ALGORITHMS = ("RS256",)
LEEWAY_SECONDS = 30


class TokenVerifier:
    def __init__(self, issuer: str, audiences: Collection[str], keys: KeySource) -> None:
        self._issuer = issuer
        self._audiences = frozenset(audiences)
        self._keys = keys

    def verify(self, token: str) -> Viewer:
        try:
            header = jwt.get_unverified_header(token)
        except JWTError:
            raise Unauthenticated("The bearer token is malformed") from None
        if header.get("alg") not in ALLOWED_ALGORITHMS:
            raise Unauthenticated("The bearer token's algorithm is not accepted")
        key = self._keys.key(str(header.get("kid", "")))
        if key is None:
            raise Unauthenticated("The bearer token was signed by an unknown key")
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                key,
                algorithms=list(ALLOWED_ALGORITHMS),
                issuer=self._issuer,
                # Audience is checked below: ID tokens carry `aud`, access tokens `client_id`.
                options={"verify_aud": False, "leeway": LEEWAY_SECONDS, "require_exp": True},
            )
        except JWTError as exc:
            raise Unauthenticated(f"The bearer token is not valid: {exc}") from None
        audience = claims.get("aud", claims.get("client_id"))
        if self._audiences and audience not in self._audiences:
            raise Unauthenticated("The bearer token is for another audience")
        subject = claims.get("sub")
        if not isinstance(subject, str) or not is_user_id(subject):
            raise Unauthenticated("The bearer token has no usable subject")
        username = claims.get("cognito:username") or claims.get("username") or subject
        groups = claims.get("cognito:groups") or []
        return Viewer(id=subject, username=str(username), groups=frozenset(map(str, groups)))


def bearer_token(authorization: str | None) -> str | None:
    """The token of an `Authorization: Bearer <token>` header, or a bare token as AppSync sends."""
    if authorization is None or not authorization.strip():
        return None
    scheme, _, rest = authorization.strip().partition(" ")
    if not rest and scheme.lower() != "bearer":
        return scheme
    if scheme.lower() != "bearer" or not rest.strip():
        raise Unauthenticated("Send the token as `Authorization: Bearer <token>`")
    return rest.strip()
