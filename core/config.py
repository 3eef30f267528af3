"""Configuration read from the environment once per process (boto3 reads its own variables)."""

from __future__ import annotations

import base64
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta

from core.errors import ConfigurationError
from core.limits import MEDIA, WRITES, Rate


def _int(env: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigurationError(f"{name} must be an integer, got {raw!r}") from None
    if not low <= value <= high:
        raise ConfigurationError(f"{name} must be between {low} and {high}, got {value}")
    return value


def _bool(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name, "").strip().lower()
    if raw == "":
        return default
    if raw in ("1", "true", "yes", "on"):
        return True
    if raw in ("0", "false", "no", "off"):
        return False
    raise ConfigurationError(f"{name} must be true or false, got {raw!r}")


def _token_uses(raw: str) -> frozenset[str] | None:
    value = raw.strip().lower()
    if value in ("", "both"):
        return frozenset({"id", "access"})
    if value == "any":
        return None
    if value in ("id", "access"):
        return frozenset({value})
    raise ConfigurationError(f"AUTH_TOKEN_USE must be id, access, both or any, got {raw!r}")


def decode_secret(raw: str) -> bytes:
    """Secrets are configured base64-encoded and must carry at least 256 bits."""
    try:
        secret = base64.b64decode(raw, validate=True)
    except ValueError:
        raise ConfigurationError("CURSOR_SECRET must be base64") from None
    if len(secret) < 32:
        raise ConfigurationError("CURSOR_SECRET must decode to at least 32 bytes")
    return secret


def _rate(env: Mapping[str, str], name: str, default: Rate) -> Rate | None:
    """`COUNT/SECONDS` (e.g. `300/300`), or `off`."""
    raw = env.get(name, "").strip().lower()
    if raw == "":
        return default
    if raw == "off":
        return None
    count, _, seconds = raw.partition("/")
    try:
        rate = Rate(default.name, int(count), int(seconds))
    except ValueError:
        raise ConfigurationError(f"{name} must be COUNT/SECONDS or off, got {raw!r}") from None
    if not (1 <= rate.most <= 1_000_000 and 1 <= rate.seconds <= 86_400):
        raise ConfigurationError(f"{name}: 1-1000000 writes per 1-86400 seconds, got {raw!r}")
    return rate


@dataclass(frozen=True, slots=True)
class Limits:
    """Abuse limits applied to every GraphQL operation."""

    max_depth: int = 10
    max_aliases: int = 15
    max_tokens: int = 2000
    #: List items an operation may ask for, page sizes multiplied through nesting.
    max_cost: int = 2000
    #: The same, per event of a subscription: its selection runs again for every event and
    #: every subscriber, so what one event costs is this times the subscribers.
    max_subscription_cost: int = 100
    #: Largest request body accepted (413 above it); Lambda's own payload limit is 6 MB.
    max_body_bytes: int = 256 * 1024


MIB = 1024 * 1024

#: Content type -> largest accepted upload, in bytes.
DEFAULT_UPLOAD_LIMITS: dict[str, int] = {
    "image/jpeg": 10 * MIB,
    "image/png": 10 * MIB,
    "image/gif": 10 * MIB,
    "image/webp": 10 * MIB,
    "video/mp4": 100 * MIB,
    "video/webm": 100 * MIB,
}


def _upload_limits(raw: str) -> dict[str, int]:
    """`type=MiB,type=MiB`, e.g. `image/png=5,video/mp4=50`."""
    if not raw.strip():
        return dict(DEFAULT_UPLOAD_LIMITS)
    limits: dict[str, int] = {}
    for part in raw.split(","):
        content_type, _, size = part.strip().partition("=")
        try:
            mib = int(size)
        except ValueError:
            raise ConfigurationError(f"UPLOAD_LIMITS: {part!r} is not type=MiB") from None
        if content_type not in DEFAULT_UPLOAD_LIMITS or not 1 <= mib <= 5 * 1024:
            known = ", ".join(DEFAULT_UPLOAD_LIMITS)
            raise ConfigurationError(f"UPLOAD_LIMITS: {part!r}; types are {known}, 1-5120 MiB")
        limits[content_type] = mib * MIB
    return limits


@dataclass(frozen=True, slots=True)
class FanOutSettings:
    """How a post reaches home feeds (docs/DATA_MODEL.md, "Home feeds")."""

    #: Feeds one invocation writes for one event; the rest continue through the queue.
    feeds_per_invocation: int = 50_000
    #: BatchWriteItem requests one invocation keeps in flight.
    parallel_writes: int = 8
    #: Where continuations go (SQS); without one, they run in the same process, one by one.
    queue_url: str | None = None
    #: Above this many followers an account's posts are read at feed time, not pushed.
    pull_threshold: int = 10_000
    #: Pull accounts one feed page merges at most (the rest of them are left out).
    pull_accounts_per_feed: int = 20
    #: The AppSync API the fan-out signals (fanout/signals.py); None: no AppSync.
    appsync_url: str | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> FanOutSettings:
        return cls(
            feeds_per_invocation=_int(env, "FANOUT_FEEDS_PER_INVOCATION", 50_000, 25, 10_000_000),
            parallel_writes=_int(env, "FANOUT_PARALLEL_WRITES", 8, 1, 64),
            queue_url=env.get("FANOUT_QUEUE_URL") or None,
            pull_threshold=_int(env, "FEED_PULL_THRESHOLD", 10_000, 1, 1_000_000_000),
            pull_accounts_per_feed=_int(env, "FEED_PULL_ACCOUNTS_MAX", 20, 0, 100),
            appsync_url=env.get("APPSYNC_GRAPHQL_URL") or None,
        )


@dataclass(frozen=True, slots=True)
class Settings:
    table_name: str = "agora"
    bucket_name: str = "agora-uploads"
    region: str = "us-east-1"
    cursor_secret: bytes = field(default=b"", repr=False)
    #: Still accepted for cursors while a rotation settles (CURSOR_SECRET_PREVIOUS).
    cursor_secret_previous: bytes = field(default=b"", repr=False)
    #: In AWS: the Secrets Manager secret holding the cursor key (read on first use).
    cursor_secret_arn: str | None = None
    auth_issuer: str | None = None
    auth_audience: tuple[str, ...] = ()
    auth_jwks_url: str | None = None
    #: Accepted `token_use` claims; None accepts any (plain OIDC issuers have no such claim).
    auth_token_uses: frozenset[str] | None = frozenset({"id", "access"})
    #: Take the viewer from claims an API Gateway authorizer already verified.
    auth_trust_gateway: bool = False
    moderator_group: str = "moderators"
    upload_limits: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_UPLOAD_LIMITS))
    #: How long a presigned upload form is valid, and a media URL.
    upload_window_seconds: int = 600
    media_url_seconds: int = 900
    introspection: bool = False
    #: Browser origins allowed to call the API: the template hands the same list to API Gateway;
    #: only local serve applies it in the app (never both: doubled headers break browsers).
    cors_allow_origins: tuple[str, ...] = ()
    #: apq (Apollo's automatic persisted queries), allowlist (manifest only) or off.
    persisted_queries: str = "apq"
    persisted_queries_manifest: str | None = None
    limits: Limits = field(default_factory=Limits)
    #: Per-person write limits (docs/LIMITS.md); None: off.
    write_rate: Rate | None = WRITES
    media_rate: Rate | None = MEDIA
    #: Change-log entries younger than this are not reported yet: writes stamped earlier may
    #: still be in flight (docs/POLLING.md derives the default from the DynamoDB client's budget).
    changes_settle_ms: int = 10_000
    #: How often a websocket subscription reads the change log.
    subscription_poll_ms: int = 1_000
    fanout: FanOutSettings = field(default_factory=lambda: FanOutSettings())

    @property
    def changes_settle(self) -> timedelta:
        return timedelta(milliseconds=self.changes_settle_ms)

    def require_cursor_secret(self) -> None:
        if not self.cursor_secret and not self.cursor_secret_arn:
            raise ConfigurationError(
                "Neither CURSOR_SECRET_ARN nor CURSOR_SECRET is set: cursors cannot be sealed "
                "(see README, Configuration)"
            )

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        raw_secret = env.get("CURSOR_SECRET", "")
        raw_previous = env.get("CURSOR_SECRET_PREVIOUS", "")
        issuer = env.get("AUTH_ISSUER") or None
        audience = tuple(a.strip() for a in env.get("AUTH_AUDIENCE", "").split(",") if a.strip())
        if issuer and not audience:
            raise ConfigurationError("AUTH_AUDIENCE must list the app client ids for AUTH_ISSUER")
        return cls(
            table_name=env.get("TABLE_NAME") or "agora",
            bucket_name=env.get("BUCKET_NAME") or "agora-uploads",
            region=env.get("AWS_REGION") or env.get("AWS_DEFAULT_REGION") or "us-east-1",
            cursor_secret=decode_secret(raw_secret) if raw_secret else b"",
            cursor_secret_previous=decode_secret(raw_previous) if raw_previous else b"",
            cursor_secret_arn=env.get("CURSOR_SECRET_ARN") or None,
            auth_issuer=issuer.rstrip("/") if issuer else None,
            auth_audience=audience,
            auth_jwks_url=env.get("AUTH_JWKS_URL") or None,
            auth_token_uses=_token_uses(env.get("AUTH_TOKEN_USE", "")),
            auth_trust_gateway=_bool(env, "AUTH_TRUST_GATEWAY", False),
            moderator_group=env.get("AUTH_MODERATOR_GROUP") or "moderators",
            upload_limits=_upload_limits(env.get("UPLOAD_LIMITS", "")),
            upload_window_seconds=_int(env, "UPLOAD_WINDOW_SECONDS", 600, 60, 3600),
            media_url_seconds=_int(env, "MEDIA_URL_SECONDS", 900, 60, 7 * 24 * 3600),
            introspection=_bool(env, "INTROSPECTION", False),
            persisted_queries=(env.get("PERSISTED_QUERIES") or "apq").strip().lower(),
            persisted_queries_manifest=env.get("PERSISTED_QUERIES_MANIFEST") or None,
            cors_allow_origins=tuple(
                o.strip() for o in env.get("CORS_ALLOW_ORIGINS", "").split(",") if o.strip()
            ),
            changes_settle_ms=_int(env, "CHANGES_SETTLE_MS", 10_000, 100, 60_000),
            subscription_poll_ms=_int(env, "SUBSCRIPTION_POLL_MS", 1_000, 100, 60_000),
            fanout=FanOutSettings.from_env(env),
            write_rate=_rate(env, "RATE_LIMIT_WRITES", WRITES),
            media_rate=_rate(env, "RATE_LIMIT_MEDIA", MEDIA),
            limits=Limits(
                max_depth=_int(env, "MAX_QUERY_DEPTH", 10, 2, 50),
                max_aliases=_int(env, "MAX_ALIASES", 15, 1, 1000),
                max_tokens=_int(env, "MAX_QUERY_TOKENS", 2000, 100, 100_000),
                max_cost=_int(env, "MAX_QUERY_COST", 2000, 100, 1_000_000),
                max_subscription_cost=_int(env, "MAX_SUBSCRIPTION_COST", 100, 1, 1_000_000),
                max_body_bytes=_int(env, "MAX_REQUEST_BYTES", 256 * 1024, 1024, 6 * 1024 * 1024),
            ),
        )
