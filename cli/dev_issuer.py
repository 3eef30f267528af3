"""A local token issuer for `agora serve`: its own RSA key, persisted per data directory.

Tokens it issues go through the same TokenVerifier as production tokens; only the key source
differs. It is never wired into the Lambda.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jose import jwk, jwt

from auth.jwks import StaticKeys
from auth.tokens import TokenPolicy, TokenVerifier

ISSUER = "agora-dev"
AUDIENCE = "agora-local"
TOKEN_LIFETIME_SECONDS = 12 * 3600
KEY_FILE = "dev-issuer-key.pem"


class DevIssuer:
    def __init__(self, private_pem: bytes) -> None:
        self._private_pem = private_pem
        public = serialization.load_pem_private_key(private_pem, password=None).public_key()
        public_pem = public.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        self.kid = hashlib.sha256(public_pem).hexdigest()[:16]
        self._public_jwk = {
            **jwk.construct(public_pem.decode(), "RS256").to_dict(),
            "kid": self.kid,
            "use": "sig",
        }

    @classmethod
    def in_directory(cls, data_dir: Path) -> DevIssuer:
        """Load the directory's key, creating it (readable by the owner only) on first use."""
        path = data_dir / KEY_FILE
        if not path.exists():
            data_dir.mkdir(parents=True, exist_ok=True)
            key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
            pem = key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
            path.touch(mode=0o600)
            path.write_bytes(pem)
        return cls(path.read_bytes())

    def jwks(self) -> dict[str, Any]:
        return {"keys": [self._public_jwk]}

    def verifier(self) -> TokenVerifier:
        policy = TokenPolicy(issuer=ISSUER, audiences=frozenset({AUDIENCE}))
        return TokenVerifier(policy, StaticKeys(self.jwks()))

    def issue(
        self,
        subject: str,
        username: str,
        *,
        groups: tuple[str, ...] = (),
        lifetime: int = TOKEN_LIFETIME_SECONDS,
    ) -> str:
        """An ID token shaped like Cognito's."""
        now = int(time.time())
        claims: dict[str, Any] = {
            "iss": ISSUER,
            "aud": AUDIENCE,
            "sub": subject,
            "cognito:username": username,
            "token_use": "id",
            "iat": now,
            "exp": now + lifetime,
        }
        if groups:
            claims["cognito:groups"] = list(groups)
        return self.sign(claims)

    def sign(self, claims: dict[str, Any], **headers: Any) -> str:
        """RS256-sign any claims with this issuer's key and key id."""
        return jwt.encode(
            claims,
            self._private_pem.decode(),
            algorithm="RS256",
            headers={"kid": self.kid, **headers},
        )
