"""The playground's first tabs: Agora's own operations, one for each thing a client does."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class ExampleTab:
    query: str
    variables: dict[str, Any]

    def as_graphiql(self, headers: dict[str, str] | None) -> dict[str, str | None]:
        """A GraphiQL `defaultTabs` entry: variables and headers are JSON text there."""
        return {
            "query": self.query,
            "variables": json.dumps(self.variables, indent=2),
            "headers": json.dumps(headers, indent=2) if headers else None,
        }


READ = ExampleTab(
    """# Read: your home feed, newest first (the people you follow, and you).
# The Headers tab already carries a dev token; press Ctrl-Enter (or ▶) to run.
# The next page: put this answer's `nextToken` into the variables.
query Feed($nextToken: String) {
  me { handle displayName }
  feed(limit: 5, nextToken: $nextToken) {
    items {
      id
      title
      category
      createdAt
      likeCount
      commentCount
      viewerHasLiked
      author { handle displayName avatar { url } }
      media { url altText }
    }
    nextToken
  }
}
""",
    {"nextToken": None},
)

WRITE = ExampleTab(
    """# Write: publish a post. Sending the same clientRequestToken again returns the same post
# instead of a second one, so a client can retry safely. Then like it by its id (pick the
# operation to run from the ▶ menu).
mutation Write($input: CreatePostInput!) {
  createPost(input: $input) { id version createdAt author { handle } }
}

mutation Like($postId: ID!) {
  likePost(postId: $postId) { id likeCount viewerHasLiked }
}
""",
    {
        "input": {
            "title": "Hello from the playground",
            "category": "general",
            "body": "Written in GraphiQL.",
            "clientRequestToken": "playground-hello-1",
        },
        "postId": "the id createPost answered",
    },
)

POLL = ExampleTab(
    """# Poll: what reached your home feed after your cursor. Run it once without `after` for a
# cursor at "now", put that cursor into the variables as `after`, then run it every few
# seconds: each event comes once, in the same order for everyone (docs/POLLING.md).
# Over a websocket, `subscription { onFeedUpdate { type postId } }` delivers the same events.
query Poll($after: String) {
  feedUpdates(after: $after, limit: 25) {
    items { type postId at post { title author { handle } } }
    cursor
  }
}
""",
    {"after": None},
)

UPLOAD = ExampleTab(
    """# Upload: files go straight to storage, never through the API (docs/UPLOADS.md).
# 1. StartUpload with the file's type and exact size: a presigned form.
# 2. POST the `fields` in order, then the file as `file`, to `url` (multipart/form-data).
# 3. CompleteUpload with the upload's id: the server checks what arrived.
# 4. Attach it: createPost(input: {mediaIds: [id], ...}) or updateProfile(avatarUploadId).
mutation StartUpload($input: CreateUploadInput!) {
  createUpload(input: $input) {
    upload { id status expiresAt }
    url
    fields { name value }
    maxBytes
  }
}

mutation CompleteUpload($id: ID!) {
  completeUpload(id: $id) { id status reason }
}
""",
    {
        "input": {
            "contentType": "image/png",
            "size": 1024,
            "filename": "photo.png",
            "altText": "What the picture shows",
        },
        "id": "the upload id StartUpload answered",
    },
)

EXAMPLE_TABS: tuple[ExampleTab, ...] = (READ, WRITE, POLL, UPLOAD)
