"""The store's public face: the one store module the layers above import.

`Store` holds every repository, once per container; the names re-exported here are the rest of
what a resolver may know of the table (lookups for the per-request loader, change-log topics,
object keys of uploads), so no resolver builds a key or decodes an item itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.clock import utc_now
from store import lookups, notification_lookups
from store.account_exports import export_account
from store.accounts import AccountRepository
from store.attached_media import AttachedMedia
from store.blocks import BlockRepository
from store.bookmarks import BookmarkRepository
from store.changes import ChangeLog
from store.comment_likes import CommentLikeRepository
from store.comments import CommentRepository
from store.cursors import CursorCodec, KeySource
from store.edits import EditRepository
from store.fanout_parts import FanOutParts
from store.feed_copies import FeedCopies
from store.feeds import FeedRepository
from store.follows import FollowRepository
from store.handle_lookups import handle_owner
from store.hashtags import HashtagRepository, TaggedChanged
from store.items import Item, TableKey
from store.keys import feed_topic, incoming_object_key, media_object_key, post_topic
from store.likes import LikeRepository
from store.lookups import ItemReader, Lookup
from store.media import MediaStorage, UploadForm
from store.meters import Meter, Rates
from store.moderation import ModerationRepository
from store.notification_keys import notify_topic
from store.notifications import NotificationRepository
from store.posts import PostRepository
from store.pull_accounts import PullAccounts
from store.reports import ReportRepository
from store.repost_feeds import RepostFeeds
from store.reposts import RepostRepository
from store.tables import Table
from store.tag_timelines import TagTimelineRepository
from store.threads import ThreadRepository
from store.trends import TrendRepository
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
    threads: ThreadRepository
    comment_likes: CommentLikeRepository
    bookmarks: BookmarkRepository
    edits: EditRepository
    likes: LikeRepository
    reposts: RepostRepository
    follows: FollowRepository
    blocks: BlockRepository
    reports: ReportRepository
    moderation: ModerationRepository
    feeds: FeedRepository
    uploads: UploadRepository
    #: Copies of media on their posts and profiles, as processing finishes.
    attached_media: AttachedMedia
    items: ItemReader
    changes: ChangeLog
    feed_copies: FeedCopies
    #: Which parts of a fan-out in parts are done (fanout/continuations.py).
    fanout_parts: FanOutParts
    pull_accounts: PullAccounts
    repost_feeds: RepostFeeds
    notifications: NotificationRepository
    #: Account deletion and export (store/ownership.py lists what a person owns).
    accounts: AccountRepository
    #: Hashtag timelines and trends, written by the fan-out.
    hashtags: HashtagRepository
    tag_timelines: TagTimelineRepository
    trends: TrendRepository

    @classmethod
    def connect(
        cls,
        client: DynamoDBClient,
        table_name: str,
        cursor_keys: KeySource | bytes,
        clock: Callable[[], datetime] = utc_now,
        change_writes: DynamoDBClient | None = None,
        rates: Rates | None = None,
    ) -> Store:
        """`cursor_keys`: a secret, or where to read the current and previous ones from.

        `change_writes` sends the writes that log change events (store/clients.py says why
        they have a client of their own); by default `client`. `rates`: the per-person write
        limits, by default those of core/limits.py.
        """
        meter = Meter(table_name, rates or Rates(), clock)
        table = Table(
            client, table_name, CursorCodec(cursor_keys), clock, change_writes or client, meter
        )
        posts = PostRepository(table)
        reports = ReportRepository(table)
        return cls(
            posts=posts,
            users=UserRepository(table),
            comments=CommentRepository(table, posts),
            threads=ThreadRepository(table),
            comment_likes=CommentLikeRepository(table),
            bookmarks=BookmarkRepository(table),
            edits=EditRepository(table),
            likes=LikeRepository(table),
            reposts=RepostRepository(table),
            follows=FollowRepository(table),
            blocks=BlockRepository(table),
            reports=reports,
            moderation=ModerationRepository(table, reports),
            feeds=FeedRepository(table),
            uploads=UploadRepository(table),
            attached_media=AttachedMedia(table),
            items=ItemReader(table),
            changes=ChangeLog(table),
            feed_copies=FeedCopies(table),
            fanout_parts=FanOutParts(table),
            pull_accounts=PullAccounts(table),
            repost_feeds=RepostFeeds(table),
            notifications=NotificationRepository(table),
            accounts=AccountRepository(table),
            hashtags=HashtagRepository(table),
            tag_timelines=TagTimelineRepository(table),
            trends=TrendRepository(table),
        )


__all__ = [
    "Item",
    "ItemReader",
    "Lookup",
    "MediaStorage",
    "Rates",
    "Store",
    "TableKey",
    "TaggedChanged",
    "UploadForm",
    "export_account",
    "feed_topic",
    "handle_owner",
    "incoming_object_key",
    "lookups",
    "media_object_key",
    "notification_lookups",
    "notify_topic",
    "post_topic",
]
