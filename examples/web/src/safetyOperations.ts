// The safety operations: blocks, mutes, reports, and the moderators' queue, actions and audit
// log (docs/SAFETY.md). Typed by `make codegen` like those in operations.ts.

import { graphql } from "./gql/index.js";

export type {
  AuditFieldsFragment as AuditEntry,
  CaseFieldsFragment as ModerationCase,
  ModerationAction,
  ReportReason,
} from "./gql/graphql.js";

graphql(`
  fragment RelationFields on User { id handle viewerBlocks viewerMutes }
`);

export const BLOCK = graphql(`
  mutation Block($id: ID!) { block(userId: $id) { ...RelationFields } }
`);
export const UNBLOCK = graphql(`
  mutation Unblock($id: ID!) { unblock(userId: $id) { ...RelationFields } }
`);
export const MUTE = graphql(`
  mutation Mute($id: ID!) { mute(userId: $id) { ...RelationFields } }
`);
export const UNMUTE = graphql(`
  mutation Unmute($id: ID!) { unmute(userId: $id) { ...RelationFields } }
`);

export const REPORT = graphql(`
  mutation Report($input: ReportInput!) { report(input: $input) { id caseId reason createdAt } }
`);

export const BLOCKED_USERS = graphql(`
  query BlockedUsers($nextToken: String) {
    blockedUsers(limit: 50, nextToken: $nextToken) { items { ...UserFields } nextToken }
  }
`);
export const MUTED_USERS = graphql(`
  query MutedUsers($nextToken: String) {
    mutedUsers(limit: 50, nextToken: $nextToken) { items { ...UserFields } nextToken }
  }
`);

graphql(`
  fragment CaseFields on ModerationCase {
    id
    status
    targetKind
    postId
    commentId
    userId
    reportCount
    reasons { reason count }
    firstReportedAt
    lastReportedAt
    content { title body handle displayName }
    resolution
    author { ...UserFields }
    reports(limit: 10) { items { id reason note createdAt } }
  }
`);

export const MODERATION_QUEUE = graphql(`
  query ModerationQueue($nextToken: String) {
    moderationQueue(limit: 20, nextToken: $nextToken) { items { ...CaseFields } nextToken }
  }
`);

export const RESOLVE_REPORT = graphql(`
  mutation ResolveReport($input: ResolveReportInput!) { resolveReport(input: $input) { ...CaseFields } }
`);

graphql(`
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
`);

export const AUDIT_LOG = graphql(`
  query AuditLog($nextToken: String) {
    auditLog(limit: 10, nextToken: $nextToken) { items { ...AuditFields } nextToken }
  }
`);
