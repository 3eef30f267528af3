"""The `agora` console script."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    from cli.local import DEFAULT_THREADS

    parser = argparse.ArgumentParser(prog="agora", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="run the API locally with GraphiQL")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    serve.add_argument(
        "--backend",
        choices=["embedded", "configured"],
        default="configured" if os.environ.get("AWS_ENDPOINT_URL_DYNAMODB") else "embedded",
        help="embedded: in-process emulator (default unless AWS_ENDPOINT_URL_DYNAMODB is set)",
    )
    serve.add_argument("--no-seed", action="store_true", help="do not write demo data")
    serve.add_argument(
        "--no-fanout",
        action="store_true",
        help="do not read the table's stream (another process on the same table does)",
    )

    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        help="server processes on the port (they share the table, nothing in memory)",
    )
    serve.add_argument(
        "--threads",
        type=int,
        default=DEFAULT_THREADS,
        help="operations each process runs at once, each on a thread (DynamoDB off the loop)",
    )

    token = commands.add_parser("token", help="print a dev token for a demo user (last line)")
    token.add_argument("user", help="a demo user's handle, e.g. alice")

    commands.add_parser("create-table", help="create the table on the configured endpoint")
    seed = commands.add_parser("seed", help="write the demo data to the configured table")
    seed.add_argument(
        "--no-pictures",
        action="store_true",
        help="no avatars or post pictures (they go to BUCKET_NAME on the configured S3)",
    )

    export = commands.add_parser("export-schema", help="write the SDL")
    export.add_argument("--appsync", action="store_true", help="AppSync's flavour of the SDL")
    export.add_argument("--output", type=Path, default=None)

    args = parser.parse_args(argv)
    if args.command == "serve":
        from cli.serve import serve as run_server

        run_server(
            args.host,
            args.port,
            embedded=args.backend == "embedded",
            seed_demo=not args.no_seed,
            fanout=not args.no_fanout,
            workers=max(1, args.workers),
            threads=max(1, args.threads),
        )
    elif args.command == "token":
        from cli.demo import demo_groups, demo_user_id
        from cli.dev_issuer import DevIssuer
        from cli.local import data_dir
        from core.config import Settings

        user_id = demo_user_id(args.user)
        groups = demo_groups(args.user, Settings.from_env().moderator_group)
        print(f"Dev token for {args.user} ({user_id}), valid 12 hours:", file=sys.stderr)
        print(DevIssuer.in_directory(data_dir()).issue(user_id, args.user, groups=groups))
    elif args.command in ("create-table", "seed"):
        from core.config import Settings
        from store.clients import dynamodb_client
        from store.table import create_table

        settings = Settings.from_env()
        client = dynamodb_client(settings.region)
        if args.command == "create-table":
            created = create_table(client, settings.table_name)
            print(f"table {settings.table_name}: {'created' if created else 'already exists'}")
        else:
            from cli.demo import seed_configured

            print(seed_configured(settings, pictures=not args.no_pictures))
    elif args.command == "export-schema":
        if args.appsync:
            from schema.appsync_sdl import appsync_sdl as render

            output = args.output or Path("schema.appsync.graphql")
        else:
            from schema.build import sdl as render

            output = args.output or Path("schema.graphql")
        output.write_text(render())
        print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
