"""`agora serve`: the API on loopback with GraphiQL, emulated AWS, demo data and a dev token."""

from __future__ import annotations

import os
from typing import Any

from cli.demo import DEMO_USERS, seed_configured
from cli.embedded_aws import EmbeddedAws
from cli.local import DEFAULT_THREADS, data_dir, local_cursor_secret
from cli.served_app import HOST_VARIABLE, THREADS_VARIABLE, served_app
from cli.stream_poller import StreamPoller
from cli.web_client import APP_PATH, LOCAL_DEV_ORIGINS
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

#: uvicorn imports this in each worker process.
WORKER_APP = "cli.served_app:worker_app"


def serve(
    host: str,
    port: int,
    *,
    embedded: bool,
    seed_demo: bool,
    fanout: bool = True,
    workers: int = 1,
    threads: int = DEFAULT_THREADS,
) -> None:
    """`workers` processes answer on the port, each running up to `threads` operations at
    once; they share the table and the data directory, nothing in memory (docs/LOCAL.md)."""
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
        served = served_app(settings, host, threads)
        token, handle = served.token, served.handle
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
        options: dict[str, Any] = {
            "host": host,
            "port": port,
            "log_level": "info",
            "ws": "websockets-sansio",
            "ws_max_size": settings.limits.max_body_bytes,
        }
        if workers == 1:
            uvicorn.run(served.app, **options)
        else:
            # Each worker builds its own app from what this process put in the environment
            # (cli/served_app.py); the stream poller above stays here, once for the table.
            os.environ[HOST_VARIABLE] = host
            os.environ[THREADS_VARIABLE] = str(threads)
            uvicorn.run(WORKER_APP, factory=True, workers=workers, **options)
        if fanout:
            poller.stop()
    finally:
        if aws is not None:
            aws.stop()
