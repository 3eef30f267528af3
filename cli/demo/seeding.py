"""Writing the demo data through the store, so every counter is exact and every key is real.

Posts and comments are dated over the last four weeks: the store is connected with a clock the
seeding moves. Each step tolerates what an earlier, interrupted run already wrote; a finished
run is recognised by its newest post, so seeding again costs one query.
"""

from __future__ import annotations

import hashlib
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from cli.demo.people import FOLLOWS, PEOPLE, Person
from cli.demo.pictures import avatar_png, picture_jpeg
from cli.demo.posts import DemoPost, demo_posts
from core.clock import aws_datetime, utc_now
from core.config import DEFAULT_UPLOAD_LIMITS
from core.errors import Conflict, ProfileExists
from core.ids import new_id
from core.models import Media, Upload, UploadStatus, UserProfile
from fanout.media import MediaProcessing
from store.buckets import put_object
from store.keys import incoming_object_key
from store.media import MediaStorage

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

    from core.config import Settings
    from store.repository import Store

Clock = Callable[[], datetime]
#: Connects the store with the given clock (the seeding dates what it writes with it).
StoreAt = Callable[[Clock], "Store"]

BY_HANDLE = {p.handle: p for p in PEOPLE}


@dataclass(frozen=True, slots=True)
class SeedReport:
    users: int = 0
    posts: int = 0
    pictures: int = 0
    likes: int = 0
    comments: int = 0
    seconds: float = 0.0

    def __str__(self) -> str:
        if not self.posts:
            return "demo data already present"
        return (
            f"seeded {self.users} users, {self.posts} posts ({self.pictures} with a picture), "
            f"{self.likes} likes and {self.comments} comments in {self.seconds:.1f} s"
        )


@dataclass(frozen=True, slots=True)
class PictureBucket:
    """Where the demo pictures go: the uploads bucket, where an upload's form would put them,
    then through the same processing as every upload (variants, blurhash, no metadata)."""

    client: S3Client
    name: str

    def put(self, key: str, body: bytes, content_type: str) -> None:
        put_object(self.client, self.name, key, body, content_type)

    def storage(self) -> MediaStorage:
        return MediaStorage(self.client, self.name)

    def processing(self, store: Store) -> MediaProcessing:
        return MediaProcessing(store, self.storage(), DEFAULT_UPLOAD_LIMITS)


