"""Local serve's dev sign-in for the web client, and its absence everywhere else."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from starlette.testclient import TestClient

from cli.demo import DEMO_USERS
from cli.local_app import local_app
from cli.web_client import web_client_routes
from core.clock import now_iso
from core.models import UserProfile

if TYPE_CHECKING:
    from cli.dev_issuer import DevIssuer
    from core.config import Settings
    from store.media import MediaStorage
    from store.repository import Store

pytestmark = pytest.mark.integration


def test_sign_in_gives_a_token_the_api_accepts(
    settings: Settings, store: Store, media: MediaStorage, issuer: DevIssuer
) -> None:
    bob_id, bob_name = DEMO_USERS["bob"]
    store.users.create(UserProfile(bob_id, "bob", bob_name, now_iso()))
    app = local_app(
        settings,
        dev_issuer=issuer,
        store=store,
        media=media,
        extra_routes=web_client_routes(issuer),
    )
    with TestClient(app) as http:
        users = http.get("/dev/users").json()
        assert [u["handle"] for u in users] == list(DEMO_USERS)
        session = http.post("/dev/sign-in", json={"handle": "bob"}).json()
        assert session["userId"] == DEMO_USERS["bob"][0]
        # Then that token signs GraphQL requests in as bob
        answer = http.post(
            "/graphql",
            json={"query": "{ me { handle } }"},
            headers={"authorization": f"Bearer {session['token']}"},
        ).json()
        assert answer == {"data": {"me": {"handle": "bob"}}}
        bad_bodies: list[object] = [{"handle": "mallory"}, {"handle": 3}, [], "x"]
        for bad in bad_bodies:
            assert http.post("/dev/sign-in", json=bad).status_code == 400
        assert http.post("/dev/sign-in", content=b"{not json").status_code == 400


def test_without_local_serve_there_is_no_sign_in_and_no_app(
    settings: Settings, store: Store, media: MediaStorage
) -> None:
    with TestClient(local_app(settings, store=store, media=media)) as http:
        assert http.get("/dev/users").status_code == 404
        assert http.post("/dev/sign-in", json={"handle": "bob"}).status_code == 404
        assert http.get("/app/").status_code == 404
