// Every operation the client sends, in one place. Fragments keep the post shape consistent.

const POST_FIELDS = `
  id title body category createdAt likeCount commentCount viewerHasLiked version
  author { id handle displayName }
  media { id contentType url altText }
`;

export interface Author {
  id: string;
  handle: string;
  displayName: string;
}

export interface Media {
  id: string;
  contentType: string;
  url: string;
  altText: string;
}

export interface Post {
  id: string;
  title: string;
  body: string;
  category: string;
  createdAt: string;
  likeCount: number;
  commentCount: number;
  viewerHasLiked: boolean;
  version: number;
  author: Author | null;
  media: Media[];
}

export interface Comment {
  id: string;
  body: string;
  createdAt: string;
  author: Author | null;
}

export interface ChangeEvent {
  type: "POST_CREATED" | "POST_UPDATED" | "POST_DELETED" | "COMMENT_ADDED";
  postId: string;
  post: Post | null;
}

export const FEED_PAGE = `query FeedPage($limit: Int!, $nextToken: String) {
  feed(limit: $limit, nextToken: $nextToken) { items { ${POST_FIELDS} } nextToken }
}`;

/** The first page and a change-log cursor at "now", in one request. */
export const FEED_START = `query FeedStart($limit: Int!) {
  feed(limit: $limit) { items { ${POST_FIELDS} } nextToken }
  feedUpdates { cursor }
  categories
}`;

/** One poll: what reached the feed since the cursor, and fresh counts for what is on screen. */
export const FEED_TICK = `query FeedTick($after: String!, $ids: [ID!]!) {
  feedUpdates(after: $after, limit: 50) { items { type postId post { ${POST_FIELDS} } } cursor }
  postsByIds(ids: $ids) { id likeCount commentCount viewerHasLiked }
}`;

export const FEED_TICK_EMPTY = `query FeedTickEmpty($after: String!) {
  feedUpdates(after: $after, limit: 50) { items { type postId post { ${POST_FIELDS} } } cursor }
}`;

export const POST_PAGE = `query PostPage($id: ID!) {
  post(id: $id) {
    ${POST_FIELDS}
    comments(limit: 50) { items { id body createdAt author { id handle displayName } } }
  }
}`;

export const PROFILE_PAGE = `query ProfilePage($handle: String!) {
  me { id }
  user(handle: $handle) {
    id handle displayName bio followerCount followingCount viewerFollows
    posts(limit: 20) { items { ${POST_FIELDS} } }
  }
}`;

export const LIKE = `mutation Like($id: ID!) { likePost(postId: $id) { id likeCount viewerHasLiked } }`;
export const UNLIKE = `mutation Unlike($id: ID!) { unlikePost(postId: $id) { id likeCount viewerHasLiked } }`;
export const FOLLOW = `mutation Follow($id: ID!) { follow(userId: $id) { id followerCount viewerFollows } }`;
export const UNFOLLOW = `mutation Unfollow($id: ID!) { unfollow(userId: $id) { id followerCount viewerFollows } }`;
export const ADD_COMMENT = `mutation AddComment($input: AddCommentInput!) {
  addComment(input: $input) { id body createdAt author { id handle displayName } }
}`;
export const CREATE_POST = `mutation CreatePost($input: CreatePostInput!) { createPost(input: $input) { ${POST_FIELDS} } }`;
export const CREATE_UPLOAD = `mutation CreateUpload($input: CreateUploadInput!) {
  createUpload(input: $input) { upload { id } url fields { name value } maxBytes }
}`;
export const COMPLETE_UPLOAD = `mutation CompleteUpload($id: ID!) { completeUpload(id: $id) { id status reason } }`;