class MovableClock:
    """What the store reads as "now" while seeding: moved back to when each thing was written."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


def planned_likers(post: DemoPost) -> list[str]:
    """Who likes a post: a stable pick per post, more for older ones, none for a few."""
    rng = random.Random(post.title)  # noqa: S311 - a stable pick, not a secret
    others = [p.handle for p in PEOPLE if p.handle != post.author]
    count = min(len(others), max(0, round(rng.uniform(-1, 2) + post.days_ago / 8)))
    return rng.sample(others, count)


def request_token(post: DemoPost) -> str:
    """The same for the same post in every run, so a re-run replays instead of duplicating."""
    return "demo-" + hashlib.sha256(post.title.encode()).hexdigest()[:24]


def seed(store_at: StoreAt, pictures: PictureBucket | None = None) -> SeedReport:
    """Write the demo data once; with `pictures`, avatars and post pictures too.

    One request at a time: DynamoDB Local applies transactions one by one, so parallel
    seeding measured slower (conflicts and retries). The newest post goes last, so its
    presence means the run finished.
    """
    started = time.perf_counter()
    now = utc_now()
    store = store_at(MovableClock(now))
    *older, newest = demo_posts()
    if _already_seeded(store, newest):
        return SeedReport()
    users = sum(_profile(store, pictures, person, now) for person in PEOPLE)
    for follower, followees in FOLLOWS.items():
        for followee in followees:
            store.follows.follow(BY_HANDLE[follower].id, BY_HANDLE[followee].id)
    tallies = [_post(store_at, pictures, post, now) for post in (*older, newest)]
    return SeedReport(
        users=users,
        posts=sum(t.posts for t in tallies),
        pictures=sum(t.pictures for t in tallies),
        likes=sum(t.likes for t in tallies),
        comments=sum(t.comments for t in tallies),
        seconds=time.perf_counter() - started,
    )


def _already_seeded(store: Store, newest: DemoPost) -> bool:
    page = store.posts.by_author(BY_HANDLE[newest.author].id, 10, None)
    return any(p.title == newest.title for p in page.items)


def _profile(store: Store, media: PictureBucket | None, person: Person, now: datetime) -> int:
    profile = UserProfile(
        id=person.id,
        handle=person.handle,
        display_name=person.name,
        created_at=aws_datetime(now - timedelta(days=30)),
        bio=person.bio,
    )
    try:
        store.users.create(profile)
    except ProfileExists:
        return 0  # an earlier run got this far
    if media is not None:
        avatar = _stored_picture(
            store, media, person, avatar_png(person.name, person.colour), "image/png", "", now
        )
        store.users.update(person.id, display_name=None, bio=None, avatar=avatar)
    return 1


def _stored_picture(
    store: Store,
    media: PictureBucket,
    owner: Person,
    body: bytes,
    content_type: str,
    alt_text: str,
    now: datetime,
) -> Media:
    """A READY upload of `body`, made by the uploads' own processing (fanout/media.py).

    Processed here rather than by the fan-out, so a post is created with its finished media
    (as a client that waited would) and seeding works without a stream poller too; the upload
    goes PENDING -> READY directly, a change the fan-out does not process again."""
    upload = Upload(
        id=new_id(),
        owner_id=owner.id,
        content_type=content_type,
        size=len(body),
        filename="demo.png" if content_type == "image/png" else "demo.jpg",
        alt_text=alt_text,
        status=UploadStatus.PENDING,
        created_at=aws_datetime(now),
        expires_at=aws_datetime(now + timedelta(minutes=10)),
    )
    store.uploads.create(upload)
    incoming = incoming_object_key(owner.id, upload.id)
    media.put(incoming, body, content_type)
    processed = media.processing(store).render(upload)
    done = store.uploads.finish(owner.id, upload.id, UploadStatus.READY, None, processed=processed)
    media.storage().delete(incoming)
    return done.media(processed.key)


def _post(
    store_at: StoreAt, media: PictureBucket | None, post: DemoPost, now: datetime
) -> SeedReport:
    """One post with its picture, likes and comments, dated by a clock of its own."""
    author = BY_HANDLE[post.author]
    written = now - timedelta(days=post.days_ago)
    clock = MovableClock(written)
    store = store_at(clock)
    attached: tuple[Media, ...] = ()
    if media is not None and post.picture is not None:
        body = picture_jpeg(post.picture.scene, post.title)
        attached = (
            _stored_picture(store, media, author, body, "image/jpeg", post.picture.alt_text, now),
        )
    try:
        created = store.posts.create(
            author_id=author.id,
            title=post.title,
            body=post.body,
            category=post.category,
            request_token=request_token(post),
            media=attached,
        )
    except Conflict:
        return SeedReport()  # created by an earlier run, with the picture that run uploaded
    likes = 0
    if created.like_count == 0:
        likes = sum(
            store.likes.like(created.id, BY_HANDLE[h].id, created.author_id)
            for h in planned_likers(post)
        )
    comments = 0
    if created.comment_count == 0:
        # Spread over the time between the post and now, oldest first.
        gap = (now - written) / (len(post.comments) + 1)
        for n, (handle, text) in enumerate(post.comments, start=1):
            clock.moment = written + gap * n * 0.6
            store.comments.add(created.id, BY_HANDLE[handle].id, text)
            comments += 1
    return SeedReport(posts=1, pictures=len(attached), likes=likes, comments=comments)


def seed_configured(settings: Settings, *, pictures: bool = True) -> SeedReport:
    """Seed the configured table (and, with `pictures`, bucket) through the usual clients."""

    from store.clients import dynamodb_change_client, dynamodb_client, s3_client
    from store.repository import Rates, Store

    def store_at(clock: Clock) -> Store:
        # Demo people write far more, and in the past, than a person's limits allow.
        return Store.connect(
            dynamodb_client(settings.region),
            settings.table_name,
            settings.cursor_secret,
            clock=clock,
            change_writes=dynamodb_change_client(settings.region),
            rates=Rates.off(),
        )

    bucket = PictureBucket(s3_client(settings.region), settings.bucket_name) if pictures else None
    return seed(store_at, bucket)
