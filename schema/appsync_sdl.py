"""The schema as AppSync accepts it.

AppSync provides AWSDateTime and its `@aws_*` directives itself and rejects their re-declaration,
custom scalars and directive definitions; descriptions are dropped because AppSync's support for
them is not something we rely on. Its subscriptions are AppSync's own, delivered from the
results of the IAM-only mutations the fan-out publishes (fanout/signals.py): signals that carry
nobody's content, since AppSync cannot filter a delivery by each subscriber's blocks and mutes.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from graphql import (
    DefinitionNode,
    DocumentNode,
    ObjectTypeDefinitionNode,
    ScalarTypeDefinitionNode,
    parse,
    print_ast,
)

from schema.build import sdl

APPSYNC_SCALARS = frozenset(
    {
        "AWSDate",
        "AWSTime",
        "AWSDateTime",
        "AWSTimestamp",
        "AWSEmail",
        "AWSJSON",
        "AWSURL",
        "AWSPhone",
        "AWSIPAddress",
    }
)

SUBSCRIPTIONS = """
schema {
  query: Query
  mutation: Mutation
  subscription: Subscription
}

type Subscription {
  onPostEvent(category: String): PostEventSignal @aws_subscribe(mutations: ["publishPostEvent"])
  onNotification(recipientId: ID!): NotificationSignal
    @aws_subscribe(mutations: ["publishNotification"])
}

type PostEventSignal @aws_iam @aws_cognito_user_pools {
  category: String!
  type: ChangeType!
  at: AWSDateTime!
}

type NotificationSignal @aws_iam @aws_cognito_user_pools {
  recipientId: ID!
  eventId: ID!
  kind: NotificationKind!
  actorId: ID!
  at: AWSDateTime!
}
"""

#: What the fan-out publishes (fanout/signals.py): IAM only, so no member can forge a signal.
PUBLISHING = """
type Mutation {
  publishPostEvent(category: String!, type: ChangeType!, at: AWSDateTime!): PostEventSignal
    @aws_iam
  publishNotification(
    recipientId: ID!, eventId: ID!, kind: NotificationKind!, actorId: ID!, at: AWSDateTime!
  ): NotificationSignal @aws_iam
}
"""


def _without_descriptions(node: Any) -> Any:
    """A copy of the node and its fields, arguments and values, with no descriptions."""
    changes: dict[str, Any] = {}
    if getattr(node, "description", None) is not None:
        changes["description"] = None
    for attribute in ("fields", "arguments", "values"):
        children = getattr(node, attribute, None)
        if children:
            changes[attribute] = tuple(_without_descriptions(child) for child in children)
    return replace(node, **changes) if changes else node


def _kept(definition: DefinitionNode) -> bool:
    return not (
        isinstance(definition, ScalarTypeDefinitionNode)
        and definition.name.value in APPSYNC_SCALARS
    )


def _with_publishing(definition: DefinitionNode) -> DefinitionNode:
    """The Mutation type with the signal mutations (AppSync rejects `extend type`)."""
    if not isinstance(definition, ObjectTypeDefinitionNode) or definition.name.value != "Mutation":
        return definition
    publishing = [
        field
        for node in parse(PUBLISHING).definitions
        if isinstance(node, ObjectTypeDefinitionNode)
        for field in node.fields or ()
    ]
    return replace(definition, fields=(*(definition.fields or ()), *publishing))


def appsync_sdl() -> str:
    document = parse(sdl(subscriptions=False) + SUBSCRIPTIONS)
    definitions = tuple(
        _with_publishing(_without_descriptions(d)) for d in document.definitions if _kept(d)
    )
    return print_ast(DocumentNode(definitions=definitions)) + "\n"
