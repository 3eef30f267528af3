/* eslint-disable */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO 8601 UTC timestamp, `YYYY-MM-DDTHH:MM:SS.sssZ` (AppSync's AWSDateTime). */
  AWSDateTime: { input: string; output: string; }
};

/** How far the deletion of your account has come. */
export type AccountDeletion = {
  __typename?: 'AccountDeletion';
  finishedAt?: Maybe<Scalars['AWSDateTime']['output']>;
  /** Items removed so far. */
  removedItems: Scalars['Int']['output'];
  startedAt: Scalars['AWSDateTime']['output'];
  status: DeletionStatus;
};

/** Your data as a download: a private link that expires. */
export type AccountExport = {
  __typename?: 'AccountExport';
  expiresAt: Scalars['AWSDateTime']['output'];
  /** Your uploaded files in the archive. */
  files: Scalars['Int']['output'];
  /** Items in data.json. */
  items: Scalars['Int']['output'];
  /** A zip archive: data.json and your files. */
  url: Scalars['String']['output'];
};

/** A comment on a post, or a reply to one of its comments. */
export type AddCommentInput = {
  /** 1 to 2,000 characters. */
  body: Scalars['String']['input'];
  /** The comment this replies to. A reply deeper than 8 levels attaches to the deepest allowed ancestor. */
  parentId?: InputMaybe<Scalars['ID']['input']>;
  postId: Scalars['ID']['input'];
};

/** One moderator action: who, when, what, why. */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  action: ModerationAction;
  at: Scalars['AWSDateTime']['output'];
  /** Whose content or account it was. */
  authorId: Scalars['ID']['output'];
  caseId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  moderatorId: Scalars['ID']['output'];
  reason: Scalars['String']['output'];
  /** The open reports it answered. */
  reportCount: Scalars['Int']['output'];
  suspendedIndefinitely: Scalars['Boolean']['output'];
  suspendedUntil?: Maybe<Scalars['AWSDateTime']['output']>;
  targetKind: TargetKind;
};

/** One page of the audit log, newest first. */
export type AuditEntryConnection = {
  __typename?: 'AuditEntryConnection';
  items: Array<AuditEntry>;
  nextToken?: Maybe<Scalars['String']['output']>;
};

/** Whether a case awaits a moderator. */
export type CaseStatus =
  | 'OPEN'
  | 'RESOLVED';

/** Events after your cursor, oldest first, and where to poll next. */
export type ChangeBatch = {
  __typename?: 'ChangeBatch';
  /** Send it as `after` next time (also when `items` is empty). */
  cursor: Scalars['String']['output'];
  items: Array<ChangeEvent>;
};

/** One entry of a change log. */
export type ChangeEvent = {
  __typename?: 'ChangeEvent';
  /** When the change was made. */
  at: Scalars['AWSDateTime']['output'];
  /** The comment a COMMENT_ADDED event is about. */
  comment?: Maybe<Comment>;
  commentId?: Maybe<Scalars['ID']['output']>;
  /** Poll with this to resume right after this event. */
  cursor: Scalars['String']['output'];
  /** The post as it is now; null once it is deleted. */
  post?: Maybe<Post>;
  postId: Scalars['ID']['output'];
  type: ChangeType;
};

/** What happened. */
export type ChangeType =
  | 'COMMENT_ADDED'
  | 'POST_CREATED'
  | 'POST_DELETED'
  | 'POST_UPDATED';

/** A comment on a post, or a reply to one. */
export type Comment = {
  __typename?: 'Comment';
  /** The author; null without a profile, or once deleted. */
  author?: Maybe<User>;
  body: Scalars['String']['output'];
  createdAt: Scalars['AWSDateTime']['output'];
  /** A placeholder kept for its replies: no text. */
  deleted: Scalars['Boolean']['output'];
  /** 0 on the post, at most 8. */
  depth: Scalars['Int']['output'];
  /** When the text last changed. */
  editedAt?: Maybe<Scalars['AWSDateTime']['output']>;
  /** The versions edits replaced, newest first. */
  edits: Array<Edit>;
  id: Scalars['ID']['output'];
  /** Exact: changes with each like. */
  likeCount: Scalars['Int']['output'];
  /** The body's mentions of people who exist. */
  mentions: Array<Mention>;
  /** The comment this replies to; null on the post, or hidden. */
  parent?: Maybe<Comment>;
  /** Null on the post itself. */
  parentId?: Maybe<Scalars['ID']['output']>;
  postId: Scalars['ID']['output'];
  /** Direct replies, oldest first. */
  replies: CommentConnection;
  /** Exact: direct replies, placeholders too. */
  replyCount: Scalars['Int']['output'];
  /** Increments on every edit; send it back as `expectedVersion`. */
  version: Scalars['Int']['output'];
  /** Whether the signed-in viewer likes this comment. */
  viewerHasLiked: Scalars['Boolean']['output'];
};


/** A comment on a post, or a reply to one. */
export type CommentEditsArgs = {
  limit?: Scalars['Int']['input'];
};


/** A comment on a post, or a reply to one. */
export type CommentRepliesArgs = {
  limit?: Scalars['Int']['input'];
  nextToken?: InputMaybe<Scalars['String']['input']>;
};

/** One page of comments. */
export type CommentConnection = {
  __typename?: 'CommentConnection';
  items: Array<Comment>;
  nextToken?: Maybe<Scalars['String']['output']>;
};

/** How a post's comments are sorted. */
export type CommentOrder =
  | 'NEWEST'
  | 'OLDEST'
  | 'TOP';

/** A new post. */
export type CreatePostInput = {
  /** Up to 10,000 characters. */
  body?: Scalars['String']['input'];
  /** A category slug, see `categories`. */
  category: Scalars['String']['input'];
  /** 8 to 64 of [A-Za-z0-9_-]. Retrying with the same token returns the same post instead of creating another (remembered for 24 hours). */
  clientRequestToken?: InputMaybe<Scalars['String']['input']>;
  /** Up to 10 of your READY uploads; each attaches to one post. */
  mediaIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** 1 to 200 characters. */
  title: Scalars['String']['input'];
};

/** Your profile, created once. */
export type CreateProfileInput = {
  /** Up to 300 characters. */
  bio?: Scalars['String']['input'];
  /** 1 to 50 characters. */
  displayName: Scalars['String']['input'];
  /** Unique, 3 to 30 of [a-z0-9_]; cannot be changed later. */
  handle: Scalars['String']['input'];
};

/** What you are about to upload. */
export type CreateUploadInput = {
  /** What the image shows, for screen readers; up to 500 characters. */
  altText?: Scalars['String']['input'];
  /** image/jpeg, image/png, image/gif, image/webp, video/mp4 or video/webm. */
  contentType: Scalars['String']['input'];
  /** For display only; 1 to 255 characters, no path. */
  filename: Scalars['String']['input'];
  /** Images: the point to keep in view when cropped. */
  focus?: InputMaybe<MediaFocusInput>;
  /** Exact size in bytes; the upload must match it. */
  size: Scalars['Int']['input'];
};

/** What a delete removed. */
export type Deleted = {
  __typename?: 'Deleted';
  id: Scalars['ID']['output'];
};

/** Where an account's deletion stands. */
export type DeletionStatus =
  | 'DONE'
  | 'RUNNING';

/** A version of a text that an edit replaced. */
export type Edit = {
  __typename?: 'Edit';
  body: Scalars['String']['output'];
  /** When the next edit replaced it. */
  replacedAt: Scalars['AWSDateTime']['output'];
  /** Posts only. */
  title?: Maybe<Scalars['String']['output']>;
  version: Scalars['Int']['output'];
  /** When this version was written. */
  writtenAt: Scalars['AWSDateTime']['output'];
};

/** One page of your home feed, newest first. */
export type FeedConnection = {
  __typename?: 'FeedConnection';
  /** The same posts, each with who reposted it into your feed. */
  entries: Array<FeedItem>;
  /** The page's posts. */
  items: Array<Post>;
  /** Pass as `nextToken` for the next page; null on the last page. */
  nextToken?: Maybe<Scalars['String']['output']>;
};

/** One post of your home feed, and how it got there. */
export type FeedItem = {
  __typename?: 'FeedItem';
  post: Post;
  /** Who of the people you follow reposted it into your feed; null when it came as the author's own post (a post shows once per feed). */
  repostedBy?: Maybe<User>;
};

/** One form field of a presigned upload. */
export type FormField = {
  __typename?: 'FormField';
  name: Scalars['String']['output'];
  value: Scalars['String']['output'];
};

/** A hashtag and its posts. */
export type Hashtag = {
  __typename?: 'Hashtag';
  /** Posts whose body uses the tag, newest first. */
  posts: PostConnection;
  /** Normalized: NFKC, case-folded, without the #. */
  tag: Scalars['String']['output'];
};


/** A hashtag and its posts. */
export type HashtagPostsArgs = {
  limit?: Scalars['Int']['input'];
  nextToken?: InputMaybe<Scalars['String']['input']>;
};

/** A `#tag` of the text at [start, end) in UTF-16 code units, and the tag it stands for (normalized: what `hashtag(tag)` finds). */
export type HashtagSpan = {
  __typename?: 'HashtagSpan';
  end: Scalars['Int']['output'];
  start: Scalars['Int']['output'];
  tag: Scalars['String']['output'];
};

/** An attached image or video. */
export type Media = {
  __typename?: 'Media';
  /** What the image shows; may be empty. */
  altText: Scalars['String']['output'];
  /** A placeholder to show while the image loads (blurha.sh); images only. */
  blurhash?: Maybe<Scalars['String']['output']>;
  /** The type of what `url` serves. */
  contentType: Scalars['String']['output'];
  /** Videos only. */
  durationSeconds?: Maybe<Scalars['Float']['output']>;
  /** As given at upload. */
  focus?: Maybe<MediaFocus>;
  /** Pixels, orientation applied; null while processing or when unknown. */
  height?: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  /** Bytes of what `url` serves. */
  size: Scalars['Int']['output'];
  /** A short-lived download URL of the original (images re-encoded without metadata); null while the upload is PROCESSING. */
  url?: Maybe<Scalars['String']['output']>;
  /** WebP copies 320, 640 and 1280 pixels wide, narrowest first, only those narrower than the original; empty for videos and while processing. */
  variants: Array<MediaVariant>;
  /** Pixels, orientation applied; null while processing or when unknown. */
  width?: Maybe<Scalars['Int']['output']>;
};

/** Where to keep an image in view when it is cropped. */
export type MediaFocus = {
  __typename?: 'MediaFocus';
  /** -1 (left edge) to 1 (right edge). */
  x: Scalars['Float']['output'];
  /** -1 (bottom edge) to 1 (top edge). */
  y: Scalars['Float']['output'];
};

/** Where to keep an image in view when it is cropped. */
export type MediaFocusInput = {
  /** -1 (left edge) to 1 (right edge). */
  x: Scalars['Float']['input'];
  /** -1 (bottom edge) to 1 (top edge). */
  y: Scalars['Float']['input'];
};

/** A smaller copy of an image, for `srcset`. */
export type MediaVariant = {
  __typename?: 'MediaVariant';
  contentType: Scalars['String']['output'];
  height: Scalars['Int']['output'];
  /** A short-lived download URL. */
  url: Scalars['String']['output'];
  width: Scalars['Int']['output'];
};

/** `@handle` of someone who exists, at [start, end) of the text in UTF-16 code units (how JavaScript indexes strings). */
export type Mention = {
  __typename?: 'Mention';
  end: Scalars['Int']['output'];
  start: Scalars['Int']['output'];
  user: User;
};

