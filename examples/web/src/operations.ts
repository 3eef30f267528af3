// Every operation the client sends, in one place. `make codegen` reads them (and schema.graphql)
// and writes their result and variable types to src/gql/: nothing here is typed by hand.

import { graphql } from "./gql/index.js";

export type {
  ChangeType,
  NotificationFieldsFragment as Notification,
  CommentFieldsFragment as Comment,
  MediaFieldsFragment as PostMedia,
  PostFieldsFragment as Post,
  UserFieldsFragment as Author,
} from "./gql/graphql.js";

graphql(`
  fragment UserFields on User {
    id
    handle
    displayName
    avatar { url altText }
  }
`);

/** What an image needs to render without a layout shift: see src/media.ts. */
graphql(`
  fragment MediaFields on Media {
    id
    contentType
    url
    altText
    width
    height
    blurhash
    focus { x y }
    variants { url width height }
  }
`);

graphql(`
  fragment PostFields on Post {
    id
    title
    body
    category
    createdAt
    updatedAt
    likeCount
    commentCount
    viewerHasLiked
    viewerHasBookmarked
    repostCount
    viewerHasReposted
    version
    editedAt
    author { ...UserFields }
    media { ...MediaFields }
    mentions { user { handle } start end }
    hashtagSpans { tag start end }
  }
`);

graphql(`
  fragment CommentFields on Comment {
    id
    postId
    body
    createdAt
    version
    editedAt
    parentId
    depth
    replyCount
    likeCount
    viewerHasLiked
    deleted
    author { ...UserFields }
    mentions { user { handle } start end }
  }
`);

export const FEED_PAGE = graphql(`
  query FeedPage($limit: Int!, $nextToken: String) {
    feed(limit: $limit, nextToken: $nextToken) {
      entries { post { ...PostFields } repostedBy { ...UserFields } }
      nextToken
    }
  }
`);

/** The first page and a change-log cursor at "now", in one request. */
export const FEED_START = graphql(`
  query FeedStart($limit: Int!) {
    me { ...UserFields }
    feed(limit: $limit) { entries { post { ...PostFields } repostedBy { ...UserFields } } nextToken }
    feedUpdates { cursor }
    categories
  }
`);

/** One poll: what reached the feed since the cursor, and fresh counts for what is on screen. */
export const FEED_TICK = graphql(`
  query FeedTick($after: String!, $ids: [ID!]!) {
    feedUpdates(after: $after, limit: 50) { items { type postId post { ...PostFields } } cursor }
    postsByIds(ids: $ids) { id likeCount commentCount viewerHasLiked }
  }
`);

export const FEED_TICK_EMPTY = graphql(`
  query FeedTickEmpty($after: String!) {
    feedUpdates(after: $after, limit: 50) { items { type postId post { ...PostFields } } cursor }
  }
`);

export const POST_PAGE = graphql(`
  query PostPage($id: ID!) {
    post(id: $id) {
      ...PostFields
      comments(limit: 50) {
        items { ...CommentFields replies { items { ...CommentFields } nextToken } }
        nextToken
      }
    }
  }
`);

export const PROFILE_PAGE = graphql(`
  query ProfilePage($handle: String!) {
    me { id }
    user(handle: $handle) {
      ...UserFields
      bio
      followerCount
      followingCount
      viewerFollows
      viewerBlocks
      viewerMutes
      posts(limit: 20) { items { ...PostFields } }
    }
  }
`);

export const LIKE = graphql(`
  mutation Like($id: ID!) { likePost(postId: $id) { id likeCount viewerHasLiked } }
`);
export const UNLIKE = graphql(`
  mutation Unlike($id: ID!) { unlikePost(postId: $id) { id likeCount viewerHasLiked } }
`);
export const REPOST = graphql(`
  mutation Repost($id: ID!) { repost(postId: $id) { id repostCount viewerHasReposted } }
`);
export const UNREPOST = graphql(`
  mutation Unrepost($id: ID!) { unrepost(postId: $id) { id repostCount viewerHasReposted } }
`);
export const FOLLOW = graphql(`
  mutation Follow($id: ID!) { follow(userId: $id) { id followerCount viewerFollows } }
`);
export const UNFOLLOW = graphql(`
  mutation Unfollow($id: ID!) { unfollow(userId: $id) { id followerCount viewerFollows } }
`);
export const ADD_COMMENT = graphql(`
  mutation AddComment($input: AddCommentInput!) { addComment(input: $input) { ...CommentFields } }
`);
export const UPDATE_COMMENT = graphql(`
  mutation UpdateComment($input: UpdateCommentInput!) { updateComment(input: $input) { ...CommentFields } }
`);
export const DELETE_COMMENT = graphql(`
  mutation DeleteComment($postId: ID!, $id: ID!) { deleteComment(postId: $postId, id: $id) { id } }
`);
export const CREATE_POST = graphql(`
  mutation CreatePost($input: CreatePostInput!) { createPost(input: $input) { ...PostFields } }
`);
export const UPDATE_POST = graphql(`
  mutation UpdatePost($input: UpdatePostInput!) { updatePost(input: $input) { ...PostFields } }
`);
export const DELETE_POST = graphql(`
  mutation DeletePost($id: ID!) { deletePost(id: $id) { id } }
`);
export const CREATE_UPLOAD = graphql(`
  mutation CreateUpload($input: CreateUploadInput!) {
    createUpload(input: $input) { upload { id } url fields { name value } maxBytes }
  }
`);
export const COMPLETE_UPLOAD = graphql(`
  mutation CompleteUpload($id: ID!) { completeUpload(id: $id) { id status reason } }
`);

