/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment UserFields on User {\n    id\n    handle\n    displayName\n    avatar { url altText }\n  }\n": typeof types.UserFieldsFragmentDoc,
    "\n  fragment MediaFields on Media {\n    id\n    contentType\n    url\n    altText\n    width\n    height\n    blurhash\n    focus { x y }\n    variants { url width height }\n  }\n": typeof types.MediaFieldsFragmentDoc,
    "\n  fragment PostFields on Post {\n    id\n    title\n    body\n    category\n    createdAt\n    updatedAt\n    likeCount\n    commentCount\n    viewerHasLiked\n    viewerHasBookmarked\n    repostCount\n    viewerHasReposted\n    version\n    editedAt\n    author { ...UserFields }\n    media { ...MediaFields }\n    mentions { user { handle } start end }\n    hashtagSpans { tag start end }\n  }\n": typeof types.PostFieldsFragmentDoc,
    "\n  fragment CommentFields on Comment {\n    id\n    postId\n    body\n    createdAt\n    version\n    editedAt\n    parentId\n    depth\n    replyCount\n    likeCount\n    viewerHasLiked\n    deleted\n    author { ...UserFields }\n    mentions { user { handle } start end }\n  }\n": typeof types.CommentFieldsFragmentDoc,
    "\n  query FeedPage($limit: Int!, $nextToken: String) {\n    feed(limit: $limit, nextToken: $nextToken) {\n      entries { post { ...PostFields } repostedBy { ...UserFields } }\n      nextToken\n    }\n  }\n": typeof types.FeedPageDocument,
    "\n  query FeedStart($limit: Int!) {\n    me { ...UserFields }\n    feed(limit: $limit) { entries { post { ...PostFields } repostedBy { ...UserFields } } nextToken }\n    feedUpdates { cursor }\n    categories\n  }\n": typeof types.FeedStartDocument,
    "\n  query FeedTick($after: String!, $ids: [ID!]!) {\n    feedUpdates(after: $after, limit: 50) { items { type postId post { ...PostFields } } cursor }\n    postsByIds(ids: $ids) { id likeCount commentCount viewerHasLiked }\n  }\n": typeof types.FeedTickDocument,
    "\n  query FeedTickEmpty($after: String!) {\n    feedUpdates(after: $after, limit: 50) { items { type postId post { ...PostFields } } cursor }\n  }\n": typeof types.FeedTickEmptyDocument,
    "\n  query PostPage($id: ID!) {\n    post(id: $id) {\n      ...PostFields\n      comments(limit: 50) {\n        items { ...CommentFields replies { items { ...CommentFields } nextToken } }\n        nextToken\n      }\n    }\n  }\n": typeof types.PostPageDocument,
    "\n  query ProfilePage($handle: String!) {\n    me { id }\n    user(handle: $handle) {\n      ...UserFields\n      bio\n      followerCount\n      followingCount\n      viewerFollows\n      viewerBlocks\n      viewerMutes\n      posts(limit: 20) { items { ...PostFields } }\n    }\n  }\n": typeof types.ProfilePageDocument,
    "\n  mutation Like($id: ID!) { likePost(postId: $id) { id likeCount viewerHasLiked } }\n": typeof types.LikeDocument,
    "\n  mutation Unlike($id: ID!) { unlikePost(postId: $id) { id likeCount viewerHasLiked } }\n": typeof types.UnlikeDocument,
    "\n  mutation Repost($id: ID!) { repost(postId: $id) { id repostCount viewerHasReposted } }\n": typeof types.RepostDocument,
    "\n  mutation Unrepost($id: ID!) { unrepost(postId: $id) { id repostCount viewerHasReposted } }\n": typeof types.UnrepostDocument,
    "\n  mutation Follow($id: ID!) { follow(userId: $id) { id followerCount viewerFollows } }\n": typeof types.FollowDocument,
    "\n  mutation Unfollow($id: ID!) { unfollow(userId: $id) { id followerCount viewerFollows } }\n": typeof types.UnfollowDocument,
    "\n  mutation AddComment($input: AddCommentInput!) { addComment(input: $input) { ...CommentFields } }\n": typeof types.AddCommentDocument,
    "\n  mutation UpdateComment($input: UpdateCommentInput!) { updateComment(input: $input) { ...CommentFields } }\n": typeof types.UpdateCommentDocument,
    "\n  mutation DeleteComment($postId: ID!, $id: ID!) { deleteComment(postId: $postId, id: $id) { id } }\n": typeof types.DeleteCommentDocument,
    "\n  mutation CreatePost($input: CreatePostInput!) { createPost(input: $input) { ...PostFields } }\n": typeof types.CreatePostDocument,
    "\n  mutation UpdatePost($input: UpdatePostInput!) { updatePost(input: $input) { ...PostFields } }\n": typeof types.UpdatePostDocument,
    "\n  mutation DeletePost($id: ID!) { deletePost(id: $id) { id } }\n": typeof types.DeletePostDocument,
    "\n  mutation CreateUpload($input: CreateUploadInput!) {\n    createUpload(input: $input) { upload { id } url fields { name value } maxBytes }\n  }\n": typeof types.CreateUploadDocument,
    "\n  mutation CompleteUpload($id: ID!) { completeUpload(id: $id) { id status reason } }\n": typeof types.CompleteUploadDocument,
    "\n  query AccountDeletion { me { ...UserFields } accountDeletion { status removedItems startedAt finishedAt } }\n": typeof types.AccountDeletionDocument,
    "\n  mutation DeleteAccount($confirm: String!) { deleteAccount(confirm: $confirm) { status removedItems } }\n": typeof types.DeleteAccountDocument,
    "\n  mutation ExportAccount { exportAccount { url expiresAt items files } }\n": typeof types.ExportAccountDocument,
    "\n  query RepliesPage($postId: ID!, $id: ID!, $nextToken: String) {\n    comment(postId: $postId, id: $id) {\n      id\n      replies(limit: 20, nextToken: $nextToken) {\n        items { ...CommentFields replies { items { ...CommentFields } nextToken } }\n        nextToken\n      }\n    }\n  }\n": typeof types.RepliesPageDocument,
    "\n  query CommentHistory($postId: ID!, $id: ID!) {\n    comment(postId: $postId, id: $id) { id edits(limit: 10) { version body writtenAt replacedAt } }\n  }\n": typeof types.CommentHistoryDocument,
    "\n  query PostHistory($id: ID!) {\n    post(id: $id) { id edits(limit: 10) { version title body writtenAt replacedAt } }\n  }\n": typeof types.PostHistoryDocument,
    "\n  mutation LikeComment($postId: ID!, $id: ID!) {\n    likeComment(postId: $postId, id: $id) { id likeCount viewerHasLiked }\n  }\n": typeof types.LikeCommentDocument,
    "\n  mutation UnlikeComment($postId: ID!, $id: ID!) {\n    unlikeComment(postId: $postId, id: $id) { id likeCount viewerHasLiked }\n  }\n": typeof types.UnlikeCommentDocument,
    "\n  mutation Bookmark($id: ID!) { bookmark(postId: $id) { id viewerHasBookmarked } }\n": typeof types.BookmarkDocument,
    "\n  mutation Unbookmark($id: ID!) { unbookmark(postId: $id) { id viewerHasBookmarked } }\n": typeof types.UnbookmarkDocument,
    "\n  query BookmarksPage($nextToken: String) {\n    bookmarks(limit: 20, nextToken: $nextToken) { items { ...PostFields } nextToken }\n  }\n": typeof types.BookmarksPageDocument,
    "\n  fragment NotificationFields on Notification {\n    id\n    kind\n    count\n    seen\n    latestAt\n    actors { ...UserFields }\n    post { id title }\n    comment { body }\n  }\n": typeof types.NotificationFieldsFragmentDoc,
    "\n  query NotificationsPage($limit: Int!, $nextToken: String) {\n    notifications(limit: $limit, nextToken: $nextToken) { items { ...NotificationFields } nextToken }\n  }\n": typeof types.NotificationsPageDocument,
    "\n  query UnreadCount { unreadNotificationCount }\n": typeof types.UnreadCountDocument,
    "\n  mutation MarkSeen($upTo: AWSDateTime) { markNotificationsSeen(upTo: $upTo) }\n": typeof types.MarkSeenDocument,
    "\n  query HashtagPage($tag: String!, $limit: Int!, $nextToken: String) {\n    hashtag(tag: $tag) { tag posts(limit: $limit, nextToken: $nextToken) { items { ...PostFields } nextToken } }\n  }\n": typeof types.HashtagPageDocument,
    "\n  query Trending { trendingHashtags(limit: 10) { tag count } }\n": typeof types.TrendingDocument,
    "\n  query SearchPeople($query: String!, $nextToken: String) {\n    searchUsers(query: $query, limit: 20, nextToken: $nextToken) { items { ...UserFields bio } nextToken }\n  }\n": typeof types.SearchPeopleDocument,
    "\n  fragment RelationFields on User { id handle viewerBlocks viewerMutes }\n": typeof types.RelationFieldsFragmentDoc,
    "\n  mutation Block($id: ID!) { block(userId: $id) { ...RelationFields } }\n": typeof types.BlockDocument,
    "\n  mutation Unblock($id: ID!) { unblock(userId: $id) { ...RelationFields } }\n": typeof types.UnblockDocument,
    "\n  mutation Mute($id: ID!) { mute(userId: $id) { ...RelationFields } }\n": typeof types.MuteDocument,
    "\n  mutation Unmute($id: ID!) { unmute(userId: $id) { ...RelationFields } }\n": typeof types.UnmuteDocument,
    "\n  mutation Report($input: ReportInput!) { report(input: $input) { id caseId reason createdAt } }\n": typeof types.ReportDocument,
    "\n  query BlockedUsers($nextToken: String) {\n    blockedUsers(limit: 50, nextToken: $nextToken) { items { ...UserFields } nextToken }\n  }\n": typeof types.BlockedUsersDocument,
    "\n  query MutedUsers($nextToken: String) {\n    mutedUsers(limit: 50, nextToken: $nextToken) { items { ...UserFields } nextToken }\n  }\n": typeof types.MutedUsersDocument,
    "\n  fragment CaseFields on ModerationCase {\n    id\n    status\n    targetKind\n    postId\n    commentId\n    userId\n    reportCount\n    reasons { reason count }\n    firstReportedAt\n    lastReportedAt\n    content { title body handle displayName }\n    resolution\n    author { ...UserFields }\n    reports(limit: 10) { items { id reason note createdAt } }\n  }\n": typeof types.CaseFieldsFragmentDoc,
    "\n  query ModerationQueue($nextToken: String) {\n    moderationQueue(limit: 20, nextToken: $nextToken) { items { ...CaseFields } nextToken }\n  }\n": typeof types.ModerationQueueDocument,
    "\n  mutation ResolveReport($input: ResolveReportInput!) { resolveReport(input: $input) { ...CaseFields } }\n": typeof types.ResolveReportDocument,
    "\n  fragment AuditFields on AuditEntry {\n    id\n    at\n    moderatorId\n    action\n    caseId\n    targetKind\n    authorId\n    reason\n    reportCount\n    suspendedUntil\n    suspendedIndefinitely\n  }\n": typeof types.AuditFieldsFragmentDoc,
    "\n  query AuditLog($nextToken: String) {\n    auditLog(limit: 10, nextToken: $nextToken) { items { ...AuditFields } nextToken }\n  }\n": typeof types.AuditLogDocument,
};
const documents: Documents = {
    "\n  fragment UserFields on User {\n    id\n    handle\n    displayName\n    avatar { url altText }\n  }\n": types.UserFieldsFragmentDoc,
    "\n  fragment MediaFields on Media {\n    id\n    contentType\n    url\n    altText\n    width\n    height\n    blurhash\n    focus { x y }\n    variants { url width height }\n  }\n": types.MediaFieldsFragmentDoc,
    "\n  fragment PostFields on Post {\n    id\n    title\n    body\n    category\n    createdAt\n    updatedAt\n    likeCount\n    commentCount\n    viewerHasLiked\n    viewerHasBookmarked\n    repostCount\n    viewerHasReposted\n    version\n    editedAt\n    author { ...UserFields }\n    media { ...MediaFields }\n    mentions { user { handle } start end }\n    hashtagSpans { tag start end }\n  }\n": types.PostFieldsFragmentDoc,
    "\n  fragment CommentFields on Comment {\n    id\n    postId\n    body\n    createdAt\n    version\n    editedAt\n    parentId\n    depth\n    replyCount\n    likeCount\n    viewerHasLiked\n    deleted\n    author { ...UserFields }\n    mentions { user { handle } start end }\n  }\n": types.CommentFieldsFragmentDoc,
    "\n  query FeedPage($limit: Int!, $nextToken: String) {\n    feed(limit: $limit, nextToken: $nextToken) {\n      entries { post { ...PostFields } repostedBy { ...UserFields } }\n      nextToken\n    }\n  }\n": types.FeedPageDocument,
    "\n  query FeedStart($limit: Int!) {\n    me { ...UserFields }\n    feed(limit: $limit) { entries { post { ...PostFields } repostedBy { ...UserFields } } nextToken }\n    feedUpdates { cursor }\n    categories\n  }\n": types.FeedStartDocument,
    "\n  query FeedTick($after: String!, $ids: [ID!]!) {\n    feedUpdates(after: $after, limit: 50) { items { type postId post { ...PostFields } } cursor }\n    postsByIds(ids: $ids) { id likeCount commentCount viewerHasLiked }\n  }\n": types.FeedTickDocument,
    "\n  query FeedTickEmpty($after: String!) {\n    feedUpdates(after: $after, limit: 50) { items { type postId post { ...PostFields } } cursor }\n  }\n": types.FeedTickEmptyDocument,
    "\n  query PostPage($id: ID!) {\n    post(id: $id) {\n      ...PostFields\n      comments(limit: 50) {\n        items { ...CommentFields replies { items { ...CommentFields } nextToken } }\n        nextToken\n      }\n    }\n  }\n": types.PostPageDocument,
    "\n  query ProfilePage($handle: String!) {\n    me { id }\n    user(handle: $handle) {\n      ...UserFields\n      bio\n      followerCount\n      followingCount\n      viewerFollows\n      viewerBlocks\n      viewerMutes\n      posts(limit: 20) { items { ...PostFields } }\n    }\n  }\n": types.ProfilePageDocument,
    "\n  mutation Like($id: ID!) { likePost(postId: $id) { id likeCount viewerHasLiked } }\n": types.LikeDocument,
    "\n  mutation Unlike($id: ID!) { unlikePost(postId: $id) { id likeCount viewerHasLiked } }\n": types.UnlikeDocument,
    "\n  mutation Repost($id: ID!) { repost(postId: $id) { id repostCount viewerHasReposted } }\n": types.RepostDocument,
    "\n  mutation Unrepost($id: ID!) { unrepost(postId: $id) { id repostCount viewerHasReposted } }\n": types.UnrepostDocument,
    "\n  mutation Follow($id: ID!) { follow(userId: $id) { id followerCount viewerFollows } }\n": types.FollowDocument,
    "\n  mutation Unfollow($id: ID!) { unfollow(userId: $id) { id followerCount viewerFollows } }\n": types.UnfollowDocument,
    "\n  mutation AddComment($input: AddCommentInput!) { addComment(input: $input) { ...CommentFields } }\n": types.AddCommentDocument,
    "\n  mutation UpdateComment($input: UpdateCommentInput!) { updateComment(input: $input) { ...CommentFields } }\n": types.UpdateCommentDocument,
    "\n  mutation DeleteComment($postId: ID!, $id: ID!) { deleteComment(postId: $postId, id: $id) { id } }\n": types.DeleteCommentDocument,
    "\n  mutation CreatePost($input: CreatePostInput!) { createPost(input: $input) { ...PostFields } }\n": types.CreatePostDocument,
    "\n  mutation UpdatePost($input: UpdatePostInput!) { updatePost(input: $input) { ...PostFields } }\n": types.UpdatePostDocument,
    "\n  mutation DeletePost($id: ID!) { deletePost(id: $id) { id } }\n": types.DeletePostDocument,
    "\n  mutation CreateUpload($input: CreateUploadInput!) {\n    createUpload(input: $input) { upload { id } url fields { name value } maxBytes }\n  }\n": types.CreateUploadDocument,
    "\n  mutation CompleteUpload($id: ID!) { completeUpload(id: $id) { id status reason } }\n": types.CompleteUploadDocument,
    "\n  query AccountDeletion { me { ...UserFields } accountDeletion { status removedItems startedAt finishedAt } }\n": types.AccountDeletionDocument,
    "\n  mutation DeleteAccount($confirm: String!) { deleteAccount(confirm: $confirm) { status removedItems } }\n": types.DeleteAccountDocument,
    "\n  mutation ExportAccount { exportAccount { url expiresAt items files } }\n": types.ExportAccountDocument,
    "\n  query RepliesPage($postId: ID!, $id: ID!, $nextToken: String) {\n    comment(postId: $postId, id: $id) {\n      id\n      replies(limit: 20, nextToken: $nextToken) {\n        items { ...CommentFields replies { items { ...CommentFields } nextToken } }\n        nextToken\n      }\n    }\n  }\n": types.RepliesPageDocument,
    "\n  query CommentHistory($postId: ID!, $id: ID!) {\n    comment(postId: $postId, id: $id) { id edits(limit: 10) { version body writtenAt replacedAt } }\n  }\n": types.CommentHistoryDocument,
    "\n  query PostHistory($id: ID!) {\n    post(id: $id) { id edits(limit: 10) { version title body writtenAt replacedAt } }\n  }\n": types.PostHistoryDocument,
    "\n  mutation LikeComment($postId: ID!, $id: ID!) {\n    likeComment(postId: $postId, id: $id) { id likeCount viewerHasLiked }\n  }\n": types.LikeCommentDocument,
    "\n  mutation UnlikeComment($postId: ID!, $id: ID!) {\n    unlikeComment(postId: $postId, id: $id) { id likeCount viewerHasLiked }\n  }\n": types.UnlikeCommentDocument,
    "\n  mutation Bookmark($id: ID!) { bookmark(postId: $id) { id viewerHasBookmarked } }\n": types.BookmarkDocument,
    "\n  mutation Unbookmark($id: ID!) { unbookmark(postId: $id) { id viewerHasBookmarked } }\n": types.UnbookmarkDocument,
    "\n  query BookmarksPage($nextToken: String) {\n    bookmarks(limit: 20, nextToken: $nextToken) { items { ...PostFields } nextToken }\n  }\n": types.BookmarksPageDocument,
    "\n  fragment NotificationFields on Notification {\n    id\n    kind\n    count\n    seen\n    latestAt\n    actors { ...UserFields }\n    post { id title }\n    comment { body }\n  }\n": types.NotificationFieldsFragmentDoc,
    "\n  query NotificationsPage($limit: Int!, $nextToken: String) {\n    notifications(limit: $limit, nextToken: $nextToken) { items { ...NotificationFields } nextToken }\n  }\n": types.NotificationsPageDocument,
    "\n  query UnreadCount { unreadNotificationCount }\n": types.UnreadCountDocument,
    "\n  mutation MarkSeen($upTo: AWSDateTime) { markNotificationsSeen(upTo: $upTo) }\n": types.MarkSeenDocument,
    "\n  query HashtagPage($tag: String!, $limit: Int!, $nextToken: String) {\n    hashtag(tag: $tag) { tag posts(limit: $limit, nextToken: $nextToken) { items { ...PostFields } nextToken } }\n  }\n": types.HashtagPageDocument,
    "\n  query Trending { trendingHashtags(limit: 10) { tag count } }\n": types.TrendingDocument,
    "\n  query SearchPeople($query: String!, $nextToken: String) {\n    searchUsers(query: $query, limit: 20, nextToken: $nextToken) { items { ...UserFields bio } nextToken }\n  }\n": types.SearchPeopleDocument,
    "\n  fragment RelationFields on User { id handle viewerBlocks viewerMutes }\n": types.RelationFieldsFragmentDoc,
    "\n  mutation Block($id: ID!) { block(userId: $id) { ...RelationFields } }\n": types.BlockDocument,
    "\n  mutation Unblock($id: ID!) { unblock(userId: $id) { ...RelationFields } }\n": types.UnblockDocument,
    "\n  mutation Mute($id: ID!) { mute(userId: $id) { ...RelationFields } }\n": types.MuteDocument,
    "\n  mutation Unmute($id: ID!) { unmute(userId: $id) { ...RelationFields } }\n": types.UnmuteDocument,
    "\n  mutation Report($input: ReportInput!) { report(input: $input) { id caseId reason createdAt } }\n": types.ReportDocument,
    "\n  query BlockedUsers($nextToken: String) {\n    blockedUsers(limit: 50, nextToken: $nextToken) { items { ...UserFields } nextToken }\n  }\n": types.BlockedUsersDocument,
    "\n  query MutedUsers($nextToken: String) {\n    mutedUsers(limit: 50, nextToken: $nextToken) { items { ...UserFields } nextToken }\n  }\n": types.MutedUsersDocument,
    "\n  fragment CaseFields on ModerationCase {\n    id\n    status\n    targetKind\n    postId\n    commentId\n    userId\n    reportCount\n    reasons { reason count }\n    firstReportedAt\n    lastReportedAt\n    content { title body handle displayName }\n    resolution\n    author { ...UserFields }\n    reports(limit: 10) { items { id reason note createdAt } }\n  }\n": types.CaseFieldsFragmentDoc,
    "\n  query ModerationQueue($nextToken: String) {\n    moderationQueue(limit: 20, nextToken: $nextToken) { items { ...CaseFields } nextToken }\n  }\n": types.ModerationQueueDocument,
    "\n  mutation ResolveReport($input: ResolveReportInput!) { resolveReport(input: $input) { ...CaseFields } }\n": types.ResolveReportDocument,
    "\n  fragment AuditFields on AuditEntry {\n    id\n    at\n    moderatorId\n    action\n    caseId\n    targetKind\n    authorId\n    reason\n    reportCount\n    suspendedUntil\n    suspendedIndefinitely\n  }\n": types.AuditFieldsFragmentDoc,
    "\n  query AuditLog($nextToken: String) {\n    auditLog(limit: 10, nextToken: $nextToken) { items { ...AuditFields } nextToken }\n  }\n": types.AuditLogDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserFields on User {\n    id\n    handle\n    displayName\n    avatar { url altText }\n  }\n"): typeof import('./graphql.js').UserFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MediaFields on Media {\n    id\n    contentType\n    url\n    altText\n    width\n    height\n    blurhash\n    focus { x y }\n    variants { url width height }\n  }\n"): typeof import('./graphql.js').MediaFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PostFields on Post {\n    id\n    title\n    body\n    category\n    createdAt\n    updatedAt\n    likeCount\n    commentCount\n    viewerHasLiked\n    viewerHasBookmarked\n    repostCount\n    viewerHasReposted\n    version\n    editedAt\n    author { ...UserFields }\n    media { ...MediaFields }\n    mentions { user { handle } start end }\n    hashtagSpans { tag start end }\n  }\n"): typeof import('./graphql.js').PostFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CommentFields on Comment {\n    id\n    postId\n    body\n    createdAt\n    version\n    editedAt\n    parentId\n    depth\n    replyCount\n    likeCount\n    viewerHasLiked\n    deleted\n    author { ...UserFields }\n    mentions { user { handle } start end }\n  }\n"): typeof import('./graphql.js').CommentFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FeedPage($limit: Int!, $nextToken: String) {\n    feed(limit: $limit, nextToken: $nextToken) {\n      entries { post { ...PostFields } repostedBy { ...UserFields } }\n      nextToken\n    }\n  }\n"): typeof import('./graphql.js').FeedPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FeedStart($limit: Int!) {\n    me { ...UserFields }\n    feed(limit: $limit) { entries { post { ...PostFields } repostedBy { ...UserFields } } nextToken }\n    feedUpdates { cursor }\n    categories\n  }\n"): typeof import('./graphql.js').FeedStartDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FeedTick($after: String!, $ids: [ID!]!) {\n    feedUpdates(after: $after, limit: 50) { items { type postId post { ...PostFields } } cursor }\n    postsByIds(ids: $ids) { id likeCount commentCount viewerHasLiked }\n  }\n"): typeof import('./graphql.js').FeedTickDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FeedTickEmpty($after: String!) {\n    feedUpdates(after: $after, limit: 50) { items { type postId post { ...PostFields } } cursor }\n  }\n"): typeof import('./graphql.js').FeedTickEmptyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PostPage($id: ID!) {\n    post(id: $id) {\n      ...PostFields\n      comments(limit: 50) {\n        items { ...CommentFields replies { items { ...CommentFields } nextToken } }\n        nextToken\n      }\n    }\n  }\n"): typeof import('./graphql.js').PostPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProfilePage($handle: String!) {\n    me { id }\n    user(handle: $handle) {\n      ...UserFields\n      bio\n      followerCount\n      followingCount\n      viewerFollows\n      viewerBlocks\n      viewerMutes\n      posts(limit: 20) { items { ...PostFields } }\n    }\n  }\n"): typeof import('./graphql.js').ProfilePageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Like($id: ID!) { likePost(postId: $id) { id likeCount viewerHasLiked } }\n"): typeof import('./graphql.js').LikeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Unlike($id: ID!) { unlikePost(postId: $id) { id likeCount viewerHasLiked } }\n"): typeof import('./graphql.js').UnlikeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Repost($id: ID!) { repost(postId: $id) { id repostCount viewerHasReposted } }\n"): typeof import('./graphql.js').RepostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Unrepost($id: ID!) { unrepost(postId: $id) { id repostCount viewerHasReposted } }\n"): typeof import('./graphql.js').UnrepostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Follow($id: ID!) { follow(userId: $id) { id followerCount viewerFollows } }\n"): typeof import('./graphql.js').FollowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Unfollow($id: ID!) { unfollow(userId: $id) { id followerCount viewerFollows } }\n"): typeof import('./graphql.js').UnfollowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddComment($input: AddCommentInput!) { addComment(input: $input) { ...CommentFields } }\n"): typeof import('./graphql.js').AddCommentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateComment($input: UpdateCommentInput!) { updateComment(input: $input) { ...CommentFields } }\n"): typeof import('./graphql.js').UpdateCommentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteComment($postId: ID!, $id: ID!) { deleteComment(postId: $postId, id: $id) { id } }\n"): typeof import('./graphql.js').DeleteCommentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePost($input: CreatePostInput!) { createPost(input: $input) { ...PostFields } }\n"): typeof import('./graphql.js').CreatePostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePost($input: UpdatePostInput!) { updatePost(input: $input) { ...PostFields } }\n"): typeof import('./graphql.js').UpdatePostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeletePost($id: ID!) { deletePost(id: $id) { id } }\n"): typeof import('./graphql.js').DeletePostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUpload($input: CreateUploadInput!) {\n    createUpload(input: $input) { upload { id } url fields { name value } maxBytes }\n  }\n"): typeof import('./graphql.js').CreateUploadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteUpload($id: ID!) { completeUpload(id: $id) { id status reason } }\n"): typeof import('./graphql.js').CompleteUploadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountDeletion { me { ...UserFields } accountDeletion { status removedItems startedAt finishedAt } }\n"): typeof import('./graphql.js').AccountDeletionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAccount($confirm: String!) { deleteAccount(confirm: $confirm) { status removedItems } }\n"): typeof import('./graphql.js').DeleteAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExportAccount { exportAccount { url expiresAt items files } }\n"): typeof import('./graphql.js').ExportAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RepliesPage($postId: ID!, $id: ID!, $nextToken: String) {\n    comment(postId: $postId, id: $id) {\n      id\n      replies(limit: 20, nextToken: $nextToken) {\n        items { ...CommentFields replies { items { ...CommentFields } nextToken } }\n        nextToken\n      }\n    }\n  }\n"): typeof import('./graphql.js').RepliesPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommentHistory($postId: ID!, $id: ID!) {\n    comment(postId: $postId, id: $id) { id edits(limit: 10) { version body writtenAt replacedAt } }\n  }\n"): typeof import('./graphql.js').CommentHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PostHistory($id: ID!) {\n    post(id: $id) { id edits(limit: 10) { version title body writtenAt replacedAt } }\n  }\n"): typeof import('./graphql.js').PostHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LikeComment($postId: ID!, $id: ID!) {\n    likeComment(postId: $postId, id: $id) { id likeCount viewerHasLiked }\n  }\n"): typeof import('./graphql.js').LikeCommentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnlikeComment($postId: ID!, $id: ID!) {\n    unlikeComment(postId: $postId, id: $id) { id likeCount viewerHasLiked }\n  }\n"): typeof import('./graphql.js').UnlikeCommentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Bookmark($id: ID!) { bookmark(postId: $id) { id viewerHasBookmarked } }\n"): typeof import('./graphql.js').BookmarkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Unbookmark($id: ID!) { unbookmark(postId: $id) { id viewerHasBookmarked } }\n"): typeof import('./graphql.js').UnbookmarkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BookmarksPage($nextToken: String) {\n    bookmarks(limit: 20, nextToken: $nextToken) { items { ...PostFields } nextToken }\n  }\n"): typeof import('./graphql.js').BookmarksPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationFields on Notification {\n    id\n    kind\n    count\n    seen\n    latestAt\n    actors { ...UserFields }\n    post { id title }\n    comment { body }\n  }\n"): typeof import('./graphql.js').NotificationFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationsPage($limit: Int!, $nextToken: String) {\n    notifications(limit: $limit, nextToken: $nextToken) { items { ...NotificationFields } nextToken }\n  }\n"): typeof import('./graphql.js').NotificationsPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadCount { unreadNotificationCount }\n"): typeof import('./graphql.js').UnreadCountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkSeen($upTo: AWSDateTime) { markNotificationsSeen(upTo: $upTo) }\n"): typeof import('./graphql.js').MarkSeenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HashtagPage($tag: String!, $limit: Int!, $nextToken: String) {\n    hashtag(tag: $tag) { tag posts(limit: $limit, nextToken: $nextToken) { items { ...PostFields } nextToken } }\n  }\n"): typeof import('./graphql.js').HashtagPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Trending { trendingHashtags(limit: 10) { tag count } }\n"): typeof import('./graphql.js').TrendingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchPeople($query: String!, $nextToken: String) {\n    searchUsers(query: $query, limit: 20, nextToken: $nextToken) { items { ...UserFields bio } nextToken }\n  }\n"): typeof import('./graphql.js').SearchPeopleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RelationFields on User { id handle viewerBlocks viewerMutes }\n"): typeof import('./graphql.js').RelationFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Block($id: ID!) { block(userId: $id) { ...RelationFields } }\n"): typeof import('./graphql.js').BlockDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Unblock($id: ID!) { unblock(userId: $id) { ...RelationFields } }\n"): typeof import('./graphql.js').UnblockDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Mute($id: ID!) { mute(userId: $id) { ...RelationFields } }\n"): typeof import('./graphql.js').MuteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Unmute($id: ID!) { unmute(userId: $id) { ...RelationFields } }\n"): typeof import('./graphql.js').UnmuteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Report($input: ReportInput!) { report(input: $input) { id caseId reason createdAt } }\n"): typeof import('./graphql.js').ReportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BlockedUsers($nextToken: String) {\n    blockedUsers(limit: 50, nextToken: $nextToken) { items { ...UserFields } nextToken }\n  }\n"): typeof import('./graphql.js').BlockedUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MutedUsers($nextToken: String) {\n    mutedUsers(limit: 50, nextToken: $nextToken) { items { ...UserFields } nextToken }\n  }\n"): typeof import('./graphql.js').MutedUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CaseFields on ModerationCase {\n    id\n    status\n    targetKind\n    postId\n    commentId\n    userId\n    reportCount\n    reasons { reason count }\n    firstReportedAt\n    lastReportedAt\n    content { title body handle displayName }\n    resolution\n    author { ...UserFields }\n    reports(limit: 10) { items { id reason note createdAt } }\n  }\n"): typeof import('./graphql.js').CaseFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ModerationQueue($nextToken: String) {\n    moderationQueue(limit: 20, nextToken: $nextToken) { items { ...CaseFields } nextToken }\n  }\n"): typeof import('./graphql.js').ModerationQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolveReport($input: ResolveReportInput!) { resolveReport(input: $input) { ...CaseFields } }\n"): typeof import('./graphql.js').ResolveReportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuditFields on AuditEntry {\n    id\n    at\n    moderatorId\n    action\n    caseId\n    targetKind\n    authorId\n    reason\n    reportCount\n    suspendedUntil\n    suspendedIndefinitely\n  }\n"): typeof import('./graphql.js').AuditFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($nextToken: String) {\n    auditLog(limit: 10, nextToken: $nextToken) { items { ...AuditFields } nextToken }\n  }\n"): typeof import('./graphql.js').AuditLogDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
