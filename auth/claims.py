"""Viewers from claims another party already verified: API Gateway's JWT authorizer, AppSync."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from auth.viewer import Viewer
from core.errors import Unauthenticated
from core.ids import is_user_id


def _groups(raw: object) -> frozenset[str]:
    """Cognito groups arrive as a list, or flattened by API Gateway into "[a b]"."""
    if raw is None:
        return frozenset()
    if isinstance(raw, str):
        return frozenset(g for g in raw.strip("[]").replace(",", " ").split() if g)
    if isinstance(raw, list | tuple | set | frozenset):
        return frozenset(str(g) for g in raw)
    return frozenset()


def viewer_from_claims(claims: Mapping[str, Any]) -> Viewer:
    subject = claims.get("sub")
    if not isinstance(subject, str) or not is_user_id(subject):
        raise Unauthenticated("claims have no usable subject")
    username = claims.get("cognito:username") or claims.get("username") or subject
    return Viewer(id=subject, username=str(username), groups=_groups(claims.get("cognito:groups")))


def gateway_claims(event: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    """Claims an API Gateway authorizer verified: HTTP API JWT (v2) or REST Cognito (v1)."""
    if not event:
        return None
    authorizer = (event.get("requestContext") or {}).get("authorizer") or {}
    claims = (authorizer.get("jwt") or {}).get("claims") or authorizer.get("claims")
    return claims if isinstance(claims, Mapping) and claims else None


def viewer_from_appsync_identity(identity: Mapping[str, Any] | None) -> Viewer | None:
    """AppSync's `identity`: Cognito user pools, IAM with a Cognito identity, a Lambda authorizer.

    API key callers (identity null) are anonymous. IAM principals without a Cognito identity are
    services, not users, and are refused.
    """
    if not identity:
        return None
    if "claims" in identity or "sub" in identity:  # Cognito user pools (or OIDC)
        claims = {**(identity.get("claims") or {})}
        claims.setdefault("sub", identity.get("sub"))
        claims.setdefault("cognito:username", identity.get("username"))
        if identity.get("groups") is not None:
            claims["cognito:groups"] = identity["groups"]
        return viewer_from_claims(claims)
    if "resolverContext" in identity:  # Lambda authorizer: it decides what it vouches for
        return viewer_from_claims(identity.get("resolverContext") or {})
    cognito_identity = identity.get("cognitoIdentityId")
    if isinstance(cognito_identity, str) and cognito_identity:
        # "<region>:<uuid>" -> "<region>_<uuid>": ':' cannot appear in a key part.
        return Viewer(id=cognito_identity.replace(":", "_"), username=cognito_identity)
    raise Unauthenticated("IAM caller without a Cognito identity")