export const ACCOUNT_DELETION = graphql(`
  query AccountDeletion { me { ...UserFields } accountDeletion { status removedItems startedAt finishedAt } }
`);
export const DELETE_ACCOUNT = graphql(`
  mutation DeleteAccount($confirm: String!) { deleteAccount(confirm: $confirm) { status removedItems } }
`);
export const EXPORT_ACCOUNT = graphql(`
  mutation ExportAccount { exportAccount { url expiresAt items files } }
`);
/** A level of a thread below the first replies: one comment's replies, a page at a time. */
export const REPLIES_PAGE = graphql(`
  query RepliesPage($postId: ID!, $id: ID!, $nextToken: String) {
    comment(postId: $postId, id: $id) {
      id
      replies(limit: 20, nextToken: $nextToken) {
        items { ...CommentFields replies { items { ...CommentFields } nextToken } }
        nextToken
      }
    }
  }
`);
export const COMMENT_HISTORY = graphql(`
  query CommentHistory($postId: ID!, $id: ID!) {
    comment(postId: $postId, id: $id) { id edits(limit: 10) { version body writtenAt replacedAt } }
  }
`);
export const POST_HISTORY = graphql(`
  query PostHistory($id: ID!) {
    post(id: $id) { id edits(limit: 10) { version title body writtenAt replacedAt } }
  }
`);
export const LIKE_COMMENT = graphql(`
  mutation LikeComment($postId: ID!, $id: ID!) {
    likeComment(postId: $postId, id: $id) { id likeCount viewerHasLiked }
  }
`);
export const UNLIKE_COMMENT = graphql(`
  mutation UnlikeComment($postId: ID!, $id: ID!) {
    unlikeComment(postId: $postId, id: $id) { id likeCount viewerHasLiked }
  }
`);
export const BOOKMARK = graphql(`
  mutation Bookmark($id: ID!) { bookmark(postId: $id) { id viewerHasBookmarked } }
`);
export const UNBOOKMARK = graphql(`
  mutation Unbookmark($id: ID!) { unbookmark(postId: $id) { id viewerHasBookmarked } }
`);
export const BOOKMARKS_PAGE = graphql(`
  query BookmarksPage($nextToken: String) {
    bookmarks(limit: 20, nextToken: $nextToken) { items { ...PostFields } nextToken }
  }
`);

graphql(`
  fragment NotificationFields on Notification {
    id
    kind
    count
    seen
    latestAt
    actors { ...UserFields }
    post { id title }
    comment { body }
  }
`);

/** The notifications tab: the newest entries and how many are unread. */
export const NOTIFICATIONS_PAGE = graphql(`
  query NotificationsPage($limit: Int!, $nextToken: String) {
    notifications(limit: $limit, nextToken: $nextToken) { items { ...NotificationFields } nextToken }
  }
`);
/** The badge: one read, polled. */
export const UNREAD_COUNT = graphql(`
  query UnreadCount { unreadNotificationCount }
`);
export const MARK_SEEN = graphql(`
  mutation MarkSeen($upTo: AWSDateTime) { markNotificationsSeen(upTo: $upTo) }
`);

export const HASHTAG_PAGE = graphql(`
  query HashtagPage($tag: String!, $limit: Int!, $nextToken: String) {
    hashtag(tag: $tag) { tag posts(limit: $limit, nextToken: $nextToken) { items { ...PostFields } nextToken } }
  }
`);
export const TRENDING = graphql(`
  query Trending { trendingHashtags(limit: 10) { tag count } }
`);
export const SEARCH_PEOPLE = graphql(`
  query SearchPeople($query: String!, $nextToken: String) {
    searchUsers(query: $query, limit: 20, nextToken: $nextToken) { items { ...UserFields bio } nextToken }
  }
`);
