"""The store as the resolvers see it: one object per container holding every repository."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.clock import utc_now
from store.blocks import BlockRepository
from store.changes import ChangeLog
from store.comments import CommentRepository
from store.cursors import CursorCodec, KeySource
from store.feeds import FeedRepository
from store.follows import FollowRepository
from store.items import ItemReader
from store.likes import LikeRepository
from store.moderation import ModerationRepository
from store.posts import PostRepository
from store.reports import ReportRepository
from store.uploads import UploadRepository
from store.users import UserRepository

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime

    from mypy_boto3_dynamodb import DynamoDBClient


@dataclass(frozen=True, slots=True)
class Store:
    posts: PostRepository
    users: UserRepository
    comments: CommentRepository
    likes: LikeRepository
    follows: FollowRepository
    blocks: BlockRepository
    reports: ReportRepository
    moderation: ModerationRepository
    feeds: FeedRepository
    uploads: UploadRepository
    items: ItemReader
    changes: ChangeLog
    #: Where change-log stamps come from; tests inject skew here.
    clock: Callable[[], datetime]

    @classmethod
    def connect(
        cls,
        client: DynamoDBClient,
        table_name: str,
        cursor_keys: KeySource | bytes,
        clock: Callable[[], datetime] = utc_now,
        change_writes: DynamoDBClient | None = None,
    ) -> Store:
        """`cursor_keys`: a secret, or where to read the current and previous ones from.

        `change_writes` sends the writes that log change events (store/clients.py says why
        they have a client of their own); by default `client`.
        """
        cursors = CursorCodec(cursor_keys)
        writes = change_writes or client
        posts = PostRepository(client, table_name, cursors, clock, writes)
        reports = ReportRepository(client, table_name, cursors)
        return cls(
            posts=posts,
            users=UserRepository(client, table_name),
            comments=CommentRepository(client, table_name, cursors, posts, clock, writes),
            likes=LikeRepository(client, table_name),
            follows=FollowRepository(client, table_name, cursors),
            blocks=BlockRepository(client, table_name, cursors),
            reports=reports,
            moderation=ModerationRepository(client, table_name, cursors, reports),
            feeds=FeedRepository(client, table_name, cursors),
            uploads=UploadRepository(client, table_name),
            items=ItemReader(client, table_name),
            changes=ChangeLog(client, table_name, cursors, clock, writes),
            clock=clock,
        )
