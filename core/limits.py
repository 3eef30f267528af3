"""Every default and limit of the API's arguments and inputs, declared once.

The pydantic models (resolvers/inputs.py) enforce these, the schema's argument defaults and
descriptions are built from them, and the SDL shows them; nothing else spells the numbers.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Window:
    """How many items one request may ask for, and how many it gets when it does not say."""

    default: int
    most: int

    def describe(self, what: str) -> str:
        return f"{what}, 1 to {self.most}."


@dataclass(frozen=True, slots=True)
class Length:
    """A text's length, in characters, after whitespace is stripped where the field strips it."""

    least: int
    most: int

    def describe(self) -> str:
        if self.least == 0:
            return f"Up to {self.most:,} characters."
        return f"{self.least} to {self.most:,} characters."


#: A page of posts, comments, users (`limit` of every connection).
PAGE = Window(default=20, most=100)
#: Replies of one comment (`Comment.replies(limit:)`); the default is what a comment carries
#: of its first replies (REPLY_PREVIEW), so a first page of replies costs no request of its own.
REPLIES = Window(default=3, most=100)
#: Previous versions of a post or comment (`edits(limit:)`).
EDITS = Window(default=10, most=50)
#: How deep a thread goes (a comment on the post is depth 0); deeper replies attach to the
#: deepest allowed ancestor.
THREAD_DEPTH = 8
#: A comment's oldest replies copied onto it (Comment.first_replies).
REPLY_PREVIEW = 3
#: A poll of a change log (`limit` of postEvents, feedUpdates).
POLL = Window(default=25, most=100)
#: `postsByIds(ids:)`.
IDS_PER_REQUEST = 100
#: An opaque cursor (`after`, `nextToken`) a client sends back.
CURSOR_CHARACTERS = 1024

TITLE = Length(1, 200)
BODY = Length(0, 10_000)
COMMENT_BODY = Length(1, 2_000)
DISPLAY_NAME = Length(1, 50)
BIO = Length(0, 300)
ALT_TEXT = Length(0, 500)
FILENAME = Length(1, 255)
HANDLE_PATTERN = r"^[a-z0-9_]{3,30}$"
HANDLE_CHARACTERS = 30
REQUEST_TOKEN_PATTERN = r"^[A-Za-z0-9_-]{8,64}$"
#: What each pattern allows, in words for error messages.
PATTERNS = {
    HANDLE_PATTERN: "3 to 30 of [a-z0-9_]",
    REQUEST_TOKEN_PATTERN: "8 to 64 of [A-Za-z0-9_-]",
}
CONTENT_TYPE_CHARACTERS = 100
MEDIA_PER_POST = 10
#: How many of a grouped notification's most recent actors it names.
NOTIFICATION_ACTORS = 3
#: Mentions of one text that are linked and notified; more are plain text (no mass pings).
MENTIONS_PER_TEXT = 10
#: A report's note for moderators, and a moderator's reason for the audit log.
REPORT_NOTE = Length(0, 1_000)
MODERATOR_REASON = Length(1, 1_000)
SUSPENSION_DAYS = 3_650
#: `trendingHashtags(limit:)`.
TRENDING = Window(default=10, most=50)
#: `searchUsers(query:)`: a handle or name prefix.
SEARCH_QUERY = Length(1, 50)


@dataclass(frozen=True, slots=True)
class Rate:
    """At most `most` writes of one person in each fixed window of `seconds` (docs/LIMITS.md)."""

    name: str
    most: int
    seconds: int

    def describe(self) -> str:
        return f"{self.most:,} per {self.seconds:,} s"


#: Every write of one person (Mastodon: 300 requests per 5 minutes per account).
WRITES = Rate("writes", 300, 300)
#: Uploads of one person (Mastodon: 30 media per 30 minutes), counted besides WRITES.
MEDIA = Rate("media", 30, 1800)
