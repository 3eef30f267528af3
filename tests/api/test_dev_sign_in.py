"""Local serve's dev sign-in for the web client, and its absence everywhere else."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from starlette.testclient import TestClient

from cli.demo import DEMO_USERS, MODERATORS
from cli.local_app import local_app
from cli.loopback import loopback_only
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
        malformed = http.post(
            "/dev/sign-in", content=b"{not json", headers={"content-type": "application/json"}
        )
        assert malformed.status_code == 400


def test_the_demo_moderator_signs_in_with_the_moderator_group(
    settings: Settings, store: Store, media: MediaStorage, issuer: DevIssuer
) -> None:
    # Given the demo community, with its moderator and an ordinary member
    for handle in ("kemi", "bob"):
        user_id, name = DEMO_USERS[handle]
        store.users.create(UserProfile(user_id, handle, name, now_iso()))
    routes = web_client_routes(issuer, settings.moderator_group)
    app = local_app(settings, dev_issuer=issuer, store=store, media=media, extra_routes=routes)
    queue = {"query": "{ moderationQueue { items { id } } }"}
    with TestClient(app) as http:
        # The sign-in screen can tell who moderates
        users = {u["handle"]: u["moderator"] for u in http.get("/dev/users").json()}
        assert [h for h, moderator in users.items() if moderator] == sorted(MODERATORS) == ["kemi"]
        answers = {}
        for handle in ("kemi", "bob"):
            token = http.post("/dev/sign-in", json={"handle": handle}).json()["token"]
            headers = {"authorization": f"Bearer {token}"}
            answers[handle] = http.post("/graphql", json=queue, headers=headers).json()
    # Then kemi's token opens the moderation queue and bob's is refused
    assert answers["kemi"] == {"data": {"moderationQueue": {"items": []}}}
    assert answers["bob"]["errors"][0]["extensions"]["code"] == "FORBIDDEN"


def test_without_local_serve_there_is_no_sign_in_and_no_app(
    settings: Settings, store: Store, media: MediaStorage
) -> None:
    with TestClient(local_app(settings, store=store, media=media)) as http:
        assert http.get("/dev/users").status_code == 404
        assert http.post("/dev/sign-in", json={"handle": "bob"}).status_code == 404
        assert http.get("/app/").status_code == 404


def test_local_serve_answers_only_loopback_hosts_and_json_sign_ins(
    settings: Settings, store: Store, media: MediaStorage, issuer: DevIssuer
) -> None:
    # Given local serve's app as `agora serve` composes it (playground, sign-in)
    app = local_app(
        settings,
        dev_issuer=issuer,
        store=store,
        media=media,
        graphiql=True,
        extra_routes=web_client_routes(issuer),
    )
    served = loopback_only(app, "127.0.0.1")
    sign_in = {"handle": "bob"}
    # When a page rebinds its own name to 127.0.0.1, its requests name that host: refused
    with TestClient(served, base_url="http://evil.example:8000") as rebound:
        assert rebound.post("/dev/sign-in", json=sign_in).status_code == 400
        assert rebound.get("/graphql", headers={"accept": "text/html"}).status_code == 400
        assert rebound.get("/dev/users").status_code == 400
    # Then the same requests addressed to the machine itself are answered
    for base in ("http://127.0.0.1:8000", "http://localhost:8000"):
        with TestClient(served, base_url=base) as local:
            assert local.post("/dev/sign-in", json=sign_in).status_code == 200
            assert local.get("/graphql", headers={"accept": "text/html"}).status_code == 200
            # And a sign-in that needs no CORS preflight (text/plain) is refused
            plain = local.post(
                "/dev/sign-in",
                content=json.dumps(sign_in),
                headers={"content-type": "text/plain"},
            )
            assert plain.status_code == 415
