"""Viewers from claims others verified: API Gateway authorizers and AppSync identities."""

from __future__ import annotations

import json
from typing import Any

import pytest

from auth.claims import gateway_claims, viewer_from_appsync_identity, viewer_from_claims
from core.errors import Unauthenticated
from tests.conftest import missing_tool
from tests.support.events import events_dir


def sample(name: str) -> Any:
    path = events_dir() / name
    if not path.exists():
        missing_tool(f"AWS sample events not found in {events_dir()}")
    return json.loads(path.read_text())


@pytest.mark.parametrize(
    ("raw", "groups"),
    [
        (["a", "b"], {"a", "b"}),
        ("[moderators admins]", {"moderators", "admins"}),  # API Gateway flattens arrays
        ("moderators", {"moderators"}),
        (None, set()),
    ],
)
def test_groups_in_every_shape(raw: object, groups: set[str]) -> None:
    viewer = viewer_from_claims({"sub": "u1", "cognito:groups": raw})
    assert viewer.groups == groups


def test_gateway_claims_from_http_api_and_rest_events() -> None:
    v2 = sample("apiGatewayProxyV2Event.json")
    assert gateway_claims(v2) == {"claim1": "value1", "claim2": "value2"}
    v1 = {"requestContext": {"authorizer": {"claims": {"sub": "u1"}}}}
    assert gateway_claims(v1) == {"sub": "u1"}
    assert gateway_claims(sample("apiGatewayProxyEvent.json")) is None
    assert gateway_claims(None) is None


def test_claims_without_a_subject_are_refused() -> None:
    with pytest.raises(Unauthenticated):
        viewer_from_claims(
            sample("apiGatewayProxyV2Event.json")["requestContext"]["authorizer"]["jwt"]["claims"]
        )


def test_appsync_cognito_identity() -> None:
    identity = sample("appSyncDirectResolver.json")["identity"]
    viewer = viewer_from_appsync_identity(identity)
    assert viewer is not None
    assert (viewer.id, viewer.username) == ("192879fc-a240-4bf1-ab5a-d6a00f3063f9", "jdoe")


def test_appsync_cognito_groups() -> None:
    identity = {**sample("appsync_resolver_event.json")["identity"], "groups": ["moderators"]}
    viewer = viewer_from_appsync_identity(identity)
    assert viewer is not None
    assert viewer.groups == {"moderators"}
    assert viewer.username == "mike"


def test_appsync_batch_identity_without_claims() -> None:
    identity = sample("appSyncBatchEvent.json")[0]["identity"]
    viewer = viewer_from_appsync_identity(identity)
    assert viewer is not None
    assert viewer.id == "192879fc-a240-4bf1-ab5a-d6a00f3063f9"


def test_appsync_api_key_is_anonymous() -> None:
    assert viewer_from_appsync_identity(None) is None


def test_appsync_iam_with_cognito_identity() -> None:
    identity = {
        "accountId": "123456789012",
        "cognitoIdentityPoolId": "us-east-1:pool",
        "cognitoIdentityId": "us-east-1:5a1f3c9e-0000-4000-8000-000000000001",
        "sourceIp": ["1.1.1.1"],
        "username": "AROAEXAMPLE:CognitoIdentityCredentials",
        "userArn": "arn:aws:sts::123456789012:assumed-role/auth/CognitoIdentityCredentials",
    }
    viewer = viewer_from_appsync_identity(identity)
    assert viewer is not None
    assert viewer.id == "us-east-1_5a1f3c9e-0000-4000-8000-000000000001"


def test_appsync_plain_iam_principal_is_refused() -> None:
    with pytest.raises(Unauthenticated):
        viewer_from_appsync_identity({"accountId": "1", "userArn": "arn:aws:iam::1:role/x"})


def test_appsync_lambda_authorizer_context() -> None:
    viewer = viewer_from_appsync_identity({"resolverContext": {"sub": "u9", "username": "nine"}})
    assert viewer is not None
    assert (viewer.id, viewer.username) == ("u9", "nine")
