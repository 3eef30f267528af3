"""The deployment template agrees with the code: one table definition, least-privilege IAM."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from cfnlint.decode import cfn_yaml

from store.table import TTL_ATTRIBUTE, table_definition

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "infra" / "template.yaml"

#: boto3 operations -> the IAM actions they need.
ACTIONS_OF = {
    "get_item": {"dynamodb:GetItem"},
    "put_item": {"dynamodb:PutItem"},
    "update_item": {"dynamodb:UpdateItem"},
    "delete_item": {"dynamodb:DeleteItem"},
    "query": {"dynamodb:Query"},
    "batch_get_item": {"dynamodb:BatchGetItem"},
    "batch_write_item": {"dynamodb:BatchWriteItem"},
    # A transaction needs the actions of its items; ours put, update and delete.
    "transact_write_items": {"dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"},
    "head_object": {"s3:GetObject"},
    "get_object": {"s3:GetObject"},
    "copy_object": {"s3:GetObject", "s3:PutObject"},
    "delete_object": {"s3:DeleteObject"},
    "delete_objects": {"s3:DeleteObject"},
    "put_object": {"s3:PutObject"},
    "list_objects_v2": {"s3:ListBucket"},
    # Presigned requests run with the function's credentials: the browser's POST, the GET.
    "generate_presigned_post": {"s3:PutObject"},
    "generate_presigned_url": {"s3:GetObject"},
    "get_secret_value": {"secretsmanager:GetSecretValue"},
    "send_message": {"sqs:SendMessage"},
}
#: X-Ray accepts no resource-level permissions; its policy exists only when tracing is on.
WILDCARD_ALLOWED = {"xray:PutTraceSegments", "xray:PutTelemetryRecords"}
#: Used by Lambda on the function's behalf, not by our code.
PLATFORM_ACTIONS = {
    "dynamodb:DescribeStream",
    "dynamodb:GetRecords",
    "dynamodb:GetShardIterator",
    "dynamodb:ListStreams",
    "sqs:ReceiveMessage",
    "sqs:DeleteMessage",
    "sqs:GetQueueAttributes",
    "logs:CreateLogStream",
    "logs:PutLogEvents",
}
#: store/ modules the function never runs: `agora create-table`, local serve's bucket and stream.
LOCAL_ONLY = {"table.py", "buckets.py", "streams.py", "clients.py"}


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    loaded: dict[str, Any] = cfn_yaml.load(str(TEMPLATE))
    return loaded


def test_table_matches_the_store_definition(template: dict[str, Any]) -> None:
    table = template["Resources"]["Table"]["Properties"]
    expected = table_definition("ignored")
    for key in ("BillingMode", "AttributeDefinitions", "KeySchema", "GlobalSecondaryIndexes"):
        assert table[key] == expected[key], key
    assert table["StreamSpecification"]["StreamViewType"] == "NEW_AND_OLD_IMAGES"
    assert table["TimeToLiveSpecification"] == {"AttributeName": TTL_ATTRIBUTE, "Enabled": True}
    assert table["PointInTimeRecoverySpecification"]["PointInTimeRecoveryEnabled"] is True
    assert table["SSESpecification"]["SSEEnabled"] is True


def _code_operations() -> set[str]:
    calls: set[str] = set()
    pattern = re.compile(r"\b(?:self\._client|client)\.([a-z0-9_]+)\(")
    for path in sorted((ROOT / "store").glob("*.py")):
        if path.name not in LOCAL_ONLY:
            calls |= set(pattern.findall(path.read_text()))
    return calls


def _template_statements(template: dict[str, Any]) -> list[dict[str, Any]]:
    role = template["Resources"]["FunctionRole"]["Properties"]
    return [s for policy in role["Policies"] for s in policy["PolicyDocument"]["Statement"]]


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def test_every_allowed_action_is_used_and_every_used_action_is_allowed(
    template: dict[str, Any],
) -> None:
    operations = _code_operations()
    unknown = operations - set(ACTIONS_OF)
    assert not unknown, f"map these boto3 operations to IAM actions: {unknown}"
    needed = set().union(*(ACTIONS_OF[op] for op in operations))
    allowed = {a for s in _template_statements(template) for a in _as_list(s["Action"])}
    assert allowed - PLATFORM_ACTIONS == needed


def _all_statements(template: dict[str, Any]) -> list[dict[str, Any]]:
    statements = []
    for resource in template["Resources"].values():
        properties = resource.get("Properties", {})
        if resource["Type"] == "AWS::IAM::Role":
            for policy in properties.get("Policies", []):
                statements += policy["PolicyDocument"]["Statement"]
        elif resource["Type"] == "AWS::IAM::Policy":
            statements += properties["PolicyDocument"]["Statement"]
    return statements


def test_no_wildcards(template: dict[str, Any]) -> None:
    statements = _all_statements(template)
    assert len(statements) > 5
    for statement in statements:
        assert statement["Effect"] == "Allow"
        actions = set(_as_list(statement["Action"]))
        assert not any("*" in action for action in actions)
        for resource in _as_list(statement["Resource"]):
            assert resource != "*" or actions <= WILDCARD_ALLOWED, statement
    policies = [r for r in template["Resources"].values() if r["Type"] == "AWS::IAM::Policy"]
    assert sorted(p["Condition"] for p in policies) == ["WithAppSync", "WithTracing"]


def test_the_cursor_secret_is_read_at_runtime_not_written_anywhere(
    template: dict[str, Any],
) -> None:
    variables = template["Resources"]["Function"]["Properties"]["Environment"]["Variables"]
    assert variables["CURSOR_SECRET_ARN"] == {"Ref": "CursorSecret"}
    assert "CURSOR_SECRET" not in variables
    text = TEMPLATE.read_text()
    assert "resolve:secretsmanager" not in text  # no dynamic reference to the value
    assert "SecretString:" not in text.replace("GenerateSecretString:", "")
    generated = template["Resources"]["CursorSecret"]["Properties"]["GenerateSecretString"]
    assert generated["PasswordLength"] == 64
    assert generated["ExcludePunctuation"] is True


def test_cors_throttling_concurrency_and_tracing(template: dict[str, Any]) -> None:
    api = template["Resources"]["HttpApi"]["Properties"]
    cors = api["CorsConfiguration"]
    bucket_cors = template["Resources"]["MediaBucket"]["Properties"]["CorsConfiguration"]
    assert cors["AllowOrigins"] == {"Ref": "CorsAllowOrigins"}
    assert bucket_cors["CorsRules"][0]["AllowedOrigins"] == {"Ref": "CorsAllowOrigins"}
    assert cors["AllowHeaders"] == ["authorization", "content-type"]
    assert cors["AllowCredentials"] is False
    assert api["DefaultRouteSettings"] == {
        "ThrottlingRateLimit": {"Ref": "ThrottlingRateLimit"},
        "ThrottlingBurstLimit": {"Ref": "ThrottlingBurstLimit"},
    }
    function = template["Resources"]["Function"]["Properties"]
    assert function["ReservedConcurrentExecutions"]["Fn::If"][0] == "WithReservedConcurrency"
    assert function["Tracing"] == {"Fn::If": ["WithTracing", "Active", "PassThrough"]}
    assert template["Parameters"]["EnableTracing"]["Default"] == "false"


def test_media_permissions_stop_at_the_three_prefixes(template: dict[str, Any]) -> None:
    statements = _template_statements(template)
    (media,) = [s for s in statements if s.get("Sid") == "Media"]
    prefixes = [r["Fn::Sub"] for r in media["Resource"]]
    expected = ["uploads/*", "media/*", "exports/*"]
    assert prefixes == [f"${{MediaBucket.Arn}}/{p}" for p in expected]
    # Listing (to export or delete an account's files) is held to the same prefixes
    (listing,) = [s for s in statements if s.get("Sid") == "MediaListing"]
    assert listing["Condition"]["StringLike"]["s3:prefix"] == expected


def test_the_function(template: dict[str, Any]) -> None:
    function = template["Resources"]["Function"]["Properties"]
    runtime = template["Globals"]["Function"]
    assert runtime == {"Runtime": "python3.12", "Architectures": ["arm64"]}
    assert function["Handler"] == "handler.handler"
    assert function["Timeout"] < 29
    assert function["MemorySize"] == {"Ref": "MemorySize"}
    stream = function["Events"]["TableStream"]["Properties"]
    assert stream["BisectBatchOnFunctionError"] is True
    assert stream["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    assert "OnFailure" in stream["DestinationConfig"]
    continuations = function["Events"]["FanOutContinuations"]["Properties"]
    assert continuations["Queue"] == {"Fn::GetAtt": ["FanOutQueue", "Arn"]}
    assert continuations["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    queue = template["Resources"]["FanOutQueue"]["Properties"]
    assert queue["RedrivePolicy"]["deadLetterTargetArn"] == {
        "Fn::GetAtt": ["FanOutDeadLetters", "Arn"]
    }
    assert queue["VisibilityTimeout"] >= 6 * function["Timeout"]
    routes = {
        (e["Properties"]["Method"], e["Properties"]["Path"])
        for e in function["Events"].values()
        if e["Type"] == "HttpApi"
    }
    assert routes == {("POST", "/graphql"), ("GET", "/graphql")}


def test_bucket_is_private_encrypted_and_cleans_up(template: dict[str, Any]) -> None:
    bucket = template["Resources"]["MediaBucket"]["Properties"]
    assert all(bucket["PublicAccessBlockConfiguration"].values())
    assert bucket["BucketEncryption"]["ServerSideEncryptionConfiguration"]
    rules = bucket["LifecycleConfiguration"]["Rules"]
    assert [(r["Prefix"], r["ExpirationInDays"]) for r in rules] == [
        ("uploads/", 1),  # never completed
        ("exports/", 1),  # account exports, read through a link that expires in an hour
    ]


def test_appsync_resolves_every_registered_field_with_the_function(
    template: dict[str, Any],
) -> None:
    import resolvers  # noqa: F401  (registers every resolver)
    from resolvers.registry import ROOT_TYPES, registered

    resources = template["Resources"]
    found = {
        f"{r['Properties']['TypeName']}.{r['Properties']['FieldName']}": r
        for name, r in resources.items()
        if r["Type"] == "AWS::AppSync::Resolver" and not name.startswith("Signal")
    }
    # AppSync delivers subscriptions itself, from the signals the fan-out publishes.
    fields = {name for name in registered() if not name.startswith("Subscription.")}
    assert set(found) == fields
    for name, resource in found.items():
        properties = resource["Properties"]
        assert resource["Condition"] == "WithAppSync"
        assert properties["DataSourceName"] == {"Fn::GetAtt": ["AppSyncFunction", "Name"]}
        assert "RequestMappingTemplate" not in properties  # direct Lambda resolvers
        batched = name.partition(".")[0] not in ROOT_TYPES
        assert ("MaxBatchSize" in properties) == batched, name
    source = resources["AppSyncFunction"]["Properties"]
    assert source["LambdaConfig"]["LambdaFunctionArn"] == {"Fn::GetAtt": ["Function", "Arn"]}
    schema_file = resources["AppSyncSchema"]["Properties"]["DefinitionS3Location"]
    assert (TEMPLATE.parent / schema_file).resolve() == ROOT / "schema.appsync.graphql"
    assert resources["AppSyncApi"]["Properties"]["AuthenticationType"] == (
        "AMAZON_COGNITO_USER_POOLS"
    )


def test_appsync_signals_are_iam_only_and_checked_at_subscribe(template: dict[str, Any]) -> None:
    resources = template["Resources"]
    signals = {
        f"{r['Properties']['TypeName']}.{r['Properties']['FieldName']}": r["Properties"]
        for name, r in resources.items()
        if name.startswith("Signal")
    }
    assert set(signals) == {
        "Mutation.publishPostEvent",
        "Mutation.publishNotification",
        "Subscription.onNotification",
    }
    none_source = {"Fn::GetAtt": ["AppSyncSignalsSource", "Name"]}
    assert resources["AppSyncSignalsSource"]["Properties"]["Type"] == "NONE"
    for field in ("Mutation.publishPostEvent", "Mutation.publishNotification"):
        assert signals[field]["DataSourceName"] == none_source
        assert "$ctx.arguments" in signals[field]["RequestMappingTemplate"]
    # The subscribe-time check is the function's (appsync/subscriptions.py), a direct resolver.
    check = signals["Subscription.onNotification"]
    assert check["DataSourceName"] == {"Fn::GetAtt": ["AppSyncFunction", "Name"]}
    assert "RequestMappingTemplate" not in check
    api = resources["AppSyncApi"]["Properties"]
    assert api["AdditionalAuthenticationProviders"] == [{"AuthenticationType": "AWS_IAM"}]
    function = resources["Function"]["Properties"]
    url = function["Environment"]["Variables"]["APPSYNC_GRAPHQL_URL"]
    assert url == {"Fn::If": ["WithAppSync", {"Fn::GetAtt": ["AppSyncApi", "GraphQLUrl"]}, ""]}
    policy = resources["AppSyncSignalsPolicy"]
    assert policy["Condition"] == "WithAppSync"
    assert policy["Properties"]["Roles"] == [{"Ref": "FunctionRole"}]
    (granted,) = policy["Properties"]["PolicyDocument"]["Statement"]
    assert granted["Action"] == "appsync:GraphQL"
    assert [r["Fn::Sub"].rsplit("/", 1)[1] for r in granted["Resource"]] == [
        "publishPostEvent",
        "publishNotification",
    ]
