// The moderators' page (#/moderation): open cases, most reported first, each with its counts,
// the content as it was reported and the reports; dismiss, remove the content or suspend its
// author, with a reason; and the audit log, page by page. Others get the API's FORBIDDEN.

import { GraphQLError, type GraphQLClient } from "../graphql.js";
import { announce, avatar, h, timeElement } from "../dom.js";
import { REASONS } from "../safety.js";
import {
  AUDIT_LOG,
  MODERATION_QUEUE,
  RESOLVE_REPORT,
  type AuditEntry,
  type ModerationAction,
  type ModerationCase,
} from "../safetyOperations.js";

const REASON_NAMES = new Map(REASONS);
const ACTION_NAMES: Record<ModerationAction, string> = {
  DISMISS: "Dismissed",
  REMOVE_CONTENT: "Removed the content",
  SUSPEND_AUTHOR: "Suspended the author",
};
const KIND_NAMES = { POST: "Post", COMMENT: "Comment", USER: "Person" } as const;

export async function moderationScreen(main: HTMLElement, api: GraphQLClient): Promise<void> {
  let queue;
  try {
    queue = (await api.request(MODERATION_QUEUE, { nextToken: null })).moderationQueue;
  } catch (error) {
    if (!(error instanceof GraphQLError) || error.code !== "FORBIDDEN") throw error;
    main.replaceChildren(
      h("h1", {}, "Moderation"),
      h("p", { class: "forbidden", "data-code": "FORBIDDEN" }, `${error.message}.`),
    );
    return;
  }
  const cases = h("div", { class: "cases" });
  const none = h("p", { class: "empty" }, "No open reports.");
  const moreCases = h("button", { type: "button", class: "more" }, "More cases");
  const audit = auditLog(api);
  let casesToken = queue.nextToken ?? null;
  const showCases = (items: ModerationCase[]) => {
    cases.append(
      ...items.map((c) =>
        caseCard(api, c, () => {
          none.hidden = cases.childElementCount > 0;
          void audit.reload();
        }),
      ),
    );
    none.hidden = cases.childElementCount > 0;
    moreCases.hidden = !casesToken;
  };
  moreCases.addEventListener("click", async () => {
    const page = (await api.request(MODERATION_QUEUE, { nextToken: casesToken })).moderationQueue;
    casesToken = page.nextToken ?? null;
    showCases(page.items);
  });
  showCases(queue.items);
  await audit.reload();
  main.replaceChildren(
    h("h1", {}, "Moderation"),
    h("h2", {}, "Open reports, most reported first"),
    none,
    cases,
    moreCases,
    h("h2", {}, "Audit log"),
    audit.element,
  );
}

function content(c: ModerationCase): HTMLElement {
  if (c.targetKind === "USER") {
    return h("blockquote", {}, h("p", {}, `${c.content.displayName} (@${c.content.handle})`), h("p", {}, c.content.body));
  }
  return h(
    "blockquote",
    {},
    c.content.title ? h("p", { class: "title" }, c.content.title) : null,
    h("p", {}, c.content.body),
  );
}

