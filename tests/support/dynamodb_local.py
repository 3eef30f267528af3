"""The tests start the same DynamoDB Local as local serve (cli/dynamodb_local.py)."""

from __future__ import annotations

from cli.dynamodb_local import DynamoDBLocal, find_jar, local_client

__all__ = ["DynamoDBLocal", "find_jar", "local_client"]
