"""The GraphQL operations the benchmarks send."""

from __future__ import annotations

FEED = """query Feed($limit: Int!) { feed(limit: $limit) { items { id title body likeCount
  commentCount viewerHasLiked createdAt author { id handle displayName } } nextToken } }"""
POST = """query Post($id: ID!) { post(id: $id) { id title body likeCount commentCount
  author { handle displayName } comments(limit: 20) { items { id body createdAt
  author { handle displayName } } nextToken } } }"""
CREATE = """mutation Create($i: CreatePostInput!) { createPost(input: $i) {
  id title category version createdAt } }"""
LIKE = "mutation Like($id: ID!) { likePost(postId: $id) { id likeCount viewerHasLiked } }"
POLL = """query Poll($after: String!, $limit: Int! = 25) {
  postEvents(after: $after, limit: $limit) {
    items { type postId post { title author { handle } } } cursor } }"""