/** DISMISS: nothing wrong; REMOVE_CONTENT: delete the post or comment; SUSPEND_AUTHOR: suspend whoever wrote it (or the reported person). */
export type ModerationAction =
  | 'DISMISS'
  | 'REMOVE_CONTENT'
  | 'SUSPEND_AUTHOR';

/** Every open report on one thing, as the moderation queue shows it. */
export type ModerationCase = {
  __typename?: 'ModerationCase';
  /** Who wrote the reported content (or the reported person). */
  author?: Maybe<User>;
  commentId?: Maybe<Scalars['ID']['output']>;
  /** As first reported in this round. */
  content: ReportedContent;
  firstReportedAt: Scalars['AWSDateTime']['output'];
  /** Pass it to `resolveReport`. */
  id: Scalars['ID']['output'];
  lastReportedAt: Scalars['AWSDateTime']['output'];
  postId?: Maybe<Scalars['ID']['output']>;
  reasons: Array<ReasonCount>;
  /** Open reports, one per person. */
  reportCount: Scalars['Int']['output'];
  /** The reports, one per person. */
  reports: ReportConnection;
  resolution?: Maybe<ModerationAction>;
  status: CaseStatus;
  targetKind: TargetKind;
  /** For a reported person. */
  userId?: Maybe<Scalars['ID']['output']>;
};


/** Every open report on one thing, as the moderation queue shows it. */
export type ModerationCaseReportsArgs = {
  limit?: Scalars['Int']['input'];
  nextToken?: InputMaybe<Scalars['String']['input']>;
};

/** One page of the moderation queue. */
export type ModerationCaseConnection = {
  __typename?: 'ModerationCaseConnection';
  items: Array<ModerationCase>;
  nextToken?: Maybe<Scalars['String']['output']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Comment on a post. */
  addComment: Comment;
  /** Block a user: follows between you end, neither can follow, like or comment on the other's content, and each disappears from the other's reads. Idempotent. Answers their profile (null if they have none). */
  block?: Maybe<User>;
  /** Save a post for later; saving twice changes nothing. */
  bookmark: Post;
  /** Hand an uploaded file to processing: PROCESSING (then READY or REJECTED), REJECTED with a reason, or PENDING with a hint while the file has not arrived. */
  completeUpload: Upload;
  /** Publish a post as the signed-in user. */
  createPost: Post;
  /** Create your profile; every user has at most one. */
  createProfile: User;
  /** Permission to upload one file straight to storage. */
  createUpload: UploadTicket;
  /** Delete your account and everything you own: profile, posts with their comments and likes, your comments and likes elsewhere, follows, files, blocks, mutes and the reports you filed. `confirm` is your handle (your user id without a profile). Runs in steps after this answers (poll accountDeletion); your writes are refused meanwhile. Idempotent. */
  deleteAccount: AccountDeletion;
  /** Delete your own comment (moderators: anyone's, audited with `reason`). */
  deleteComment: Deleted;
  /** Delete your own post (moderators: anyone's, audited with `reason`). */
  deletePost: Deleted;
  /** Everything you own as a zip archive (JSON and your files), behind a link that only you receive and that expires in an hour. */
  exportAccount: AccountExport;
  /** Follow a user; following twice changes nothing. */
  follow: User;
  /** Like a comment; liking twice changes nothing. */
  likeComment: Comment;
  /** Like a post; liking twice changes nothing. */
  likePost: Post;
  /** Mark your notifications seen up to `upTo` (default: now), on every device; returns how many stay unread. */
  markNotificationsSeen: Scalars['Int']['output'];
  /** Mute a user: their posts and comments disappear from your reads only; they cannot tell. Idempotent. */
  mute?: Maybe<User>;
  /** Report something to the moderators; each person reports a thing once. */
  report: Report;
  /** Share a post with your followers' home feeds (not your own post); reposting twice changes nothing. */
  repost: Post;
  /** Moderators: act on a case (its open reports) and leave an audit entry. */
  resolveReport: ModerationCase;
  /** Lift a block (follows are not restored). Idempotent. */
  unblock?: Maybe<User>;
  /** Forget a saved post; idempotent. Null if the post is gone. */
  unbookmark?: Maybe<Post>;
  /** Stop following a user; idempotent. */
  unfollow: User;
  /** Take back a like of a comment; idempotent. */
  unlikeComment: Comment;
  /** Take back a like; idempotent. */
  unlikePost: Post;
  /** Stop muting a user. Idempotent. */
  unmute?: Maybe<User>;
  /** Take back a repost; it leaves your followers' feeds. */
  unrepost: Post;
  /** Change your own comment's text; `expectedVersion` guards lost updates. */
  updateComment: Comment;
  /** Change your own post; `expectedVersion` guards lost updates. */
  updatePost: Post;
  /** Change your display name or bio. */
  updateProfile: User;
};


export type MutationAddCommentArgs = {
  input: AddCommentInput;
};


export type MutationBlockArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationBookmarkArgs = {
  postId: Scalars['ID']['input'];
};


export type MutationCompleteUploadArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreatePostArgs = {
  input: CreatePostInput;
};


export type MutationCreateProfileArgs = {
  input: CreateProfileInput;
};


export type MutationCreateUploadArgs = {
  input: CreateUploadInput;
};


export type MutationDeleteAccountArgs = {
  confirm: Scalars['String']['input'];
};


export type MutationDeleteCommentArgs = {
  id: Scalars['ID']['input'];
  postId: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationDeletePostArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationFollowArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationLikeCommentArgs = {
  id: Scalars['ID']['input'];
  postId: Scalars['ID']['input'];
};


export type MutationLikePostArgs = {
  postId: Scalars['ID']['input'];
};


export type MutationMarkNotificationsSeenArgs = {
  upTo?: InputMaybe<Scalars['AWSDateTime']['input']>;
};


export type MutationMuteArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationReportArgs = {
  input: ReportInput;
};


export type MutationRepostArgs = {
  postId: Scalars['ID']['input'];
};


export type MutationResolveReportArgs = {
  input: ResolveReportInput;
};


export type MutationUnblockArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationUnbookmarkArgs = {
  postId: Scalars['ID']['input'];
};


export type MutationUnfollowArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationUnlikeCommentArgs = {
  id: Scalars['ID']['input'];
  postId: Scalars['ID']['input'];
};


export type MutationUnlikePostArgs = {
  postId: Scalars['ID']['input'];
};


export type MutationUnmuteArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationUnrepostArgs = {
  postId: Scalars['ID']['input'];
};


export type MutationUpdateCommentArgs = {
  input: UpdateCommentInput;
};


export type MutationUpdatePostArgs = {
  input: UpdatePostInput;
};


export type MutationUpdateProfileArgs = {
  input: UpdateProfileInput;
};

/** One entry of your notifications: likes of a post and follows of a day are grouped ("alice and 3 others liked your post"); comments and mentions stay single. */
export type Notification = {
  __typename?: 'Notification';
  /** The 3 most recent of them, newest first. */
  actors: Array<User>;
  /** The comment (comments). */
  comment?: Maybe<Comment>;
  /** How many people did it. */
  count: Scalars['Int']['output'];
  /** Stable while the entry grows. */
  id: Scalars['ID']['output'];
  kind: NotificationKind;
  /** When the latest of them did it. */
  latestAt: Scalars['AWSDateTime']['output'];
  /** The post it is about (likes, comments). */
  post?: Maybe<Post>;
  /** Whether markNotificationsSeen covered it. */
  seen: Scalars['Boolean']['output'];
};

/** Notifications after your cursor, oldest first, and where next. */
export type NotificationBatch = {
  __typename?: 'NotificationBatch';
  /** Send it as `after` next time. */
  cursor: Scalars['String']['output'];
  items: Array<NotificationEvent>;
};

/** A page of notifications, newest first. */
export type NotificationConnection = {
  __typename?: 'NotificationConnection';
  items: Array<Notification>;
  nextToken?: Maybe<Scalars['String']['output']>;
};

/** A new notification, in the order every poller sees. */
export type NotificationEvent = {
  __typename?: 'NotificationEvent';
  /** Who did it. */
  actor?: Maybe<User>;
  at: Scalars['AWSDateTime']['output'];
  /** Poll with this to resume right after it. */
  cursor: Scalars['String']['output'];
  kind: NotificationKind;
  /** The entry it is part of, as it is now. */
  notification?: Maybe<Notification>;
};

/** What someone did. */
export type NotificationKind =
  | 'COMMENT'
  | 'COMMENT_LIKE'
  | 'FOLLOW'
  | 'LIKE'
  | 'MENTION'
  | 'REPLY'
  | 'REPOST';

/** A post in one category. */
export type Post = {
  __typename?: 'Post';
  /** The author; null when the author has no profile. */
  author?: Maybe<User>;
  body: Scalars['String']['output'];
  category: Scalars['String']['output'];
  /** Exact: changes with each comment. */
  commentCount: Scalars['Int']['output'];
  /** Comments on the post itself (replies hang from them). */
  comments: CommentConnection;
  createdAt: Scalars['AWSDateTime']['output'];
  /** When the text last changed. */
  editedAt?: Maybe<Scalars['AWSDateTime']['output']>;
  /** The versions edits replaced, newest first. */
  edits: Array<Edit>;
  /** Where each #tag is in the body, so clients can link it without parsing. */
  hashtagSpans: Array<HashtagSpan>;
  /** The body's #tags, normalized, once each. */
  hashtags: Array<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Exact: changes with each like. */
  likeCount: Scalars['Int']['output'];
  /** Attached images and videos, in order. */
  media: Array<Media>;
  /** The body's mentions of people who exist. */
  mentions: Array<Mention>;
  /** Exact: changes with each repost. */
  repostCount: Scalars['Int']['output'];
  title: Scalars['String']['output'];
  updatedAt: Scalars['AWSDateTime']['output'];
  /** Increments on every update; send it back as `expectedVersion`. */
  version: Scalars['Int']['output'];
  /** Whether the signed-in viewer bookmarked this post. */
  viewerHasBookmarked: Scalars['Boolean']['output'];
  /** Whether the signed-in viewer likes this post. */
  viewerHasLiked: Scalars['Boolean']['output'];
  /** Whether the signed-in viewer reposted this post. */
  viewerHasReposted: Scalars['Boolean']['output'];
};


/** A post in one category. */
export type PostCommentsArgs = {
  limit?: Scalars['Int']['input'];
  nextToken?: InputMaybe<Scalars['String']['input']>;
  order?: CommentOrder;
};


/** A post in one category. */
export type PostEditsArgs = {
  limit?: Scalars['Int']['input'];
};

/** One page of posts. */
export type PostConnection = {
  __typename?: 'PostConnection';
  items: Array<Post>;
  /** Pass as `nextToken` for the next page; null on the last page. */
  nextToken?: Maybe<Scalars['String']['output']>;
};

export type Query = {
  __typename?: 'Query';
  /** The deletion of your account, while it runs and after; null if none. */
  accountDeletion?: Maybe<AccountDeletion>;
  /** Moderators: every moderator action, newest first. */
  auditLog: AuditEntryConnection;
  /** Whom you block, newest first; nobody else can see this list. */
  blockedUsers: UserConnection;
  /** Your bookmarks, newest first; only you see them. */
  bookmarks: PostConnection;
  /** The category slugs a post may use. */
  categories: Array<Scalars['String']['output']>;
  /** A comment by its post and id; null if there is none. */
  comment?: Maybe<Comment>;
  /** Your home feed: posts by the people you follow and your own, newest first. */
  feed: FeedConnection;
  /** What reached your home feed after your cursor, oldest first. */
  feedUpdates: ChangeBatch;
  /** A hashtag's timeline; `tag` with or without its #. */
  hashtag: Hashtag;
  /** "ok" when the API can answer; needs no sign-in. */
  health: Scalars['String']['output'];
  /** Your profile; null until you create one (createProfile). */
  me?: Maybe<User>;
  /** Moderators: one case, open or resolved. */
  moderationCase?: Maybe<ModerationCase>;
  /** Moderators: open cases, most reported first. Everyone else: FORBIDDEN. */
  moderationQueue: ModerationCaseConnection;
  /** Whom you mute, newest first; nobody else can see this list. */
  mutedUsers: UserConnection;
  /** Your own reports, newest first. */
  myReports: ReportConnection;
  /** Notifications you received after your cursor, exactly once. */
  notificationUpdates: NotificationBatch;
  /** Your notifications, newest first, grouped. */
  notifications: NotificationConnection;
  /** A post by id; null if there is none. */
  post?: Maybe<Post>;
  /** What happened to posts after your cursor: in one category, by one author, or (with neither) everywhere. Each event once, in the same order for every poller. */
  postEvents: ChangeBatch;
  /** Newest posts first, in one category or, without `category`, in all of them. */
  posts: PostConnection;
  /** Up to 100 posts by id, in that order, null where there is none: what a client refreshes on screen (counts, edits) in one request. */
  postsByIds: Array<Maybe<Post>>;
  /** People whose handle or display name starts with `query` (1 to 50 characters; accents and case do not matter), best matches first. */
  searchUsers: UserConnection;
  /** The most used tags of the last 24 hours, most used first. */
  trendingHashtags: Array<TrendingHashtag>;
  /** How many notifications you have not seen: one read. */
  unreadNotificationCount: Scalars['Int']['output'];
  /** A user by id or by handle (give one); null if there is none. */
  user?: Maybe<User>;
};


export type QueryAuditLogArgs = {
  limit?: Scalars['Int']['input'];
  nextToken?: InputMaybe<Scalars['String']['input']>;
};


export type QueryBlockedUsersArgs = {
  limit?: Scalars['Int']['input'];
  nextToken?: InputMaybe<Scalars['String']['input']>;
};


export type QueryBookmarksArgs = {
  limit?: Scalars['Int']['input'];
  nextToken?: InputMaybe<Scalars['String']['input']>;
};


export type QueryCommentArgs = {
  id: Scalars['ID']['input'];
  postId: Scalars['ID']['input'];
};


export type QueryFeedArgs = {
  limit?: Scalars['Int']['input'];
  nextToken?: InputMaybe<Scalars['String']['input']>;
};


export type QueryFeedUpdatesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  limit?: Scalars['Int']['input'];
};


