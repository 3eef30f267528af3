"""Input types, derived from the resolvers' pydantic models: one declaration of each field.

Names, defaults, limits and descriptions come from `resolvers.inputs`; only what GraphQL says
and pydantic cannot (an `ID` rather than a `String`) is stated here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import strawberry
from pydantic import BaseModel
from strawberry.experimental.pydantic import input as pydantic_input

from resolvers import comment_inputs, inputs, upload_inputs


def derived(model: type[BaseModel]) -> Callable[[type[Any]], Any]:
    """The model as a GraphQL input type; its docstring is the type's description."""
    return pydantic_input(model=model, all_fields=True, description=model.__doc__)


@derived(inputs.CreatePostInput)
class CreatePostInput:
    media_ids: list[strawberry.ID] | None


@derived(inputs.UpdatePostInput)
class UpdatePostInput:
    id: strawberry.ID
    media_ids: list[strawberry.ID] | None


@derived(inputs.CreateProfileInput)
class CreateProfileInput:
    pass


@derived(inputs.UpdateProfileInput)
class UpdateProfileInput:
    avatar_upload_id: strawberry.ID | None


@derived(comment_inputs.AddCommentInput)
class AddCommentInput:
    post_id: strawberry.ID
    parent_id: strawberry.ID | None = None


@derived(comment_inputs.UpdateCommentInput)
class UpdateCommentInput:
    post_id: strawberry.ID
    id: strawberry.ID


@derived(upload_inputs.MediaFocusInput)
class MediaFocusInput:
    pass


@derived(upload_inputs.CreateUploadInput)
class CreateUploadInput:
    pass
