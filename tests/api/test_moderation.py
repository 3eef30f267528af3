"""Reports, the moderation queue, moderators' actions, the audit log and suspensions, end to end."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from core.clock import now_iso
from core.models import CommentOrder, PostChanges, UserProfile
from resolvers.registry import for_moderators
from store.repository import Store
from tests.conftest import ALICE, BOB, GraphQLClient, error_codes

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

pytestmark = pytest.mark.integration

CAROL, DAVE, MOD = "carol-3", "dave-4", "mod-9"
REPORT = """mutation($i: ReportInput!) { report(input: $i) {
  id caseId reason note targetKind content { title body handle } } }"""
QUEUE = """{ moderationQueue { items { id status targetKind postId commentId userId reportCount
  reasons { reason count } content { title body handle } author { id }
  reports { items { reason note } } } nextToken } }"""
RESOLVE = """mutation($i: ResolveReportInput!) { resolveReport(input: $i) {
  id status resolution reportCount } }"""
AUDIT = """query($n: Int!, $t: String) { auditLog(limit: $n, nextToken: $t) { items {
  moderatorId action caseId targetKind authorId reason reportCount suspendedUntil
  suspendedIndefinitely } nextToken } }"""


@pytest.fixture
def content(store: Store) -> dict[str, str]:
    for uid in (ALICE, BOB, CAROL, DAVE, MOD):
        store.users.create(UserProfile(uid, uid.lower().replace("-", "_"), uid, now_iso()))
    post = store.posts.create(author_id=BOB, title="buy now", body="spam spam", category="tech")
    comment = store.comments.add(post.id, DAVE, "you are awful")
    return {"post": post.id, "comment": comment.id}


def mod(api: GraphQLClient) -> GraphQLClient:
    return api.as_user(MOD, "moderators")


def data(result: dict[str, Any]) -> Any:
    assert "errors" not in result, result
    return result["data"]


def report(client: GraphQLClient, **target: Any) -> dict[str, Any]:
    return client.execute(REPORT, i={"reason": "SPAM", **target})


def test_reports_group_by_target_most_reported_first_with_the_content_as_reported(
    api: GraphQLClient, store: Store, content: dict[str, str]
) -> None:
    # Given three people report bob's post, one reports dave's comment and one reports dave
    for who, reason in ((ALICE, "SPAM"), (CAROL, "SPAM"), (DAVE, "ILLEGAL")):
        filed = api.as_user(who).execute(
            REPORT, i={"postId": content["post"], "reason": reason, "note": f"by {who}"}
        )
        assert data(filed)["report"]["content"] == {
            "title": "buy now",
            "body": "spam spam",
            "handle": "",
        }
    data(report(api.as_user(ALICE), postId=content["post"], commentId=content["comment"]))
    data(report(api.as_user(CAROL), userId=DAVE))
    # And bob edits his post afterwards
    store.posts.update(
        content["post"],
        author_id=BOB,
        expected_version=1,
        changes=PostChanges(body="innocent"),
    )

    # When a moderator reads the queue
    queue = data(mod(api).execute(QUEUE))["moderationQueue"]["items"]

    # Then the post comes first with three reports, counted by reason, content as reported
    assert [(c["targetKind"], c["reportCount"]) for c in queue] == [
        ("POST", 3),
        ("USER", 1),
        ("COMMENT", 1),
    ]
    post_case = queue[0]
    assert post_case["id"] == f"post:{content['post']}"
    assert post_case["reasons"] == [
        {"reason": "SPAM", "count": 2},
        {"reason": "ILLEGAL", "count": 1},
    ]
    assert post_case["content"]["body"] == "spam spam"
    assert post_case["author"] == {"id": BOB}
    assert sorted(r["note"] for r in post_case["reports"]["items"]) == [
        f"by {who}" for who in sorted((ALICE, CAROL, DAVE))
    ]
    assert queue[1]["userId"] == DAVE
    assert queue[1]["content"]["handle"] == "dave_4"
    assert queue[2]["commentId"] == content["comment"]
    assert queue[2]["author"] == {"id": DAVE}


def test_a_person_reports_a_thing_once_and_never_their_own(
    api: GraphQLClient, content: dict[str, str]
) -> None:
    alice = api.as_user(ALICE)
    data(report(alice, postId=content["post"]))
    assert error_codes(report(alice, postId=content["post"])) == ["CONFLICT"]
    assert error_codes(report(api.as_user(BOB), postId=content["post"])) == ["BAD_USER_INPUT"]
    queue = data(mod(api).execute(QUEUE))["moderationQueue"]["items"]
    assert [c["reportCount"] for c in queue] == [1]


@pytest.mark.parametrize(
    "target",
    [
        {},
        {"postId": "P", "userId": BOB},
        {"commentId": "01HZ0000000000000000000000"},
        {"userId": "bad#id"},
        {"postId": "01HZ0000000000000000000000", "note": "x" * 1001},
    ],
    ids=["no target", "two targets", "comment without post", "bad user id", "note too long"],
)
def test_bad_reports_are_refused_and_write_nothing(
    api: GraphQLClient, content: dict[str, str], target: dict[str, str]
) -> None:
    assert error_codes(report(api.as_user(ALICE), **target)) == ["BAD_USER_INPUT"]
    assert data(mod(api).execute(QUEUE))["moderationQueue"]["items"] == []


def test_reports_of_missing_things_are_not_found(
    api: GraphQLClient, content: dict[str, str]
) -> None:
    alice = api.as_user(ALICE)
    assert error_codes(report(alice, postId="01HZ0000000000000000000000")) == ["NOT_FOUND"]
    assert error_codes(report(alice, userId="nobody")) == ["NOT_FOUND"]
    missing = {"postId": content["post"], "commentId": "01HZ0000000000000000000000"}
    assert error_codes(report(alice, **missing)) == ["NOT_FOUND"]


def test_nobody_reads_anyone_elses_reports(api: GraphQLClient, content: dict[str, str]) -> None:
    data(report(api.as_user(ALICE), postId=content["post"]))
    data(report(api.as_user(CAROL), userId=DAVE))
    mine = "{ myReports { items { caseId reason } } }"
    assert data(api.as_user(ALICE).execute(mine))["myReports"]["items"] == [
        {"caseId": f"post:{content['post']}", "reason": "SPAM"}
    ]
    assert data(api.as_user(CAROL).execute(mine))["myReports"]["items"] == [
        {"caseId": f"user:{DAVE}", "reason": "SPAM"}
    ]
    # The reported people learn nothing
    assert data(api.as_user(BOB).execute(mine))["myReports"]["items"] == []
    assert data(api.as_user(DAVE).execute(mine))["myReports"]["items"] == []


#: Every moderators-only field, with an operation that reaches it.
MODERATOR_FIELDS = {
    "Query.moderationQueue": "{ moderationQueue { items { id } } }",
    "Query.moderationCase": '{ moderationCase(id: "user:dave-4") { id } }',
    "Query.auditLog": "{ auditLog { items { id } } }",
    "Mutation.resolveReport": 'mutation { resolveReport(input: {id: "user:dave-4", '
    'action: DISMISS, reason: "fine"}) { id } }',
    # Nested fields are reachable only below the root fields above; refused there too.
    "ModerationCase.reports": '{ moderationCase(id: "user:dave-4") { reports { items { id } } } }',
    "ModerationCase.author": '{ moderationCase(id: "user:dave-4") { author { id } } }',
}


def test_every_moderator_field_is_tested() -> None:
    assert for_moderators() == set(MODERATOR_FIELDS)


@pytest.mark.parametrize("query", MODERATOR_FIELDS.values(), ids=MODERATOR_FIELDS.keys())
@pytest.mark.parametrize("groups", [(), ("moderators-trainee",)], ids=["member", "other group"])
def test_non_moderators_are_forbidden_every_moderation_field(
    api: GraphQLClient, content: dict[str, str], query: str, groups: tuple[str, ...]
) -> None:
    data(report(api.as_user(CAROL), userId=DAVE))
    result = api.as_user(ALICE, *groups).execute(query)
    assert error_codes(result) == ["FORBIDDEN"]
    # And nothing was resolved
    case = data(mod(api).execute('{ moderationCase(id: "user:dave-4") { status } }'))
    assert case["moderationCase"]["status"] == "OPEN"


def test_dismiss_and_remove_leave_the_queue_and_the_audit_log_pages(
    api: GraphQLClient, store: Store, content: dict[str, str]
) -> None:
    data(report(api.as_user(ALICE), postId=content["post"]))
    data(report(api.as_user(CAROL), postId=content["post"], commentId=content["comment"]))
    moderator = mod(api)

    dismissed = moderator.execute(
        RESOLVE, i={"id": f"post:{content['post']}", "action": "DISMISS", "reason": "not spam"}
    )
    assert data(dismissed)["resolveReport"] == {
        "id": f"post:{content['post']}",
        "status": "RESOLVED",
        "resolution": "DISMISS",
        "reportCount": 1,
    }
    assert store.posts.get(content["post"]) is not None
    comment_case = f"comment:{content['post']}:{content['comment']}"
    removed = moderator.execute(
        RESOLVE, i={"id": comment_case, "action": "REMOVE_CONTENT", "reason": "abuse"}
    )
    assert data(removed)["resolveReport"]["resolution"] == "REMOVE_CONTENT"
    assert store.threads.level(content["post"], None, CommentOrder.OLDEST, 10, None).items == []
    assert data(moderator.execute(QUEUE))["moderationQueue"]["items"] == []
    # A resolved case cannot be resolved again
    again = moderator.execute(RESOLVE, i={"id": comment_case, "action": "DISMISS", "reason": "x"})
    assert error_codes(again) == ["CONFLICT"]

    first = data(moderator.execute(AUDIT, n=1))["auditLog"]
    assert first["items"] == [
        {
            "moderatorId": MOD,
            "action": "REMOVE_CONTENT",
            "caseId": comment_case,
            "targetKind": "COMMENT",
            "authorId": DAVE,
            "reason": "abuse",
            "reportCount": 1,
            "suspendedUntil": None,
            "suspendedIndefinitely": False,
        }
    ]
    second = data(moderator.execute(AUDIT, n=1, t=first["nextToken"]))["auditLog"]
    assert [e["action"] for e in second["items"]] == ["DISMISS"]
    assert second["nextToken"] is None

    # A new report opens the case again, counted from one
    data(report(api.as_user(DAVE), postId=content["post"]))
    queue = data(moderator.execute(QUEUE))["moderationQueue"]["items"]
    assert [(c["id"], c["reportCount"], c["status"]) for c in queue] == [
        (f"post:{content['post']}", 1, "OPEN")
    ]


@pytest.mark.parametrize(
    "decision",
    [
        {"action": "SUSPEND_AUTHOR"},
        {"action": "SUSPEND_AUTHOR", "suspendForDays": 3, "suspendIndefinitely": True},
        {"action": "DISMISS", "suspendForDays": 3},
        {"action": "SUSPEND_AUTHOR", "suspendForDays": 0},
        {"action": "REMOVE_CONTENT", "id": "user:dave-4"},
        {"action": "DISMISS", "reason": "   "},
        {"action": "DISMISS", "id": "post:nope"},
    ],
    ids=[
        "suspension without an end",
        "both ends",
        "days without suspending",
        "zero days",
        "a person is not content",
        "blank reason",
        "bad case id",
    ],
)
def test_bad_decisions_are_refused(
    api: GraphQLClient, content: dict[str, str], decision: dict[str, Any]
) -> None:
    data(report(api.as_user(CAROL), userId=DAVE))
    result = mod(api).execute(RESOLVE, i={"id": "user:dave-4", "reason": "why", **decision})
    assert error_codes(result) == ["BAD_USER_INPUT"]
    case = data(mod(api).execute('{ moderationCase(id: "user:dave-4") { status } }'))
    assert case["moderationCase"]["status"] == "OPEN"


WRITES = {
    "createPost": 'mutation { createPost(input: {title: "t", category: "tech"}) { id } }',
    "addComment": 'mutation($p: ID!) { addComment(input: {postId: $p, body: "x"}) { id } }',
    "likePost": "mutation($p: ID!) { likePost(postId: $p) { id } }",
    "follow": 'mutation { follow(userId: "alice") { id } }',
    "updateProfile": 'mutation { updateProfile(input: {bio: "x"}) { id } }',
    "block": 'mutation { block(userId: "carol-3") { id } }',
    "report": 'mutation { report(input: {userId: "carol-3", reason: SPAM}) { id } }',
}


@pytest.mark.parametrize("days", [2, None], ids=["for two days", "indefinitely"])
def test_a_suspended_author_can_read_but_every_write_is_forbidden_with_reason_and_end(
    api: GraphQLClient, store: Store, content: dict[str, str], days: int | None
) -> None:
    data(report(api.as_user(ALICE), postId=content["post"]))
    decision: dict[str, Any] = {"suspendForDays": days} if days else {"suspendIndefinitely": True}
    data(
        mod(api).execute(
            RESOLVE,
            i={
                "id": f"post:{content['post']}",
                "action": "SUSPEND_AUTHOR",
                "reason": "spam",
                **decision,
            },
        )
    )
    bob = api.as_user(BOB)
    for name, mutation in WRITES.items():
        result = bob.execute(mutation, p=content["post"])
        assert error_codes(result) == ["FORBIDDEN"], name
        extensions = result["errors"][0]["extensions"]
        assert extensions["suspensionReason"] == "spam"
        assert (extensions["suspendedUntil"] is None) == (days is None)
        assert not any((result["data"] or {}).values())
    # Reads and `me` keep working, and bob can see why
    me = data(bob.execute("{ me { id suspension { reason until } } posts { items { id } } }"))
    assert me["me"]["id"] == BOB
    assert me["me"]["suspension"]["reason"] == "spam"
    assert (me["me"]["suspension"]["until"] is None) == (days is None)
    assert len(me["posts"]["items"]) == 1
    # Others do not see it; moderators do
    seen = f'{{ user(id: "{BOB}") {{ suspension {{ reason }} }} }}'
    assert data(api.as_user(ALICE).execute(seen))["user"]["suspension"] is None
    assert data(mod(api).execute(seen))["user"]["suspension"] == {"reason": "spam"}
    entry = data(mod(api).execute(AUDIT, n=5))["auditLog"]["items"][0]
    assert entry["action"] == "SUSPEND_AUTHOR"
    assert entry["suspendedIndefinitely"] is (days is None)
    assert (entry["suspendedUntil"] is None) == (days is None)
    # Nothing bob tried was written
    assert [p.id for p in store.posts.by_author(BOB, 10, None).items] == [content["post"]]


def test_a_suspension_ends_by_itself(
    api: GraphQLClient, dynamodb: DynamoDBClient, table: str, content: dict[str, str]
) -> None:
    from core.safety import Suspension
    from store.safety_codecs import suspension_to_item

    ended = Suspension(BOB, "spam", "2026-01-01T00:00:00.000Z", MOD, "2026-01-02T00:00:00.000Z")
    dynamodb.put_item(TableName=table, Item=suspension_to_item(ended))
    result = api.as_user(BOB).execute(WRITES["createPost"])
    assert "errors" not in result, result


DELETE_POST = "mutation($id: ID!, $r: String) { deletePost(id: $id, reason: $r) { id } }"
DELETE_COMMENT = """mutation($p: ID!, $id: ID!, $r: String) {
  deleteComment(postId: $p, id: $id, reason: $r) { id } }"""
AUDIT_AT = "{ auditLog(limit: 10) { items { at moderatorId action caseId authorId reason } } }"


def test_a_moderator_deleting_someone_elses_content_directly_is_audited(
    api: GraphQLClient, store: Store, content: dict[str, str]
) -> None:
    # Given a moderator's own post, bob's post with dave's comment (nothing reported), another
    # of bob's and one of carol's
    own = store.posts.create(author_id=MOD, title="mine", body="", category="tech").id
    bobs = store.posts.create(author_id=BOB, title="again", body="", category="tech").id
    carols = store.posts.create(author_id=CAROL, title="hers", body="", category="tech").id
    moderator = mod(api)
    before = now_iso()
    # When the moderator deletes dave's comment with a reason, bob's post without one, her own
    # post, and tries a comment that does not exist
    data(moderator.execute(DELETE_COMMENT, p=content["post"], id=content["comment"], r="abuse"))
    data(moderator.execute(DELETE_POST, id=content["post"]))
    data(moderator.execute(DELETE_POST, id=own, r="tidying up"))
    missing = moderator.execute(DELETE_COMMENT, p=content["post"], id=content["comment"], r="x")
    assert error_codes(missing) == ["NOT_FOUND"]
    # And bob, who is no moderator, deletes his own post with a reason and tries carol's
    data(api.as_user(BOB).execute(DELETE_POST, id=bobs, r="changed my mind"))
    refused = api.as_user(BOB).execute(DELETE_POST, id=carols, r="I do not like it")
    assert error_codes(refused) == ["FORBIDDEN"]

    # Then the audit log holds exactly the two removals of others' content, newest first
    entries = data(moderator.execute(AUDIT_AT))["auditLog"]["items"]
    assert [{k: v for k, v in e.items() if k != "at"} for e in entries] == [
        {
            "moderatorId": MOD,
            "action": "REMOVE_CONTENT",
            "caseId": f"post:{content['post']}",
            "authorId": BOB,
            "reason": "(no reason given)",
        },
        {
            "moderatorId": MOD,
            "action": "REMOVE_CONTENT",
            "caseId": f"comment:{content['post']}:{content['comment']}",
            "authorId": DAVE,
            "reason": "abuse",
        },
    ]
    assert all(before <= e["at"] <= now_iso() for e in entries)


@pytest.mark.parametrize("reason", ["", "   ", "x" * 1_001, "line\u0000break"])
def test_a_bad_removal_reason_is_refused_and_deletes_nothing(
    api: GraphQLClient, store: Store, content: dict[str, str], reason: str
) -> None:
    result = mod(api).execute(DELETE_POST, id=content["post"], r=reason)
    assert error_codes(result) == ["BAD_USER_INPUT"]
    assert store.posts.get(content["post"]) is not None
    assert data(mod(api).execute(AUDIT_AT))["auditLog"]["items"] == []
