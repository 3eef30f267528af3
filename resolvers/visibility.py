"""The one visibility rule: what a viewer's blocks and mutes hide, applied on every read path.

The viewer's visibility set is one item, read at most once per request through the request's
item loader, so it joins whatever batch the read path sends next (the posts of a feed page, the
authors of a page of posts): applying the rule costs no request of its own. Each read path calls
one of the functions below where its items become domain values; `tests/api/test_visibility.py`
lists every read path and fails when one is added without a test.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from core.models import ChangeKind, Page
from core.safety import NOTHING_HIDDEN, VisibilitySet

if TYPE_CHECKING:
    from collections.abc import Awaitable, Iterable, Sequence

    from core.hashtags import TagEntry
    from core.models import Comment, LoggedChange, Post, UserProfile
    from resolvers.context import RequestContext

#: Selection hints: nested fields whose loads may join the visibility set's batch.
AUTHOR = "author"
VIEWER_HAS_LIKED = "viewerHasLiked"
VIEWER_HAS_REPOSTED = "viewerHasReposted"
VIEWER_HAS_BOOKMARKED = "viewerHasBookmarked"
#: A comment's first replies, and (`replies/<field>`) what each of them selects.
REPLIES = "replies"


async def visibility(ctx: RequestContext) -> VisibilitySet:
    """The viewer's set, cached for the request; gather it with the loads it should batch with."""
    viewer = ctx.viewer
    if viewer is None:
        return NOTHING_HIDDEN
    return await ctx.loaders.visibility(viewer.id)


def _prime_for_posts(
    ctx: RequestContext, posts: Sequence[tuple[str, str]], wanted: Iterable[str]
) -> None:
    """Start the loads the selection will ask for, so they share the visibility set's batch.

    `posts`: (post id, author id) of each post.
    """
    wanted = set(wanted)
    if AUTHOR in wanted:
        ctx.loaders.prime_users(author for _, author in posts)
    viewer = ctx.viewer
    if VIEWER_HAS_LIKED in wanted and viewer is not None:
        ctx.loaders.prime_likes((post for post, _ in posts), viewer.id)
    if VIEWER_HAS_BOOKMARKED in wanted and viewer is not None:
        ctx.loaders.prime_bookmarks((post for post, _ in posts), viewer.id)


async def visible_posts(
    ctx: RequestContext, posts: Sequence[Post], wanted: Iterable[str] = ()
) -> list[Post]:
    """A page of posts without those by hidden authors."""
    _prime_for_posts(ctx, [(p.id, p.author_id) for p in posts], wanted)
    hidden = await visibility(ctx)
    return [p for p in posts if not hidden.hides(p.author_id)]


async def visible_posts_by_entries(
    ctx: RequestContext, post_ids: Sequence[str], wanted: Iterable[str] = ()
) -> list[Post]:
    """The posts a page of entries (a feed's, a bookmark list's) names, in one batch with the
    visibility set; deleted posts drop out here rather than being chased through every list
    that names them, so a page may come back short (its nextToken still continues)."""
    posts, hidden = await asyncio.gather(ctx.loaders.posts(list(post_ids)), visibility(ctx))
    shown = [p for p in posts if p is not None and not hidden.hides(p.author_id)]
    # What the selection asks of each post goes out in the next batch, all at once.
    _prime_for_posts(ctx, [(p.id, p.author_id) for p in shown], wanted)
    return shown


async def visible_indexed_posts(
    ctx: RequestContext, entries: Sequence[TagEntry], wanted: Iterable[str] = ()
) -> list[Post]:
    """Posts an index names with their authors (a hashtag timeline): posts, authors and the
    set in one batch; posts gone since are left out, like those of hidden authors."""
    _prime_for_posts(ctx, [(e.post_id, e.author_id) for e in entries], wanted)
    posts, hidden = await asyncio.gather(
        ctx.loaders.posts([e.post_id for e in entries]), visibility(ctx)
    )
    return [p for p in posts if p is not None and not hidden.hides(p.author_id)]


async def visible_post(ctx: RequestContext, post: Awaitable[Post | None]) -> Post | None:
    """One post (null when hidden), its load sharing a batch with the visibility set."""
    found, hidden = await asyncio.gather(post, visibility(ctx))
    return None if found is None or hidden.hides(found.author_id) else found


async def visible_posts_by_ids(ctx: RequestContext, post_ids: list[str]) -> list[Post | None]:
    """Posts in the order asked, null where there is none or it is hidden."""
    posts, hidden = await asyncio.gather(ctx.loaders.posts(post_ids), visibility(ctx))
    return [None if p is None or hidden.hides(p.author_id) else p for p in posts]


