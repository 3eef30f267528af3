"""`agora serve`: the API on loopback with GraphiQL, emulated AWS, demo data and a dev token."""

from __future__ import annotations

import os

from cli.demo import DEMO_USERS, seed_configured
from cli.dev_issuer import DevIssuer
from cli.embedded_aws import EmbeddedAws
from cli.local import data_dir, local_cursor_secret
from cli.local_app import local_app
from cli.loopback import loopback_only
from cli.stream_poller import StreamPoller
from cli.web_client import APP_PATH, LOCAL_DEV_ORIGINS, web_client_routes
from core import logs
from core.config import Settings
from fanout.media import MediaProcessing
from store.buckets import create_bucket
from store.clients import (
    dynamodb_change_client,
    dynamodb_client,
    dynamodb_streams_client,
    s3_client,
)
from store.media import MediaStorage
from store.repository import Rates, Store
from store.streams import StreamReader
from store.table import create_table
from web.app import GRAPHQL_PATH


def serve(host: str, port: int, *, embedded: bool, seed_demo: bool, fanout: bool = True) -> None:
    import uvicorn

    logs.configure(as_json=False)
    directory = data_dir()
    os.environ.setdefault("CURSOR_SECRET", local_cursor_secret(directory))
    os.environ.setdefault("INTROSPECTION", "true")
    # One machine, one clock, an emulator answering in milliseconds: a short settle window.
    os.environ.setdefault("CHANGES_SETTLE_MS", "1000")
    # A frontend on a local dev server just works.
    os.environ.setdefault("CORS_ALLOW_ORIGINS", ",".join(LOCAL_DEV_ORIGINS))
    aws = EmbeddedAws.start() if embedded else None
    try:
        settings = Settings.from_env()
        client = dynamodb_client(settings.region)
        create_table(client, settings.table_name)
        s3 = s3_client(settings.region)
        create_bucket(s3, settings.bucket_name, settings.region)
        store = Store.connect(
            client,
            settings.table_name,
            settings.cursor_secret,
            change_writes=dynamodb_change_client(settings.region),
            rates=Rates(settings.write_rate, settings.media_rate),
        )
        # The same fan-out code the Lambda runs on stream records, fed by a local poller.
        poller = StreamPoller(
            StreamReader(client, dynamodb_streams_client(settings.region), settings.table_name),
            store,
            media=MediaProcessing(
                store, MediaStorage(s3, settings.bucket_name), settings.upload_limits
            ),
        )
        if fanout:
            poller.start()
        if seed_demo:
            print(f"Demo data: {seed_configured(settings)}", flush=True)
            if fanout:
                # The banner comes once the seeded posts are in everyone's home feed.
                poller.wait_until_idle(timeout=60)
        # A configured issuer (AUTH_ISSUER) replaces the dev issuer entirely.
        issuer = None if settings.auth_issuer else DevIssuer.in_directory(directory)
        handle = next(iter(DEMO_USERS))
        token = issuer.issue(DEMO_USERS[handle][0], handle) if issuer else None
        # Local only: the playground opens signed in as the first demo user.
        headers = {"Authorization": f"Bearer {token}"} if token else None
        app = local_app(
            settings,
            dev_issuer=issuer,
            graphiql=True,
            apply_cors=True,
            playground_headers=headers,
            extra_routes=web_client_routes(issuer) if issuer else (),
        )
        backend = (
            f"embedded: DynamoDB Local at {aws.endpoint}, S3 (moto) at {aws.s3_endpoint}"
            if aws
            else "configured AWS endpoints"
        )
        print(
            f"\nAgora API: http://{host}:{port}{GRAPHQL_PATH}  (GraphiQL in a browser)\n"
            f"Web client: http://{host}:{port}{APP_PATH}/\n"
            f"DynamoDB and S3: {backend}; table {settings.table_name!r}",
            flush=True,
        )
        if token is None:
            print(f"Tokens: from {settings.auth_issuer}\n", flush=True)
        else:
            print(
                f"Other users' tokens: make token USER=<{'|'.join(DEMO_USERS)}>\n"
                f"Dev token for {handle} (send as 'Authorization: Bearer <token>'):\n{token}\n",
                flush=True,
            )
        uvicorn.run(
            loopback_only(app, host),
            host=host,
            port=port,
            log_level="info",
            ws="websockets-sansio",
            ws_max_size=settings.limits.max_body_bytes,
        )
        if fanout:
            poller.stop()
    finally:
        if aws is not None:
            aws.stop()