export type QueryHashtagArgs = {
  tag: Scalars['String']['input'];
};


export type QueryModerationCaseArgs = {
  id: Scalars['ID']['input'];
};


export type QueryModerationQueueArgs = {
  limit?: Scalars['Int']['input'];
  nextToken?: InputMaybe<Scalars['String']['input']>;
};


export type QueryMutedUsersArgs = {
  limit?: Scalars['Int']['input'];
  nextToken?: InputMaybe<Scalars['String']['input']>;
};


export type QueryMyReportsArgs = {
  limit?: Scalars['Int']['input'];
  nextToken?: InputMaybe<Scalars['String']['input']>;
};


export type QueryNotificationUpdatesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  limit?: Scalars['Int']['input'];
};


export type QueryNotificationsArgs = {
  limit?: Scalars['Int']['input'];
  nextToken?: InputMaybe<Scalars['String']['input']>;
};


export type QueryPostArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPostEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  authorId?: InputMaybe<Scalars['ID']['input']>;
  category?: InputMaybe<Scalars['String']['input']>;
  limit?: Scalars['Int']['input'];
};


export type QueryPostsArgs = {
  category?: InputMaybe<Scalars['String']['input']>;
  limit?: Scalars['Int']['input'];
  nextToken?: InputMaybe<Scalars['String']['input']>;
};


export type QueryPostsByIdsArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type QuerySearchUsersArgs = {
  limit?: Scalars['Int']['input'];
  nextToken?: InputMaybe<Scalars['String']['input']>;
  query: Scalars['String']['input'];
};


export type QueryTrendingHashtagsArgs = {
  limit?: Scalars['Int']['input'];
};


export type QueryUserArgs = {
  handle?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
};

/** How many open reports give one reason. */
export type ReasonCount = {
  __typename?: 'ReasonCount';
  count: Scalars['Int']['output'];
  reason: ReportReason;
};

/** One person's report. */
export type Report = {
  __typename?: 'Report';
  /** The moderation case it joined. */
  caseId: Scalars['ID']['output'];
  content: ReportedContent;
  createdAt: Scalars['AWSDateTime']['output'];
  id: Scalars['ID']['output'];
  note: Scalars['String']['output'];
  reason: ReportReason;
  targetKind: TargetKind;
};

/** One page of reports. */
export type ReportConnection = {
  __typename?: 'ReportConnection';
  items: Array<Report>;
  nextToken?: Maybe<Scalars['String']['output']>;
};

/** Report a post (postId), a comment (postId and commentId) or a person (userId). */
export type ReportInput = {
  commentId?: InputMaybe<Scalars['ID']['input']>;
  /** For moderators. Up to 1,000 characters. */
  note?: Scalars['String']['input'];
  postId?: InputMaybe<Scalars['ID']['input']>;
  reason: ReportReason;
  userId?: InputMaybe<Scalars['ID']['input']>;
};

/** Why something is reported. */
export type ReportReason =
  | 'HARASSMENT'
  | 'HATE'
  | 'ILLEGAL'
  | 'OTHER'
  | 'SELF_HARM'
  | 'SEXUAL_CONTENT'
  | 'SPAM'
  | 'VIOLENCE';

/** The content as it was reported, even if edited or deleted since. */
export type ReportedContent = {
  __typename?: 'ReportedContent';
  body: Scalars['String']['output'];
  displayName: Scalars['String']['output'];
  handle: Scalars['String']['output'];
  title: Scalars['String']['output'];
};