def _prime_for_comments(
    ctx: RequestContext, comments: Sequence[Comment], wanted: Iterable[str]
) -> None:
    """As `_prime_for_posts`; the first replies each comment carries are known by key, so
    they (and, if their selection asks, their authors) join the same batch."""
    wanted = set(wanted)
    viewer = ctx.viewer
    if AUTHOR in wanted:
        ctx.loaders.prime_users(c.author_id for c in comments)
    if VIEWER_HAS_LIKED in wanted and viewer is not None:
        ctx.loaders.prime_comment_likes(((c.post_id, c.id) for c in comments), viewer.id)
    if REPLIES in wanted:
        first = [(c.post_id, r) for c in comments for r in c.first_replies]
        ctx.loaders.prime_comments((post_id, r.id) for post_id, r in first)
        if f"{REPLIES}/{AUTHOR}" in wanted:
            ctx.loaders.prime_users(r.author_id for _, r in first)
        if f"{REPLIES}/{VIEWER_HAS_LIKED}" in wanted and viewer is not None:
            likes = ((post_id, r.id) for post_id, r in first)
            ctx.loaders.prime_comment_likes(likes, viewer.id)


async def visible_comments(
    ctx: RequestContext, comments: Sequence[Comment], wanted: Iterable[str] = ()
) -> list[Comment]:
    """A page of comments or replies without those by hidden authors (their replies with
    them: nothing under a hidden comment is reachable)."""
    _prime_for_comments(ctx, comments, wanted)
    hidden = await visibility(ctx)
    return [c for c in comments if not hidden.hides(c.author_id)]


async def visible_comment(
    ctx: RequestContext, comment: Awaitable[Comment | None]
) -> Comment | None:
    """One comment (a reply's parent), null when there is none or it is hidden."""
    found, hidden = await asyncio.gather(comment, visibility(ctx))
    return None if found is None or hidden.hides(found.author_id) else found


async def visible_profile(
    ctx: RequestContext, profile: Awaitable[UserProfile | None]
) -> UserProfile | None:
    """A profile, or null for someone who blocks the viewer: what a stranger with no account
    would get. The viewer still sees whom they block or mute (to undo it)."""
    found, hidden = await asyncio.gather(profile, visibility(ctx))
    if found is None or found.id in hidden.blocked_by:
        return None
    return found


async def visible_profiles(ctx: RequestContext, user_ids: Page[str]) -> Page[UserProfile]:
    """A page of people (followers, search results) without hidden ones, in one batch with
    the set; the page's token is kept."""
    profiles, hidden = await asyncio.gather(ctx.loaders.users(user_ids.items), visibility(ctx))
    shown = [p for p in profiles if p is not None and not hidden.hides(p.id)]
    return Page(items=shown, next_token=user_ids.next_token)


async def visible_events(
    ctx: RequestContext, events: Sequence[LoggedChange], wanted: Iterable[str] = ()
) -> list[LoggedChange]:
    """Change-log events without those about hidden authors' posts or hidden people's comments.

    An empty poll reads nothing more. Otherwise the events' comments (whose authors decide),
    and their posts if the selection asks, share the visibility set's batch.
    """
    if not events:
        return []
    comments = ctx.loaders.comments(
        (e.post_id, e.comment_id) for e in events if e.comment_id is not None
    )
    wanted = set(wanted)
    if "post" in wanted:
        live = [e for e in events if e.kind is not ChangeKind.POST_DELETED]
        ctx.loaders.prime_posts(e.post_id for e in live)
        # Events carry their post's author, so authors and likes join the posts' batch.
        if f"post.{AUTHOR}" in wanted:
            ctx.loaders.prime_users(e.author_id for e in live)
        if f"post.{VIEWER_HAS_LIKED}" in wanted and ctx.viewer is not None:
            ctx.loaders.prime_likes((e.post_id for e in live), ctx.viewer.id)
    hidden, by_comment = await asyncio.gather(visibility(ctx), comments)
    commenters = {(c.post_id, c.id): c.author_id for c in by_comment if c is not None}

    def shown(event: LoggedChange) -> bool:
        if hidden.hides(event.author_id):
            return False
        key = (event.post_id, event.comment_id or "")
        return not hidden.hides(commenters.get(key))

    return [e for e in events if shown(e)]


def refresh_after_change(ctx: RequestContext) -> None:
    """After the viewer blocks or mutes: read their set again, consistently, when next asked."""
    viewer = ctx.viewer
    if viewer is not None:
        ctx.loaders.known_visibility(
            viewer.id, ctx.store.blocks.visibility(viewer.id, consistent=True)
        )
