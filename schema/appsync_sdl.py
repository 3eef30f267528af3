"""The schema as AppSync accepts it.

AppSync provides AWSDateTime and its `@aws_*` directives itself and rejects their re-declaration,
custom scalars and directive definitions; descriptions are dropped because AppSync's support for
them is not something we rely on. Subscriptions exist here only: AppSync delivers them itself,
triggered by the mutations named in `@aws_subscribe`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from graphql import (
    DefinitionNode,
    DocumentNode,
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
  onCreatePost(category: String): Post @aws_subscribe(mutations: ["createPost"])
  onUpdatePost(id: ID, category: String): Post @aws_subscribe(mutations: ["updatePost"])
  onAddComment(postId: ID): Comment @aws_subscribe(mutations: ["addComment"])
  onDeletePost(id: ID): Deleted @aws_subscribe(mutations: ["deletePost"])
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


def appsync_sdl() -> str:
    document = parse(sdl(subscriptions=False) + SUBSCRIPTIONS)
    definitions = tuple(_without_descriptions(d) for d in document.definitions if _kept(d))
    return print_ast(DocumentNode(definitions=definitions)) + "\n"