/** A moderator's decision on a case (all its open reports). */
export type ResolveReportInput = {
  action: ModerationAction;
  /** The case: `ModerationCase.id`. */
  id: Scalars['ID']['input'];
  /** Why, for the audit log. 1 to 1,000 characters. */
  reason: Scalars['String']['input'];
  /** With SUSPEND_AUTHOR: days, 1 to 3,650. */
  suspendForDays?: InputMaybe<Scalars['Int']['input']>;
  /** With SUSPEND_AUTHOR, instead of suspendForDays. */
  suspendIndefinitely?: Scalars['Boolean']['input'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Your home feed's events as they settle; over graphql-ws. */
  onFeedUpdate: ChangeEvent;
  /** Your notifications as they settle; over graphql-ws. */
  onNotification: NotificationEvent;
  /** Post events (in one category, or all) as they settle; over graphql-ws. */
  onPostEvent: ChangeEvent;
};


export type SubscriptionOnPostEventArgs = {
  category?: InputMaybe<Scalars['String']['input']>;
};

/** A suspension in force: every write answers FORBIDDEN until it ends. */
export type Suspension = {
  __typename?: 'Suspension';
  reason: Scalars['String']['output'];
  since: Scalars['AWSDateTime']['output'];
  /** Null: indefinitely. */
  until?: Maybe<Scalars['AWSDateTime']['output']>;
};

/** What a report is about. */
export type TargetKind =
  | 'COMMENT'
  | 'POST'
  | 'USER';

/** A tag and how many posts of the last 24 hours use it. */
export type TrendingHashtag = {
  __typename?: 'TrendingHashtag';
  count: Scalars['Int']['output'];
  tag: Scalars['String']['output'];
};

/** New text for your comment. */
export type UpdateCommentInput = {
  /** 1 to 2,000 characters. */
  body: Scalars['String']['input'];
  /** The version you last read; a stale one fails with CONFLICT. */
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  postId: Scalars['ID']['input'];
};

/** Changes to a post; fields left out stay as they are. */
export type UpdatePostInput = {
  body?: InputMaybe<Scalars['String']['input']>;
  category?: InputMaybe<Scalars['String']['input']>;
  /** The version you last read; a stale one fails with CONFLICT. */
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  /** Replaces the attachments; uploads left out are released. */
  mediaIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Changes to your profile; fields left out stay as they are. */
export type UpdateProfileInput = {
  /** A READY image upload of yours. */
  avatarUploadId?: InputMaybe<Scalars['ID']['input']>;
  bio?: InputMaybe<Scalars['String']['input']>;
  displayName?: InputMaybe<Scalars['String']['input']>;
};

/** A file you upload straight to storage, then complete. */
export type Upload = {
  __typename?: 'Upload';
  contentType: Scalars['String']['output'];
  /** The upload form stops working then. */
  expiresAt: Scalars['AWSDateTime']['output'];
  filename: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Why it was REJECTED; while PENDING after `completeUpload`, what is awaited (complete again once the file is sent). */
  reason?: Maybe<Scalars['String']['output']>;
  size: Scalars['Int']['output'];
  status: UploadStatus;
};

/** Where an upload is in its life. */
export type UploadStatus =
  | 'PENDING'
  | 'PROCESSING'
  | 'READY'
  | 'REJECTED';

/** POST `fields` (in order), then the file as `file`, as multipart/form-data to `url`. */
export type UploadTicket = {
  __typename?: 'UploadTicket';
  fields: Array<FormField>;
  maxBytes: Scalars['Int']['output'];
  upload: Upload;
  url: Scalars['String']['output'];
};

/** A member of the community. */
export type User = {
  __typename?: 'User';
  /** The profile picture, if any. */
  avatar?: Maybe<Media>;
  bio: Scalars['String']['output'];
  createdAt: Scalars['AWSDateTime']['output'];
  displayName: Scalars['String']['output'];
  followerCount: Scalars['Int']['output'];
  /** Who follows this user, newest first. */
  followers: UserConnection;
  /** Whom this user follows, newest first. */
  following: UserConnection;
  followingCount: Scalars['Int']['output'];
  handle: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** The user's posts, newest first. */
  posts: PostConnection;
  /** Their suspension in force, shown to them and to moderators; else null. */
  suspension?: Maybe<Suspension>;
  /** Whether you block this user (only you can see this). */
  viewerBlocks: Scalars['Boolean']['output'];
  /** Whether the signed-in viewer follows this user. */
  viewerFollows: Scalars['Boolean']['output'];
  /** Whether you mute this user (only you can see this). */
  viewerMutes: Scalars['Boolean']['output'];
};


/** A member of the community. */
export type UserFollowersArgs = {
  limit?: Scalars['Int']['input'];
  nextToken?: InputMaybe<Scalars['String']['input']>;
};


/** A member of the community. */
export type UserFollowingArgs = {
  limit?: Scalars['Int']['input'];
  nextToken?: InputMaybe<Scalars['String']['input']>;
};


/** A member of the community. */
export type UserPostsArgs = {
  limit?: Scalars['Int']['input'];
  nextToken?: InputMaybe<Scalars['String']['input']>;
};

/** One page of users. */
export type UserConnection = {
  __typename?: 'UserConnection';
  items: Array<User>;
  nextToken?: Maybe<Scalars['String']['output']>;
};

export type UserFieldsFragment = { __typename?: 'User', id: string, handle: string, displayName: string, avatar?: { __typename?: 'Media', url?: string | null, altText: string } | null };

export type MediaFieldsFragment = { __typename?: 'Media', id: string, contentType: string, url?: string | null, altText: string, width?: number | null, height?: number | null, blurhash?: string | null, focus?: { __typename?: 'MediaFocus', x: number, y: number } | null, variants: Array<{ __typename?: 'MediaVariant', url: string, width: number, height: number }> };

export type PostFieldsFragment = { __typename?: 'Post', id: string, title: string, body: string, category: string, createdAt: string, updatedAt: string, likeCount: number, commentCount: number, viewerHasLiked: boolean, viewerHasBookmarked: boolean, repostCount: number, viewerHasReposted: boolean, version: number, editedAt?: string | null, author?: { __typename?: 'User', id: string, handle: string, displayName: string, avatar?: { __typename?: 'Media', url?: string | null, altText: string } | null } | null, media: Array<{ __typename?: 'Media', id: string, contentType: string, url?: string | null, altText: string, width?: number | null, height?: number | null, blurhash?: string | null, focus?: { __typename?: 'MediaFocus', x: number, y: number } | null, variants: Array<{ __typename?: 'MediaVariant', url: string, width: number, height: number }> }>, mentions: Array<{ __typename?: 'Mention', start: number, end: number, user: { __typename?: 'User', handle: string } }>, hashtagSpans: Array<{ __typename?: 'HashtagSpan', tag: string, start: number, end: number }> };

export type CommentFieldsFragment = { __typename?: 'Comment', id: string, postId: string, body: string, createdAt: string, version: number, editedAt?: string | null, parentId?: string | null, depth: number, replyCount: number, likeCount: number, viewerHasLiked: boolean, deleted: boolean, author?: { __typename?: 'User', id: string, handle: string, displayName: string, avatar?: { __typename?: 'Media', url?: string | null, altText: string } | null } | null, mentions: Array<{ __typename?: 'Mention', start: number, end: number, user: { __typename?: 'User', handle: string } }> };

export type FeedPageQueryVariables = Exact<{
  limit: Scalars['Int']['input'];
  nextToken?: InputMaybe<Scalars['String']['input']>;
}>;


export type FeedPageQuery = { __typename?: 'Query', feed: { __typename?: 'FeedConnection', nextToken?: string | null, entries: Array<{ __typename?: 'FeedItem', post: { __typename?: 'Post', id: string, title: string, body: string, category: string, createdAt: string, updatedAt: string, likeCount: number, commentCount: number, viewerHasLiked: boolean, viewerHasBookmarked: boolean, repostCount: number, viewerHasReposted: boolean, version: number, editedAt?: string | null, author?: { __typename?: 'User', id: string, handle: string, displayName: string, avatar?: { __typename?: 'Media', url?: string | null, altText: string } | null } | null, media: Array<{ __typename?: 'Media', id: string, contentType: string, url?: string | null, altText: string, width?: number | null, height?: number | null, blurhash?: string | null, focus?: { __typename?: 'MediaFocus', x: number, y: number } | null, variants: Array<{ __typename?: 'MediaVariant', url: string, width: number, height: number }> }>, mentions: Array<{ __typename?: 'Mention', start: number, end: number, user: { __typename?: 'User', handle: string } }>, hashtagSpans: Array<{ __typename?: 'HashtagSpan', tag: string, start: number, end: number }> }, repostedBy?: { __typename?: 'User', id: string, handle: string, displayName: string, avatar?: { __typename?: 'Media', url?: string | null, altText: string } | null } | null }> } };

export type FeedStartQueryVariables = Exact<{
  limit: Scalars['Int']['input'];
}>;


export type FeedStartQuery = { __typename?: 'Query', categories: Array<string>, me?: { __typename?: 'User', id: string, handle: string, displayName: string, avatar?: { __typename?: 'Media', url?: string | null, altText: string } | null } | null, feed: { __typename?: 'FeedConnection', nextToken?: string | null, entries: Array<{ __typename?: 'FeedItem', post: { __typename?: 'Post', id: string, title: string, body: string, category: string, createdAt: string, updatedAt: string, likeCount: number, commentCount: number, viewerHasLiked: boolean, viewerHasBookmarked: boolean, repostCount: number, viewerHasReposted: boolean, version: number, editedAt?: string | null, author?: { __typename?: 'User', id: string, handle: string, displayName: string, avatar?: { __typename?: 'Media', url?: string | null, altText: string } | null } | null, media: Array<{ __typename?: 'Media', id: string, contentType: string, url?: string | null, altText: string, width?: number | null, height?: number | null, blurhash?: string | null, focus?: { __typename?: 'MediaFocus', x: number, y: number } | null, variants: Array<{ __typename?: 'MediaVariant', url: string, width: number, height: number }> }>, mentions: Array<{ __typename?: 'Mention', start: number, end: number, user: { __typename?: 'User', handle: string } }>, hashtagSpans: Array<{ __typename?: 'HashtagSpan', tag: string, start: number, end: number }> }, repostedBy?: { __typename?: 'User', id: string, handle: string, displayName: string, avatar?: { __typename?: 'Media', url?: string | null, altText: string } | null } | null }> }, feedUpdates: { __typename?: 'ChangeBatch', cursor: string } };

export type FeedTickQueryVariables = Exact<{
  after: Scalars['String']['input'];
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type FeedTickQuery = { __typename?: 'Query', feedUpdates: { __typename?: 'ChangeBatch', cursor: string, items: Array<{ __typename?: 'ChangeEvent', type: ChangeType, postId: string, post?: { __typename?: 'Post', id: string, title: string, body: string, category: string, createdAt: string, updatedAt: string, likeCount: number, commentCount: number, viewerHasLiked: boolean, viewerHasBookmarked: boolean, repostCount: number, viewerHasReposted: boolean, version: number, editedAt?: string | null, author?: { __typename?: 'User', id: string, handle: string, displayName: string, avatar?: { __typename?: 'Media', url?: string | null, altText: string } | null } | null, media: Array<{ __typename?: 'Media', id: string, contentType: string, url?: string | null, altText: string, width?: number | null, height?: number | null, blurhash?: string | null, focus?: { __typename?: 'MediaFocus', x: number, y: number } | null, variants: Array<{ __typename?: 'MediaVariant', url: string, width: number, height: number }> }>, mentions: Array<{ __typename?: 'Mention', start: number, end: number, user: { __typename?: 'User', handle: string } }>, hashtagSpans: Array<{ __typename?: 'HashtagSpan', tag: string, start: number, end: number }> } | null }> }, postsByIds: Array<{ __typename?: 'Post', id: string, likeCount: number, commentCount: number, viewerHasLiked: boolean } | null> };

export type FeedTickEmptyQueryVariables = Exact<{
  after: Scalars['String']['input'];
}>;


export type FeedTickEmptyQuery = { __typename?: 'Query', feedUpdates: { __typename?: 'ChangeBatch', cursor: string, items: Array<{ __typename?: 'ChangeEvent', type: ChangeType, postId: string, post?: { __typename?: 'Post', id: string, title: string, body: string, category: string, createdAt: string, updatedAt: string, likeCount: number, commentCount: number, viewerHasLiked: boolean, viewerHasBookmarked: boolean, repostCount: number, viewerHasReposted: boolean, version: number, editedAt?: string | null, author?: { __typename?: 'User', id: string, handle: string, displayName: string, avatar?: { __typename?: 'Media', url?: string | null, altText: string } | null } | null, media: Array<{ __typename?: 'Media', id: string, contentType: string, url?: string | null, altText: string, width?: number | null, height?: number | null, blurhash?: string | null, focus?: { __typename?: 'MediaFocus', x: number, y: number } | null, variants: Array<{ __typename?: 'MediaVariant', url: string, width: number, height: number }> }>, mentions: Array<{ __typename?: 'Mention', start: number, end: number, user: { __typename?: 'User', handle: string } }>, hashtagSpans: Array<{ __typename?: 'HashtagSpan', tag: string, start: number, end: number }> } | null }> } };

export type PostPageQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type PostPageQuery = { __typename?: 'Query', post?: { __typename?: 'Post', id: string, title: string, body: string, category: string, createdAt: string, updatedAt: string, likeCount: number, commentCount: number, viewerHasLiked: boolean, viewerHasBookmarked: boolean, repostCount: number, viewerHasReposted: boolean, version: number, editedAt?: string | null, comments: { __typename?: 'CommentConnection', nextToken?: string | null, items: Array<{ __typename?: 'Comment', id: string, postId: string, body: string, createdAt: string, version: number, editedAt?: string | null, parentId?: string | null, depth: number, replyCount: number, likeCount: number, viewerHasLiked: boolean, deleted: boolean, replies: { __typename?: 'CommentConnection', nextToken?: string | null, items: Array<{ __typename?: 'Comment', id: string, postId: string, body: string, createdAt: string, version: number, editedAt?: string | null, parentId?: string | null, depth: number, replyCount: number, likeCount: number, viewerHasLiked: boolean, deleted: boolean, author?: { __typename?: 'User', id: string, handle: string, displayName: string, avatar?: { __typename?: 'Media', url?: string | null, altText: string } | null } | null, mentions: Array<{ __typename?: 'Mention', start: number, end: number, user: { __typename?: 'User', handle: string } }> }> }, author?: { __typename?: 'User', id: string, handle: string, displayName: string, avatar?: { __typename?: 'Media', url?: string | null, altText: string } | null } | null, mentions: Array<{ __typename?: 'Mention', start: number, end: number, user: { __typename?: 'User', handle: string } }> }> }, author?: { __typename?: 'User', id: string, handle: string, displayName: string, avatar?: { __typename?: 'Media', url?: string | null, altText: string } | null } | null, media: Array<{ __typename?: 'Media', id: string, contentType: string, url?: string | null, altText: string, width?: number | null, height?: number | null, blurhash?: string | null, focus?: { __typename?: 'MediaFocus', x: number, y: number } | null, variants: Array<{ __typename?: 'MediaVariant', url: string, width: number, height: number }> }>, mentions: Array<{ __typename?: 'Mention', start: number, end: number, user: { __typename?: 'User', handle: string } }>, hashtagSpans: Array<{ __typename?: 'HashtagSpan', tag: string, start: number, end: number }> } | null };

export type ProfilePageQueryVariables = Exact<{
  handle: Scalars['String']['input'];
}>;


export type ProfilePageQuery = { __typename?: 'Query', me?: { __typename?: 'User', id: string } | null, user?: { __typename?: 'User', bio: string, followerCount: number, followingCount: number, viewerFollows: boolean, viewerBlocks: boolean, viewerMutes: boolean, id: string, handle: string, displayName: string, posts: { __typename?: 'PostConnection', items: Array<{ __typename?: 'Post', id: string, title: string, body: string, category: string, createdAt: string, updatedAt: string, likeCount: number, commentCount: number, viewerHasLiked: boolean, viewerHasBookmarked: boolean, repostCount: number, viewerHasReposted: boolean, version: number, editedAt?: string | null, author?: { __typename?: 'User', id: string, handle: string, displayName: string, avatar?: { __typename?: 'Media', url?: string | null, altText: string } | null } | null, media: Array<{ __typename?: 'Media', id: string, contentType: string, url?: string | null, altText: string, width?: number | null, height?: number | null, blurhash?: string | null, focus?: { __typename?: 'MediaFocus', x: number, y: number } | null, variants: Array<{ __typename?: 'MediaVariant', url: string, width: number, height: number }> }>, mentions: Array<{ __typename?: 'Mention', start: number, end: number, user: { __typename?: 'User', handle: string } }>, hashtagSpans: Array<{ __typename?: 'HashtagSpan', tag: string, start: number, end: number }> }> }, avatar?: { __typename?: 'Media', url?: string | null, altText: string } | null } | null };

export type LikeMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type LikeMutation = { __typename?: 'Mutation', likePost: { __typename?: 'Post', id: string, likeCount: number, viewerHasLiked: boolean } };

export type UnlikeMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type UnlikeMutation = { __typename?: 'Mutation', unlikePost: { __typename?: 'Post', id: string, likeCount: number, viewerHasLiked: boolean } };

export type RepostMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RepostMutation = { __typename?: 'Mutation', repost: { __typename?: 'Post', id: string, repostCount: number, viewerHasReposted: boolean } };

export type UnrepostMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type UnrepostMutation = { __typename?: 'Mutation', unrepost: { __typename?: 'Post', id: string, repostCount: number, viewerHasReposted: boolean } };

export type FollowMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type FollowMutation = { __typename?: 'Mutation', follow: { __typename?: 'User', id: string, followerCount: number, viewerFollows: boolean } };

export type UnfollowMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type UnfollowMutation = { __typename?: 'Mutation', unfollow: { __typename?: 'User', id: string, followerCount: number, viewerFollows: boolean } };

export type AddCommentMutationVariables = Exact<{
  input: AddCommentInput;
}>;


export type AddCommentMutation = { __typename?: 'Mutation', addComment: { __typename?: 'Comment', id: string, postId: string, body: string, createdAt: string, version: number, editedAt?: string | null, parentId?: string | null, depth: number, replyCount: number, likeCount: number, viewerHasLiked: boolean, deleted: boolean, author?: { __typename?: 'User', id: string, handle: string, displayName: string, avatar?: { __typename?: 'Media', url?: string | null, altText: string } | null } | null, mentions: Array<{ __typename?: 'Mention', start: number, end: number, user: { __typename?: 'User', handle: string } }> } };

export type UpdateCommentMutationVariables = Exact<{
  input: UpdateCommentInput;
}>;


export type UpdateCommentMutation = { __typename?: 'Mutation', updateComment: { __typename?: 'Comment', id: string, postId: string, body: string, createdAt: string, version: number, editedAt?: string | null, parentId?: string | null, depth: number, replyCount: number, likeCount: number, viewerHasLiked: boolean, deleted: boolean, author?: { __typename?: 'User', id: string, handle: string, displayName: string, avatar?: { __typename?: 'Media', url?: string | null, altText: string } | null } | null, mentions: Array<{ __typename?: 'Mention', start: number, end: number, user: { __typename?: 'User', handle: string } }> } };

export type DeleteCommentMutationVariables = Exact<{
  postId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
}>;


export type DeleteCommentMutation = { __typename?: 'Mutation', deleteComment: { __typename?: 'Deleted', id: string } };

export type CreatePostMutationVariables = Exact<{
  input: CreatePostInput;
}>;


export type CreatePostMutation = { __typename?: 'Mutation', createPost: { __typename?: 'Post', id: string, title: string, body: string, category: string, createdAt: string, updatedAt: string, likeCount: number, commentCount: number, viewerHasLiked: boolean, viewerHasBookmarked: boolean, repostCount: number, viewerHasReposted: boolean, version: number, editedAt?: string | null, author?: { __typename?: 'User', id: string, handle: string, displayName: string, avatar?: { __typename?: 'Media', url?: string | null, altText: string } | null } | null, media: Array<{ __typename?: 'Media', id: string, contentType: string, url?: string | null, altText: string, width?: number | null, height?: number | null, blurhash?: string | null, focus?: { __typename?: 'MediaFocus', x: number, y: number } | null, variants: Array<{ __typename?: 'MediaVariant', url: string, width: number, height: number }> }>, mentions: Array<{ __typename?: 'Mention', start: number, end: number, user: { __typename?: 'User', handle: string } }>, hashtagSpans: Array<{ __typename?: 'HashtagSpan', tag: string, start: number, end: number }> } };

export type UpdatePostMutationVariables = Exact<{
  input: UpdatePostInput;
}>;


export type UpdatePostMutation = { __typename?: 'Mutation', updatePost: { __typename?: 'Post', id: string, title: string, body: string, category: string, createdAt: string, updatedAt: string, likeCount: number, commentCount: number, viewerHasLiked: boolean, viewerHasBookmarked: boolean, repostCount: number, viewerHasReposted: boolean, version: number, editedAt?: string | null, author?: { __typename?: 'User', id: string, handle: string, displayName: string, avatar?: { __typename?: 'Media', url?: string | null, altText: string } | null } | null, media: Array<{ __typename?: 'Media', id: string, contentType: string, url?: string | null, altText: string, width?: number | null, height?: number | null, blurhash?: string | null, focus?: { __typename?: 'MediaFocus', x: number, y: number } | null, variants: Array<{ __typename?: 'MediaVariant', url: string, width: number, height: number }> }>, mentions: Array<{ __typename?: 'Mention', start: number, end: number, user: { __typename?: 'User', handle: string } }>, hashtagSpans: Array<{ __typename?: 'HashtagSpan', tag: string, start: number, end: number }> } };

export type DeletePostMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeletePostMutation = { __typename?: 'Mutation', deletePost: { __typename?: 'Deleted', id: string } };

export type CreateUploadMutationVariables = Exact<{
  input: CreateUploadInput;
}>;


export type CreateUploadMutation = { __typename?: 'Mutation', createUpload: { __typename?: 'UploadTicket', url: string, maxBytes: number, upload: { __typename?: 'Upload', id: string }, fields: Array<{ __typename?: 'FormField', name: string, value: string }> } };

export type CompleteUploadMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CompleteUploadMutation = { __typename?: 'Mutation', completeUpload: { __typename?: 'Upload', id: string, status: UploadStatus, reason?: string | null } };

export type AccountDeletionQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountDeletionQuery = { __typename?: 'Query', me?: { __typename?: 'User', id: string, handle: string, displayName: string, avatar?: { __typename?: 'Media', url?: string | null, altText: string } | null } | null, accountDeletion?: { __typename?: 'AccountDeletion', status: DeletionStatus, removedItems: number, startedAt: string, finishedAt?: string | null } | null };

export type DeleteAccountMutationVariables = Exact<{
  confirm: Scalars['String']['input'];
}>;


export type DeleteAccountMutation = { __typename?: 'Mutation', deleteAccount: { __typename?: 'AccountDeletion', status: DeletionStatus, removedItems: number } };

export type ExportAccountMutationVariables = Exact<{ [key: string]: never; }>;


export type ExportAccountMutation = { __typename?: 'Mutation', exportAccount: { __typename?: 'AccountExport', url: string, expiresAt: string, items: number, files: number } };

export type RepliesPageQueryVariables = Exact<{
  postId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
  nextToken?: InputMaybe<Scalars['String']['input']>;
}>;


export type RepliesPageQuery = { __typename?: 'Query', comment?: { __typename?: 'Comment', id: string, replies: { __typename?: 'CommentConnection', nextToken?: string | null, items: Array<{ __typename?: 'Comment', id: string, postId: string, body: string, createdAt: string, version: number, editedAt?: string | null, parentId?: string | null, depth: number, replyCount: number, likeCount: number, viewerHasLiked: boolean, deleted: boolean, replies: { __typename?: 'CommentConnection', nextToken?: string | null, items: Array<{ __typename?: 'Comment', id: string, postId: string, body: string, createdAt: string, version: number, editedAt?: string | null, parentId?: string | null, depth: number, replyCount: number, likeCount: number, viewerHasLiked: boolean, deleted: boolean, author?: { __typename?: 'User', id: string, handle: string, displayName: string, avatar?: { __typename?: 'Media', url?: string | null, altText: string } | null } | null, mentions: Array<{ __typename?: 'Mention', start: number, end: number, user: { __typename?: 'User', handle: string } }> }> }, author?: { __typename?: 'User', id: string, handle: string, displayName: string, avatar?: { __typename?: 'Media', url?: string | null, altText: string } | null } | null, mentions: Array<{ __typename?: 'Mention', start: number, end: number, user: { __typename?: 'User', handle: string } }> }> } } | null };

export type CommentHistoryQueryVariables = Exact<{
  postId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
}>;


export type CommentHistoryQuery = { __typename?: 'Query', comment?: { __typename?: 'Comment', id: string, edits: Array<{ __typename?: 'Edit', version: number, body: string, writtenAt: string, replacedAt: string }> } | null };

export type PostHistoryQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type PostHistoryQuery = { __typename?: 'Query', post?: { __typename?: 'Post', id: string, edits: Array<{ __typename?: 'Edit', version: number, title?: string | null, body: string, writtenAt: string, replacedAt: string }> } | null };

export type LikeCommentMutationVariables = Exact<{
  postId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
}>;


export type LikeCommentMutation = { __typename?: 'Mutation', likeComment: { __typename?: 'Comment', id: string, likeCount: number, viewerHasLiked: boolean } };

export type UnlikeCommentMutationVariables = Exact<{
  postId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
}>;


export type UnlikeCommentMutation = { __typename?: 'Mutation', unlikeComment: { __typename?: 'Comment', id: string, likeCount: number, viewerHasLiked: boolean } };

export type BookmarkMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type BookmarkMutation = { __typename?: 'Mutation', bookmark: { __typename?: 'Post', id: string, viewerHasBookmarked: boolean } };

export type UnbookmarkMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type UnbookmarkMutation = { __typename?: 'Mutation', unbookmark?: { __typename?: 'Post', id: string, viewerHasBookmarked: boolean } | null };

export type BookmarksPageQueryVariables = Exact<{
  nextToken?: InputMaybe<Scalars['String']['input']>;
}>;


export type BookmarksPageQuery = { __typename?: 'Query', bookmarks: { __typename?: 'PostConnection', nextToken?: string | null, items: Array<{ __typename?: 'Post', id: string, title: string, body: string, category: string, createdAt: string, updatedAt: string, likeCount: number, commentCount: number, viewerHasLiked: boolean, viewerHasBookmarked: boolean, repostCount: number, viewerHasReposted: boolean, version: number, editedAt?: string | null, author?: { __typename?: 'User', id: string, handle: string, displayName: string, avatar?: { __typename?: 'Media', url?: string | null, altText: string } | null } | null, media: Array<{ __typename?: 'Media', id: string, contentType: string, url?: string | null, altText: string, width?: number | null, height?: number | null, blurhash?: string | null, focus?: { __typename?: 'MediaFocus', x: number, y: number } | null, variants: Array<{ __typename?: 'MediaVariant', url: string, width: number, height: number }> }>, mentions: Array<{ __typename?: 'Mention', start: number, end: number, user: { __typename?: 'User', handle: string } }>, hashtagSpans: Array<{ __typename?: 'HashtagSpan', tag: string, start: number, end: number }> }> } };

export type NotificationFieldsFragment = { __typename?: 'Notification', id: string, kind: NotificationKind, count: number, seen: boolean, latestAt: string, actors: Array<{ __typename?: 'User', id: string, handle: string, displayName: string, avatar?: { __typename?: 'Media', url?: string | null, altText: string } | null }>, post?: { __typename?: 'Post', id: string, title: string } | null, comment?: { __typename?: 'Comment', body: string } | null };

export type NotificationsPageQueryVariables = Exact<{
  limit: Scalars['Int']['input'];
  nextToken?: InputMaybe<Scalars['String']['input']>;
}>;


export type NotificationsPageQuery = { __typename?: 'Query', notifications: { __typename?: 'NotificationConnection', nextToken?: string | null, items: Array<{ __typename?: 'Notification', id: string, kind: NotificationKind, count: number, seen: boolean, latestAt: string, actors: Array<{ __typename?: 'User', id: string, handle: string, displayName: string, avatar?: { __typename?: 'Media', url?: string | null, altText: string } | null }>, post?: { __typename?: 'Post', id: string, title: string } | null, comment?: { __typename?: 'Comment', body: string } | null }> } };

export type UnreadCountQueryVariables = Exact<{ [key: string]: never; }>;


export type UnreadCountQuery = { __typename?: 'Query', unreadNotificationCount: number };

export type MarkSeenMutationVariables = Exact<{
  upTo?: InputMaybe<Scalars['AWSDateTime']['input']>;
}>;


export type MarkSeenMutation = { __typename?: 'Mutation', markNotificationsSeen: number };

export type HashtagPageQueryVariables = Exact<{
  tag: Scalars['String']['input'];
  limit: Scalars['Int']['input'];
  nextToken?: InputMaybe<Scalars['String']['input']>;
}>;


export type HashtagPageQuery = { __typename?: 'Query', hashtag: { __typename?: 'Hashtag', tag: string, posts: { __typename?: 'PostConnection', nextToken?: string | null, items: Array<{ __typename?: 'Post', id: string, title: string, body: string, category: string, createdAt: string, updatedAt: string, likeCount: number, commentCount: number, viewerHasLiked: boolean, viewerHasBookmarked: boolean, repostCount: number, viewerHasReposted: boolean, version: number, editedAt?: string | null, author?: { __typename?: 'User', id: string, handle: string, displayName: string, avatar?: { __typename?: 'Media', url?: string | null, altText: string } | null } | null, media: Array<{ __typename?: 'Media', id: string, contentType: string, url?: string | null, altText: string, width?: number | null, height?: number | null, blurhash?: string | null, focus?: { __typename?: 'MediaFocus', x: number, y: number } | null, variants: Array<{ __typename?: 'MediaVariant', url: string, width: number, height: number }> }>, mentions: Array<{ __typename?: 'Mention', start: number, end: number, user: { __typename?: 'User', handle: string } }>, hashtagSpans: Array<{ __typename?: 'HashtagSpan', tag: string, start: number, end: number }> }> } } };

export type TrendingQueryVariables = Exact<{ [key: string]: never; }>;


export type TrendingQuery = { __typename?: 'Query', trendingHashtags: Array<{ __typename?: 'TrendingHashtag', tag: string, count: number }> };

export type SearchPeopleQueryVariables = Exact<{
  query: Scalars['String']['input'];
  nextToken?: InputMaybe<Scalars['String']['input']>;
}>;


export type SearchPeopleQuery = { __typename?: 'Query', searchUsers: { __typename?: 'UserConnection', nextToken?: string | null, items: Array<{ __typename?: 'User', bio: string, id: string, handle: string, displayName: string, avatar?: { __typename?: 'Media', url?: string | null, altText: string } | null }> } };

export type RelationFieldsFragment = { __typename?: 'User', id: string, handle: string, viewerBlocks: boolean, viewerMutes: boolean };

export type BlockMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type BlockMutation = { __typename?: 'Mutation', block?: { __typename?: 'User', id: string, handle: string, viewerBlocks: boolean, viewerMutes: boolean } | null };

export type UnblockMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type UnblockMutation = { __typename?: 'Mutation', unblock?: { __typename?: 'User', id: string, handle: string, viewerBlocks: boolean, viewerMutes: boolean } | null };

export type MuteMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type MuteMutation = { __typename?: 'Mutation', mute?: { __typename?: 'User', id: string, handle: string, viewerBlocks: boolean, viewerMutes: boolean } | null };

export type UnmuteMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type UnmuteMutation = { __typename?: 'Mutation', unmute?: { __typename?: 'User', id: string, handle: string, viewerBlocks: boolean, viewerMutes: boolean } | null };

export type ReportMutationVariables = Exact<{
  input: ReportInput;
}>;


export type ReportMutation = { __typename?: 'Mutation', report: { __typename?: 'Report', id: string, caseId: string, reason: ReportReason, createdAt: string } };

export type BlockedUsersQueryVariables = Exact<{
  nextToken?: InputMaybe<Scalars['String']['input']>;
}>;


export type BlockedUsersQuery = { __typename?: 'Query', blockedUsers: { __typename?: 'UserConnection', nextToken?: string | null, items: Array<{ __typename?: 'User', id: string, handle: string, displayName: string, avatar?: { __typename?: 'Media', url?: string | null, altText: string } | null }> } };

export type MutedUsersQueryVariables = Exact<{
  nextToken?: InputMaybe<Scalars['String']['input']>;
}>;


export type MutedUsersQuery = { __typename?: 'Query', mutedUsers: { __typename?: 'UserConnection', nextToken?: string | null, items: Array<{ __typename?: 'User', id: string, handle: string, displayName: string, avatar?: { __typename?: 'Media', url?: string | null, altText: string } | null }> } };

export type CaseFieldsFragment = { __typename?: 'ModerationCase', id: string, status: CaseStatus, targetKind: TargetKind, postId?: string | null, commentId?: string | null, userId?: string | null, reportCount: number, firstReportedAt: string, lastReportedAt: string, resolution?: ModerationAction | null, reasons: Array<{ __typename?: 'ReasonCount', reason: ReportReason, count: number }>, content: { __typename?: 'ReportedContent', title: string, body: string, handle: string, displayName: string }, author?: { __typename?: 'User', id: string, handle: string, displayName: string, avatar?: { __typename?: 'Media', url?: string | null, altText: string } | null } | null, reports: { __typename?: 'ReportConnection', items: Array<{ __typename?: 'Report', id: string, reason: ReportReason, note: string, createdAt: string }> } };

export type ModerationQueueQueryVariables = Exact<{
  nextToken?: InputMaybe<Scalars['String']['input']>;
}>;


export type ModerationQueueQuery = { __typename?: 'Query', moderationQueue: { __typename?: 'ModerationCaseConnection', nextToken?: string | null, items: Array<{ __typename?: 'ModerationCase', id: string, status: CaseStatus, targetKind: TargetKind, postId?: string | null, commentId?: string | null, userId?: string | null, reportCount: number, firstReportedAt: string, lastReportedAt: string, resolution?: ModerationAction | null, reasons: Array<{ __typename?: 'ReasonCount', reason: ReportReason, count: number }>, content: { __typename?: 'ReportedContent', title: string, body: string, handle: string, displayName: string }, author?: { __typename?: 'User', id: string, handle: string, displayName: string, avatar?: { __typename?: 'Media', url?: string | null, altText: string } | null } | null, reports: { __typename?: 'ReportConnection', items: Array<{ __typename?: 'Report', id: string, reason: ReportReason, note: string, createdAt: string }> } }> } };

export type ResolveReportMutationVariables = Exact<{
  input: ResolveReportInput;
}>;


export type ResolveReportMutation = { __typename?: 'Mutation', resolveReport: { __typename?: 'ModerationCase', id: string, status: CaseStatus, targetKind: TargetKind, postId?: string | null, commentId?: string | null, userId?: string | null, reportCount: number, firstReportedAt: string, lastReportedAt: string, resolution?: ModerationAction | null, reasons: Array<{ __typename?: 'ReasonCount', reason: ReportReason, count: number }>, content: { __typename?: 'ReportedContent', title: string, body: string, handle: string, displayName: string }, author?: { __typename?: 'User', id: string, handle: string, displayName: string, avatar?: { __typename?: 'Media', url?: string | null, altText: string } | null } | null, reports: { __typename?: 'ReportConnection', items: Array<{ __typename?: 'Report', id: string, reason: ReportReason, note: string, createdAt: string }> } } };

export type AuditFieldsFragment = { __typename?: 'AuditEntry', id: string, at: string, moderatorId: string, action: ModerationAction, caseId: string, targetKind: TargetKind, authorId: string, reason: string, reportCount: number, suspendedUntil?: string | null, suspendedIndefinitely: boolean };

export type AuditLogQueryVariables = Exact<{
  nextToken?: InputMaybe<Scalars['String']['input']>;
}>;


export type AuditLogQuery = { __typename?: 'Query', auditLog: { __typename?: 'AuditEntryConnection', nextToken?: string | null, items: Array<{ __typename?: 'AuditEntry', id: string, at: string, moderatorId: string, action: ModerationAction, caseId: string, targetKind: TargetKind, authorId: string, reason: string, reportCount: number, suspendedUntil?: string | null, suspendedIndefinitely: boolean }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const UserFieldsFragmentDoc = new TypedDocumentString(`
    fragment UserFields on User {
  id
  handle
  displayName
  avatar {
    url
    altText
  }
}
    `, {"fragmentName":"UserFields"}) as unknown as TypedDocumentString<UserFieldsFragment, unknown>;
export const MediaFieldsFragmentDoc = new TypedDocumentString(`
    fragment MediaFields on Media {
  id
  contentType
  url
  altText
  width
  height
  blurhash
  focus {
    x
    y
  }
  variants {
    url
    width
    height
  }
}
    `, {"fragmentName":"MediaFields"}) as unknown as TypedDocumentString<MediaFieldsFragment, unknown>;
export const PostFieldsFragmentDoc = new TypedDocumentString(`
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
  author {
    ...UserFields
  }
  media {
    ...MediaFields
  }
  mentions {
    user {
      handle
    }
    start
    end
  }
  hashtagSpans {
    tag
    start
    end
  }
}
    fragment UserFields on User {
  id
  handle
  displayName
  avatar {
    url
    altText
  }
}
fragment MediaFields on Media {
  id
  contentType
  url
  altText
  width
  height
  blurhash
  focus {
    x
    y
  }
  variants {
    url
    width
    height
  }
}`, {"fragmentName":"PostFields"}) as unknown as TypedDocumentString<PostFieldsFragment, unknown>;
export const CommentFieldsFragmentDoc = new TypedDocumentString(`
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
  author {
    ...UserFields
  }
  mentions {
    user {
      handle
    }
    start
    end
  }
}
    fragment UserFields on User {
  id
  handle
  displayName
  avatar {
    url
    altText
  }
}`, {"fragmentName":"CommentFields"}) as unknown as TypedDocumentString<CommentFieldsFragment, unknown>;
export const NotificationFieldsFragmentDoc = new TypedDocumentString(`
    fragment NotificationFields on Notification {
  id
  kind
  count
  seen
  latestAt
  actors {
    ...UserFields
  }
  post {
    id
    title
  }
  comment {
    body
  }
}
    fragment UserFields on User {
  id
  handle
  displayName
  avatar {
    url
    altText
  }
}`, {"fragmentName":"NotificationFields"}) as unknown as TypedDocumentString<NotificationFieldsFragment, unknown>;
export const RelationFieldsFragmentDoc = new TypedDocumentString(`
    fragment RelationFields on User {
  id
  handle
  viewerBlocks
  viewerMutes
}
    `, {"fragmentName":"RelationFields"}) as unknown as TypedDocumentString<RelationFieldsFragment, unknown>;
export const CaseFieldsFragmentDoc = new TypedDocumentString(`
    fragment CaseFields on ModerationCase {
  id
  status
  targetKind
  postId
  commentId
  userId
  reportCount
  reasons {
    reason
    count
  }
  firstReportedAt
  lastReportedAt
  content {
    title
    body
    handle
    displayName
  }
  resolution
  author {
    ...UserFields
  }
  reports(limit: 10) {
    items {
      id
      reason
      note
      createdAt
    }
  }
}
    fragment UserFields on User {
  id
  handle
  displayName
  avatar {
    url
    altText
  }
}`, {"fragmentName":"CaseFields"}) as unknown as TypedDocumentString<CaseFieldsFragment, unknown>;
export const AuditFieldsFragmentDoc = new TypedDocumentString(`
    fragment AuditFields on AuditEntry {
  id
  at
  moderatorId
  action
  caseId
  targetKind
  authorId
  reason
  reportCount
  suspendedUntil
  suspendedIndefinitely
}
    `, {"fragmentName":"AuditFields"}) as unknown as TypedDocumentString<AuditFieldsFragment, unknown>;
export const FeedPageDocument = new TypedDocumentString(`
    query FeedPage($limit: Int!, $nextToken: String) {
  feed(limit: $limit, nextToken: $nextToken) {
    entries {
      post {
        ...PostFields
      }
      repostedBy {
        ...UserFields
      }
    }
    nextToken
  }
}
    fragment UserFields on User {
  id
  handle
  displayName
  avatar {
    url
    altText
  }
}
fragment MediaFields on Media {
  id
  contentType
  url
  altText
  width
  height
  blurhash
  focus {
    x
    y
  }
  variants {
    url
    width
    height
  }
}
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
  author {
    ...UserFields
  }
  media {
    ...MediaFields
  }
  mentions {
    user {
      handle
    }
    start
    end
  }
  hashtagSpans {
    tag
    start
    end
  }
}`) as unknown as TypedDocumentString<FeedPageQuery, FeedPageQueryVariables>;
export const FeedStartDocument = new TypedDocumentString(`
    query FeedStart($limit: Int!) {
  me {
    ...UserFields
  }
  feed(limit: $limit) {
    entries {
      post {
        ...PostFields
      }
      repostedBy {
        ...UserFields
      }
    }
    nextToken
  }
  feedUpdates {
    cursor
  }
  categories
}
    fragment UserFields on User {
  id
  handle
  displayName
  avatar {
    url
    altText
  }
}
fragment MediaFields on Media {
  id
  contentType
  url
  altText
  width
  height
  blurhash
  focus {
    x
    y
  }
  variants {
    url
    width
    height
  }
}
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
  author {
    ...UserFields
  }
  media {
    ...MediaFields
  }
  mentions {
    user {
      handle
    }
    start
    end
  }
  hashtagSpans {
    tag
    start
    end
  }
}`) as unknown as TypedDocumentString<FeedStartQuery, FeedStartQueryVariables>;
export const FeedTickDocument = new TypedDocumentString(`
    query FeedTick($after: String!, $ids: [ID!]!) {
  feedUpdates(after: $after, limit: 50) {
    items {
      type
      postId
      post {
        ...PostFields
      }
    }
    cursor
  }
  postsByIds(ids: $ids) {
    id
    likeCount
    commentCount
    viewerHasLiked
  }
}
    fragment UserFields on User {
  id
  handle
  displayName
  avatar {
    url
    altText
  }
}
fragment MediaFields on Media {
  id
  contentType
  url
  altText
  width
  height
  blurhash
  focus {
    x
    y
  }
  variants {
    url
    width
    height
  }
}
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
  author {
    ...UserFields
  }
  media {
    ...MediaFields
  }
  mentions {
    user {
      handle
    }
    start
    end
  }
  hashtagSpans {
    tag
    start
    end
  }
}`) as unknown as TypedDocumentString<FeedTickQuery, FeedTickQueryVariables>;
export const FeedTickEmptyDocument = new TypedDocumentString(`
    query FeedTickEmpty($after: String!) {
  feedUpdates(after: $after, limit: 50) {
    items {
      type
      postId
      post {
        ...PostFields
      }
    }
    cursor
  }
}
    fragment UserFields on User {
  id
  handle
  displayName
  avatar {
    url
    altText
  }
}
fragment MediaFields on Media {
  id
  contentType
  url
  altText
  width
  height
  blurhash
  focus {
    x
    y
  }
  variants {
    url
    width
    height
  }
}
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
  author {
    ...UserFields
  }
  media {
    ...MediaFields
  }
  mentions {
    user {
      handle
    }
    start
    end
  }
  hashtagSpans {
    tag
    start
    end
  }
}`) as unknown as TypedDocumentString<FeedTickEmptyQuery, FeedTickEmptyQueryVariables>;
export const PostPageDocument = new TypedDocumentString(`
    query PostPage($id: ID!) {
  post(id: $id) {
    ...PostFields
    comments(limit: 50) {
      items {
        ...CommentFields
        replies {
          items {
            ...CommentFields
          }
          nextToken
        }
      }
      nextToken
    }
  }
}
    fragment UserFields on User {
  id
  handle
  displayName
  avatar {
    url
    altText
  }
}
fragment MediaFields on Media {
  id
  contentType
  url
  altText
  width
  height
  blurhash
  focus {
    x
    y
  }
  variants {
    url
    width
    height
  }
}
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
  author {
    ...UserFields
  }
  media {
    ...MediaFields
  }
  mentions {
    user {
      handle
    }
    start
    end
  }
  hashtagSpans {
    tag
    start
    end
  }
}
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
  author {
    ...UserFields
  }
  mentions {
    user {
      handle
    }
    start
    end
  }
}`) as unknown as TypedDocumentString<PostPageQuery, PostPageQueryVariables>;
export const ProfilePageDocument = new TypedDocumentString(`
    query ProfilePage($handle: String!) {
  me {
    id
  }
  user(handle: $handle) {
    ...UserFields
    bio
    followerCount
    followingCount
    viewerFollows
    viewerBlocks
    viewerMutes
    posts(limit: 20) {
      items {
        ...PostFields
      }
    }
  }
}
    fragment UserFields on User {
  id
  handle
  displayName
  avatar {
    url
    altText
  }
}
fragment MediaFields on Media {
  id
  contentType
  url
  altText
  width
  height
  blurhash
  focus {
    x
    y
  }
  variants {
    url
    width
    height
  }
}
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
  author {
    ...UserFields
  }
  media {
    ...MediaFields
  }
  mentions {
    user {
      handle
    }
    start
    end
  }
  hashtagSpans {
    tag
    start
    end
  }
}`) as unknown as TypedDocumentString<ProfilePageQuery, ProfilePageQueryVariables>;
export const LikeDocument = new TypedDocumentString(`
    mutation Like($id: ID!) {
  likePost(postId: $id) {
    id
    likeCount
    viewerHasLiked
  }
}
    `) as unknown as TypedDocumentString<LikeMutation, LikeMutationVariables>;
export const UnlikeDocument = new TypedDocumentString(`
    mutation Unlike($id: ID!) {
  unlikePost(postId: $id) {
    id
    likeCount
    viewerHasLiked
  }
}
    `) as unknown as TypedDocumentString<UnlikeMutation, UnlikeMutationVariables>;
export const RepostDocument = new TypedDocumentString(`
    mutation Repost($id: ID!) {
  repost(postId: $id) {
    id
    repostCount
    viewerHasReposted
  }
}
    `) as unknown as TypedDocumentString<RepostMutation, RepostMutationVariables>;
export const UnrepostDocument = new TypedDocumentString(`
    mutation Unrepost($id: ID!) {
  unrepost(postId: $id) {
    id
    repostCount
    viewerHasReposted
  }
}
    `) as unknown as TypedDocumentString<UnrepostMutation, UnrepostMutationVariables>;
export const FollowDocument = new TypedDocumentString(`
    mutation Follow($id: ID!) {
  follow(userId: $id) {
    id
    followerCount
    viewerFollows
  }
}
    `) as unknown as TypedDocumentString<FollowMutation, FollowMutationVariables>;
export const UnfollowDocument = new TypedDocumentString(`
    mutation Unfollow($id: ID!) {
  unfollow(userId: $id) {
    id
    followerCount
    viewerFollows
  }
}
    `) as unknown as TypedDocumentString<UnfollowMutation, UnfollowMutationVariables>;
export const AddCommentDocument = new TypedDocumentString(`
    mutation AddComment($input: AddCommentInput!) {
  addComment(input: $input) {
    ...CommentFields
  }
}
    fragment UserFields on User {
  id
  handle
  displayName
  avatar {
    url
    altText
  }
}
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
  author {
    ...UserFields
  }
  mentions {
    user {
      handle
    }
    start
    end
  }
}`) as unknown as TypedDocumentString<AddCommentMutation, AddCommentMutationVariables>;
export const UpdateCommentDocument = new TypedDocumentString(`
    mutation UpdateComment($input: UpdateCommentInput!) {
  updateComment(input: $input) {
    ...CommentFields
  }
}
    fragment UserFields on User {
  id
  handle
  displayName
  avatar {
    url
    altText
  }
}
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
  author {
    ...UserFields
  }
  mentions {
    user {
      handle
    }
    start
    end
  }
}`) as unknown as TypedDocumentString<UpdateCommentMutation, UpdateCommentMutationVariables>;
export const DeleteCommentDocument = new TypedDocumentString(`
    mutation DeleteComment($postId: ID!, $id: ID!) {
  deleteComment(postId: $postId, id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<DeleteCommentMutation, DeleteCommentMutationVariables>;
export const CreatePostDocument = new TypedDocumentString(`
    mutation CreatePost($input: CreatePostInput!) {
  createPost(input: $input) {
    ...PostFields
  }
}
    fragment UserFields on User {
  id
  handle
  displayName
  avatar {
    url
    altText
  }
}
fragment MediaFields on Media {
  id
  contentType
  url
  altText
  width
  height
  blurhash
  focus {
    x
    y
  }
  variants {
    url
    width
    height
  }
}
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
  author {
    ...UserFields
  }
  media {
    ...MediaFields
  }
  mentions {
    user {
      handle
    }
    start
    end
  }
  hashtagSpans {
    tag
    start
    end
  }
}`) as unknown as TypedDocumentString<CreatePostMutation, CreatePostMutationVariables>;
export const UpdatePostDocument = new TypedDocumentString(`
    mutation UpdatePost($input: UpdatePostInput!) {
  updatePost(input: $input) {
    ...PostFields
  }
}
    fragment UserFields on User {
  id
  handle
  displayName
  avatar {
    url
    altText
  }
}
fragment MediaFields on Media {
  id
  contentType
  url
  altText
  width
  height
  blurhash
  focus {
    x
    y
  }
  variants {
    url
    width
    height
  }
}
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
  author {
    ...UserFields
  }
  media {
    ...MediaFields
  }
  mentions {
    user {
      handle
    }
    start
    end
  }
  hashtagSpans {
    tag
    start
    end
  }
}`) as unknown as TypedDocumentString<UpdatePostMutation, UpdatePostMutationVariables>;
export const DeletePostDocument = new TypedDocumentString(`
    mutation DeletePost($id: ID!) {
  deletePost(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<DeletePostMutation, DeletePostMutationVariables>;
export const CreateUploadDocument = new TypedDocumentString(`
    mutation CreateUpload($input: CreateUploadInput!) {
  createUpload(input: $input) {
    upload {
      id
    }
    url
    fields {
      name
      value
    }
    maxBytes
  }
}
    `) as unknown as TypedDocumentString<CreateUploadMutation, CreateUploadMutationVariables>;
export const CompleteUploadDocument = new TypedDocumentString(`
    mutation CompleteUpload($id: ID!) {
  completeUpload(id: $id) {
    id
    status
    reason
  }
}
    `) as unknown as TypedDocumentString<CompleteUploadMutation, CompleteUploadMutationVariables>;
export const AccountDeletionDocument = new TypedDocumentString(`
    query AccountDeletion {
  me {
    ...UserFields
  }
  accountDeletion {
    status
    removedItems
    startedAt
    finishedAt
  }
}
    fragment UserFields on User {
  id
  handle
  displayName
  avatar {
    url
    altText
  }
}`) as unknown as TypedDocumentString<AccountDeletionQuery, AccountDeletionQueryVariables>;
export const DeleteAccountDocument = new TypedDocumentString(`
    mutation DeleteAccount($confirm: String!) {
  deleteAccount(confirm: $confirm) {
    status
    removedItems
  }
}
    `) as unknown as TypedDocumentString<DeleteAccountMutation, DeleteAccountMutationVariables>;
export const ExportAccountDocument = new TypedDocumentString(`
    mutation ExportAccount {
  exportAccount {
    url
    expiresAt
    items
    files
  }
}
    `) as unknown as TypedDocumentString<ExportAccountMutation, ExportAccountMutationVariables>;
export const RepliesPageDocument = new TypedDocumentString(`
    query RepliesPage($postId: ID!, $id: ID!, $nextToken: String) {
  comment(postId: $postId, id: $id) {
    id
    replies(limit: 20, nextToken: $nextToken) {
      items {
        ...CommentFields
        replies {
          items {
            ...CommentFields
          }
          nextToken
        }
      }
      nextToken
    }
  }
}
    fragment UserFields on User {
  id
  handle
  displayName
  avatar {
    url
    altText
  }
}
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
  author {
    ...UserFields
  }
  mentions {
    user {
      handle
    }
    start
    end
  }
}`) as unknown as TypedDocumentString<RepliesPageQuery, RepliesPageQueryVariables>;
export const CommentHistoryDocument = new TypedDocumentString(`
    query CommentHistory($postId: ID!, $id: ID!) {
  comment(postId: $postId, id: $id) {
    id
    edits(limit: 10) {
      version
      body
      writtenAt
      replacedAt
    }
  }
}
    `) as unknown as TypedDocumentString<CommentHistoryQuery, CommentHistoryQueryVariables>;
export const PostHistoryDocument = new TypedDocumentString(`
    query PostHistory($id: ID!) {
  post(id: $id) {
    id
    edits(limit: 10) {
      version
      title
      body
      writtenAt
      replacedAt
    }
  }
}
    `) as unknown as TypedDocumentString<PostHistoryQuery, PostHistoryQueryVariables>;
export const LikeCommentDocument = new TypedDocumentString(`
    mutation LikeComment($postId: ID!, $id: ID!) {
  likeComment(postId: $postId, id: $id) {
    id
    likeCount
    viewerHasLiked
  }
}
    `) as unknown as TypedDocumentString<LikeCommentMutation, LikeCommentMutationVariables>;
export const UnlikeCommentDocument = new TypedDocumentString(`
    mutation UnlikeComment($postId: ID!, $id: ID!) {
  unlikeComment(postId: $postId, id: $id) {
    id
    likeCount
    viewerHasLiked
  }
}
    `) as unknown as TypedDocumentString<UnlikeCommentMutation, UnlikeCommentMutationVariables>;
export const BookmarkDocument = new TypedDocumentString(`
    mutation Bookmark($id: ID!) {
  bookmark(postId: $id) {
    id
    viewerHasBookmarked
  }
}
    `) as unknown as TypedDocumentString<BookmarkMutation, BookmarkMutationVariables>;
export const UnbookmarkDocument = new TypedDocumentString(`
    mutation Unbookmark($id: ID!) {
  unbookmark(postId: $id) {
    id
    viewerHasBookmarked
  }
}
    `) as unknown as TypedDocumentString<UnbookmarkMutation, UnbookmarkMutationVariables>;
export const BookmarksPageDocument = new TypedDocumentString(`
    query BookmarksPage($nextToken: String) {
  bookmarks(limit: 20, nextToken: $nextToken) {
    items {
      ...PostFields
    }
    nextToken
  }
}
    fragment UserFields on User {
  id
  handle
  displayName
  avatar {
    url
    altText
  }
}
fragment MediaFields on Media {
  id
  contentType
  url
  altText
  width
  height
  blurhash
  focus {
    x
    y
  }
  variants {
    url
    width
    height
  }
}
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
  author {
    ...UserFields
  }
  media {
    ...MediaFields
  }
  mentions {
    user {
      handle
    }
    start
    end
  }
  hashtagSpans {
    tag
    start
    end
  }
}`) as unknown as TypedDocumentString<BookmarksPageQuery, BookmarksPageQueryVariables>;
export const NotificationsPageDocument = new TypedDocumentString(`
    query NotificationsPage($limit: Int!, $nextToken: String) {
  notifications(limit: $limit, nextToken: $nextToken) {
    items {
      ...NotificationFields
    }
    nextToken
  }
}
    fragment UserFields on User {
  id
  handle
  displayName
  avatar {
    url
    altText
  }
}
fragment NotificationFields on Notification {
  id
  kind
  count
  seen
  latestAt
  actors {
    ...UserFields
  }
  post {
    id
    title
  }
  comment {
    body
  }
}`) as unknown as TypedDocumentString<NotificationsPageQuery, NotificationsPageQueryVariables>;
export const UnreadCountDocument = new TypedDocumentString(`
    query UnreadCount {
  unreadNotificationCount
}
    `) as unknown as TypedDocumentString<UnreadCountQuery, UnreadCountQueryVariables>;
export const MarkSeenDocument = new TypedDocumentString(`
    mutation MarkSeen($upTo: AWSDateTime) {
  markNotificationsSeen(upTo: $upTo)
}
    `) as unknown as TypedDocumentString<MarkSeenMutation, MarkSeenMutationVariables>;
export const HashtagPageDocument = new TypedDocumentString(`
    query HashtagPage($tag: String!, $limit: Int!, $nextToken: String) {
  hashtag(tag: $tag) {
    tag
    posts(limit: $limit, nextToken: $nextToken) {
      items {
        ...PostFields
      }
      nextToken
    }
  }
}
    fragment UserFields on User {
  id
  handle
  displayName
  avatar {
    url
    altText
  }
}
fragment MediaFields on Media {
  id
  contentType
  url
  altText
  width
  height
  blurhash
  focus {
    x
    y
  }
  variants {
    url
    width
    height
  }
}
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
  author {
    ...UserFields
  }
  media {
    ...MediaFields
  }
  mentions {
    user {
      handle
    }
    start
    end
  }
  hashtagSpans {
    tag
    start
    end
  }
}`) as unknown as TypedDocumentString<HashtagPageQuery, HashtagPageQueryVariables>;
export const TrendingDocument = new TypedDocumentString(`
    query Trending {
  trendingHashtags(limit: 10) {
    tag
    count
  }
}
    `) as unknown as TypedDocumentString<TrendingQuery, TrendingQueryVariables>;
export const SearchPeopleDocument = new TypedDocumentString(`
    query SearchPeople($query: String!, $nextToken: String) {
  searchUsers(query: $query, limit: 20, nextToken: $nextToken) {
    items {
      ...UserFields
      bio
    }
    nextToken
  }
}
    fragment UserFields on User {
  id
  handle
  displayName
  avatar {
    url
    altText
  }
}`) as unknown as TypedDocumentString<SearchPeopleQuery, SearchPeopleQueryVariables>;
export const BlockDocument = new TypedDocumentString(`
    mutation Block($id: ID!) {
  block(userId: $id) {
    ...RelationFields
  }
}
    fragment RelationFields on User {
  id
  handle
  viewerBlocks
  viewerMutes
}`) as unknown as TypedDocumentString<BlockMutation, BlockMutationVariables>;
export const UnblockDocument = new TypedDocumentString(`
    mutation Unblock($id: ID!) {
  unblock(userId: $id) {
    ...RelationFields
  }
}
    fragment RelationFields on User {
  id
  handle
  viewerBlocks
  viewerMutes
}`) as unknown as TypedDocumentString<UnblockMutation, UnblockMutationVariables>;
export const MuteDocument = new TypedDocumentString(`
    mutation Mute($id: ID!) {
  mute(userId: $id) {
    ...RelationFields
  }
}
    fragment RelationFields on User {
  id
  handle
  viewerBlocks
  viewerMutes
}`) as unknown as TypedDocumentString<MuteMutation, MuteMutationVariables>;
export const UnmuteDocument = new TypedDocumentString(`
    mutation Unmute($id: ID!) {
  unmute(userId: $id) {
    ...RelationFields
  }
}
    fragment RelationFields on User {
  id
  handle
  viewerBlocks
  viewerMutes
}`) as unknown as TypedDocumentString<UnmuteMutation, UnmuteMutationVariables>;
export const ReportDocument = new TypedDocumentString(`
    mutation Report($input: ReportInput!) {
  report(input: $input) {
    id
    caseId
    reason
    createdAt
  }
}
    `) as unknown as TypedDocumentString<ReportMutation, ReportMutationVariables>;
export const BlockedUsersDocument = new TypedDocumentString(`
    query BlockedUsers($nextToken: String) {
  blockedUsers(limit: 50, nextToken: $nextToken) {
    items {
      ...UserFields
    }
    nextToken
  }
}
    fragment UserFields on User {
  id
  handle
  displayName
  avatar {
    url
    altText
  }
}`) as unknown as TypedDocumentString<BlockedUsersQuery, BlockedUsersQueryVariables>;
export const MutedUsersDocument = new TypedDocumentString(`
    query MutedUsers($nextToken: String) {
  mutedUsers(limit: 50, nextToken: $nextToken) {
    items {
      ...UserFields
    }
    nextToken
  }
}
    fragment UserFields on User {
  id
  handle
  displayName
  avatar {
    url
    altText
  }
}`) as unknown as TypedDocumentString<MutedUsersQuery, MutedUsersQueryVariables>;
export const ModerationQueueDocument = new TypedDocumentString(`
    query ModerationQueue($nextToken: String) {
  moderationQueue(limit: 20, nextToken: $nextToken) {
    items {
      ...CaseFields
    }
    nextToken
  }
}
    fragment UserFields on User {
  id
  handle
  displayName
  avatar {
    url
    altText
  }
}
fragment CaseFields on ModerationCase {
  id
  status
  targetKind
  postId
  commentId
  userId
  reportCount
  reasons {
    reason
    count
  }
  firstReportedAt
  lastReportedAt
  content {
    title
    body
    handle
    displayName
  }
  resolution
  author {
    ...UserFields
  }
  reports(limit: 10) {
    items {
      id
      reason
      note
      createdAt
    }
  }
}`) as unknown as TypedDocumentString<ModerationQueueQuery, ModerationQueueQueryVariables>;
export const ResolveReportDocument = new TypedDocumentString(`
    mutation ResolveReport($input: ResolveReportInput!) {
  resolveReport(input: $input) {
    ...CaseFields
  }
}
    fragment UserFields on User {
  id
  handle
  displayName
  avatar {
    url
    altText
  }
}
fragment CaseFields on ModerationCase {
  id
  status
  targetKind
  postId
  commentId
  userId
  reportCount
  reasons {
    reason
    count
  }
  firstReportedAt
  lastReportedAt
  content {
    title
    body
    handle
    displayName
  }
  resolution
  author {
    ...UserFields
  }
  reports(limit: 10) {
    items {
      id
      reason
      note
      createdAt
    }
  }
}`) as unknown as TypedDocumentString<ResolveReportMutation, ResolveReportMutationVariables>;
export const AuditLogDocument = new TypedDocumentString(`
    query AuditLog($nextToken: String) {
  auditLog(limit: 10, nextToken: $nextToken) {
    items {
      ...AuditFields
    }
    nextToken
  }
}
    fragment AuditFields on AuditEntry {
  id
  at
  moderatorId
  action
  caseId
  targetKind
  authorId
  reason
  reportCount
  suspendedUntil
  suspendedIndefinitely
}`) as unknown as TypedDocumentString<AuditLogQuery, AuditLogQueryVariables>;