function caseCard(api: GraphQLClient, c: ModerationCase, resolved: () => void): HTMLElement {
  const id = c.id.replace(/[^\w-]/g, "_");
  const card = h("article", { class: "case", "data-case-id": c.id, "aria-labelledby": `case-${id}` });
  const actions: [ModerationAction, string][] = [
    ["DISMISS", "Dismiss: nothing wrong"],
    ...(c.targetKind === "USER" ? [] : ([["REMOVE_CONTENT", "Remove the content"]] as [ModerationAction, string][])),
    ["SUSPEND_AUTHOR", c.targetKind === "USER" ? "Suspend this person" : "Suspend the author"],
  ];
  const radios = actions.map(([value, label], n) =>
    h(
      "label",
      { class: "choice" },
      h("input", { type: "radio", name: `action-${id}`, value, required: true, checked: n === 0 }),
      ` ${label}`,
    ),
  );
  const days = h("input", { id: `days-${id}`, name: "days", type: "number", min: "1", max: "3650", value: "7" });
  const forever = h("input", { id: `forever-${id}`, name: "indefinitely", type: "checkbox" });
  const suspension = h(
    "fieldset",
    { class: "suspension", hidden: true },
    h("legend", {}, "For how long"),
    h("label", { for: days.id }, "Days"),
    days,
    h("label", { for: forever.id, class: "choice" }, forever, " Indefinitely"),
  );
  const reason = h("textarea", { id: `why-${id}`, name: "reason", required: true, maxlength: "1000", rows: "2" });
  const form = h(
    "form",
    { class: "resolve" },
    h("fieldset", {}, h("legend", {}, "Decision"), ...radios),
    suspension,
    h("label", { for: reason.id }, "Reason (kept in the audit log)"),
    reason,
    h("button", { type: "submit" }, "Apply"),
  );
  const chosen = () =>
    (form.querySelector<HTMLInputElement>(`input[name="action-${id}"]:checked`)?.value ?? "DISMISS") as ModerationAction;
  form.addEventListener("change", () => {
    suspension.hidden = chosen() !== "SUSPEND_AUTHOR";
    days.disabled = forever.checked;
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const action = chosen();
    const suspend = action === "SUSPEND_AUTHOR";
    try {
      await api.request(RESOLVE_REPORT, {
        input: {
          id: c.id,
          action,
          reason: reason.value,
          suspendForDays: suspend && !forever.checked ? Number(days.value) : null,
          suspendIndefinitely: suspend && forever.checked,
        },
      });
      card.remove();
      resolved();
      announce(`${ACTION_NAMES[action]}: the case is closed`);
    } catch (error) {
      announce(`Could not resolve the case: ${(error as Error).message}`);
    }
  });
  const reasons = c.reasons.map((r) => `${REASON_NAMES.get(r.reason) ?? r.reason} × ${r.count}`).join(", ");
  card.append(
    h(
      "header",
      {},
      avatar(c.author),
      h(
        "div",
        {},
        h(
          "h3",
          { id: `case-${id}` },
          c.targetKind === "USER" ? "Person: " : `${KIND_NAMES[c.targetKind]} by `,
          c.author ? h("a", { href: `#/user/${c.author.handle}` }, `@${c.author.handle}`) : `@${c.content.handle}`,
          h("span", { class: "count" }, ` · ${c.reportCount} report${c.reportCount === 1 ? "" : "s"}`),
        ),
        h("p", { class: "byline" }, reasons, " · last reported ", timeElement(c.lastReportedAt)),
      ),
    ),
    content(c),
    h(
      "ul",
      { class: "reports" },
      ...c.reports.items.map((r) =>
        h("li", {}, REASON_NAMES.get(r.reason) ?? r.reason, r.note ? `: “${r.note}”` : "", " · ", timeElement(r.createdAt)),
      ),
    ),
    form,
  );
  return card;
}

function auditLog(api: GraphQLClient): { element: HTMLElement; reload: () => Promise<void> } {
  const list = h("ol", { class: "audit", "aria-label": "Audit log" });
  const older = h("button", { type: "button", class: "more" }, "Older entries");
  let nextToken: string | null = null;
  const entry = (e: AuditEntry) => {
    const until = e.suspendedIndefinitely
      ? " · suspended indefinitely"
      : e.suspendedUntil
        ? ` · suspended until ${new Date(e.suspendedUntil).toLocaleString()}`
        : "";
    return h(
      "li",
      { "data-action": e.action, "data-case-id": e.caseId },
      timeElement(e.at),
      ` · ${ACTION_NAMES[e.action]} (${KIND_NAMES[e.targetKind].toLowerCase()}, ${e.reportCount} report${e.reportCount === 1 ? "" : "s"})${until}`,
      h("p", { class: "why" }, `“${e.reason}”`),
      h("p", { class: "who" }, `by moderator ${e.moderatorId} · author ${e.authorId}`),
    );
  };
  const load = async (fresh: boolean) => {
    const page = (await api.request(AUDIT_LOG, { nextToken: fresh ? null : nextToken })).auditLog;
    if (fresh) list.replaceChildren();
    list.append(...page.items.map(entry));
    nextToken = page.nextToken ?? null;
    older.hidden = !nextToken;
    if (!list.childElementCount) list.append(h("li", { class: "empty" }, "No moderator action yet."));
  };
  older.addEventListener("click", () => void load(false).catch((e: Error) => announce(e.message)));
  return { element: h("div", {}, list, older), reload: () => load(true) };
}
