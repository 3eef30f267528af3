// Blocking, muting and reporting, wherever a person or their content is shown (docs/SAFETY.md).
// A block or mute takes effect on screen at once: every card of that person is removed (the
// API leaves them out of every later read).

import type { GraphQLClient } from "./graphql.js";
import { GraphQLError } from "./graphql.js";
import { announce, h } from "./dom.js";
import { BLOCK, MUTE, REPORT, UNBLOCK, UNMUTE, type ReportReason } from "./safetyOperations.js";
import { currentSession } from "./session.js";

/** The group the API's moderator fields require (AUTH_MODERATOR_GROUP's default). */
export const MODERATOR_GROUP = "moderators";

/** What a card sends (bubbling) when its post leaves the screen; postCard.ts's DELETED_EVENT. */
const GONE_EVENT = "agora:deleted";

/**
 * Whether the signed-in user is a moderator, from the token's `cognito:groups` claim (as a
 * Cognito client reads it). Only for showing the page: the API decides on every request.
 */
export function isModerator(): boolean {
  const token = currentSession()?.token;
  if (!token) return false;
  try {
    const payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    const claims = JSON.parse(atob(payload)) as { "cognito:groups"?: string[] };
    return claims["cognito:groups"]?.includes(MODERATOR_GROUP) ?? false;
  } catch {
    return false;
  }
}

export const REASONS: [ReportReason, string][] = [
  ["SPAM", "Spam"],
  ["HARASSMENT", "Harassment or bullying"],
  ["HATE", "Hate"],
  ["VIOLENCE", "Violence or threats"],
  ["SEXUAL_CONTENT", "Sexual content"],
  ["SELF_HARM", "Self-harm"],
  ["ILLEGAL", "Something illegal"],
  ["OTHER", "Something else"],
];

export type ReportTarget =
  | { kind: "post"; postId: string }
  | { kind: "comment"; postId: string; commentId: string }
  | { kind: "user"; userId: string };

const TARGET_NAMES = { post: "post", comment: "comment", user: "person" } as const;

let dialogs = 0;

/** A button that opens the report dialog for one post, comment or person. */
export function reportButton(api: GraphQLClient, target: ReportTarget, label?: string): HTMLButtonElement {
  const button = h("button", { type: "button", class: "report" }, label ?? `Report ${TARGET_NAMES[target.kind]}`);
  button.addEventListener("click", () => openReportDialog(api, target, button));
  return button;
}

/** A modal dialog: a reason from the API's list, an optional note, and the API's answer. */
export function openReportDialog(api: GraphQLClient, target: ReportTarget, opener: HTMLElement): HTMLDialogElement {
  const n = ++dialogs;
  const name = TARGET_NAMES[target.kind];
  const reason = h(
    "select",
    { id: `report-reason-${n}`, name: "reason", required: true },
    h("option", { value: "" }, "Choose a reason"),
    ...REASONS.map(([value, text]) => h("option", { value }, text)),
  );
  const note = h("textarea", { id: `report-note-${n}`, name: "note", rows: "3", maxlength: "1000" });
  const answer = h("p", { class: "answer", role: "alert" });
  const dialog = h("dialog", { class: "report-dialog", "aria-labelledby": `report-title-${n}` });
  const close = () => {
    dialog.close();
    dialog.remove();
    opener.focus();
  };
  const form = h(
    "form",
    {},
    h("h2", { id: `report-title-${n}` }, `Report this ${name}`),
    h("p", {}, "Only the moderators see your report; the person reported is not told who sent it."),
    h("label", { for: reason.id }, "Why?"),
    reason,
    h("label", { for: note.id }, "Anything the moderators should know (optional)"),
    note,
    answer,
    h(
      "div",
      { class: "actions" },
      h("button", { type: "submit" }, "Send report"),
      h("button", { type: "button", class: "cancel", onclick: close }, "Cancel"),
    ),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const { kind: _kind, ...ids } = target;
    try {
      await api.request(REPORT, { input: { ...ids, reason: reason.value as ReportReason, note: note.value } });
      close();
      announce(`Thank you: the moderators have your report of this ${name}`);
    } catch (error) {
      // A second report of the same thing is CONFLICT: say so here, where the person is looking.
      const already = error instanceof GraphQLError && error.code === "CONFLICT";
      answer.textContent = already ? `${(error as Error).message}.` : `Could not send the report: ${(error as Error).message}`;
      answer.dataset.code = error instanceof GraphQLError ? (error.code ?? "") : "";
    }
  });
  dialog.append(form);
  document.body.append(dialog);
  dialog.addEventListener("cancel", (event) => {
    event.preventDefault();
    close();
  });
  dialog.showModal();
  reason.focus();
  return dialog;
}

export interface Relation {
  id: string;
  handle: string;
  viewerBlocks: boolean;
  viewerMutes: boolean;
}

/** Take every card of this person off the screen, as a later read would leave them out. */
export function removeCardsBy(userId: string): number {
  const cards = [...document.querySelectorAll<HTMLElement>(`article.post[data-author-id="${CSS.escape(userId)}"]`)];
  for (const card of cards) {
    card.dispatchEvent(new CustomEvent(GONE_EVENT, { bubbles: true, detail: card.dataset.postId }));
    card.remove();
  }
  return cards.length;
}

interface Toggle {
  name: "mute" | "block";
  on: (r: Relation) => boolean;
  label: (r: Relation) => string;
  flip: (api: GraphQLClient, r: Relation) => Promise<Relation | null | undefined>;
  said: (r: Relation) => string;
}

const TOGGLES: Toggle[] = [
  {
    name: "mute",
    on: (r) => r.viewerMutes,
    label: (r) => `${r.viewerMutes ? "Unmute" : "Mute"} @${r.handle}`,
    flip: async (api, r) =>
      r.viewerMutes ? (await api.request(UNMUTE, { id: r.id })).unmute : (await api.request(MUTE, { id: r.id })).mute,
    said: (r) => (r.viewerMutes ? `You muted @${r.handle}: their posts are hidden from you` : `You unmuted @${r.handle}`),
  },
  {
    name: "block",
    on: (r) => r.viewerBlocks,
    label: (r) => `${r.viewerBlocks ? "Unblock" : "Block"} @${r.handle}`,
    flip: async (api, r) =>
      r.viewerBlocks ? (await api.request(UNBLOCK, { id: r.id })).unblock : (await api.request(BLOCK, { id: r.id })).block,
    said: (r) =>
      r.viewerBlocks ? `You blocked @${r.handle}: neither of you sees the other's posts` : `You unblocked @${r.handle}`,
  },
];

/** Mute and block toggles for one person; `changed` hears the new state. */
export function relationButtons(
  api: GraphQLClient,
  initial: Relation,
  changed: (now: Relation) => void = () => {},
): HTMLElement[] {
  let relation = initial;
  const buttons = TOGGLES.map((toggle) => ({ toggle, button: h("button", { type: "button", class: toggle.name }) }));
  const show = () => {
    for (const { toggle, button } of buttons) {
      button.textContent = toggle.label(relation);
      button.setAttribute("aria-pressed", String(toggle.on(relation)));
    }
  };
  for (const { toggle, button } of buttons) {
    button.addEventListener("click", async () => {
      // Not `disabled` while waiting: a disabled button drops keyboard focus.
      if (button.getAttribute("aria-busy")) return;
      button.setAttribute("aria-busy", "true");
      try {
        relation = (await toggle.flip(api, relation)) ?? relation;
        show();
        if (relation.viewerBlocks || relation.viewerMutes) removeCardsBy(relation.id);
        changed(relation);
        announce(toggle.said(relation));
      } catch (error) {
        announce(`Could not change it: ${(error as Error).message}`);
      } finally {
        button.removeAttribute("aria-busy");
      }
    });
  }
  show();
  return buttons.map(({ button }) => button);
}

/** A card's "More" menu for someone else's post: report it, mute or block its author. */
export function postSafetyMenu(
  api: GraphQLClient,
  postId: string,
  author: { id: string; handle: string } | null | undefined,
): HTMLElement {
  const menu = h(
    "details",
    { class: "safety-menu" },
    h("summary", {}, "More"),
    h(
      "div",
      {},
      reportButton(api, { kind: "post", postId }),
      // A card's author is neither blocked nor muted by the viewer: the API hides those.
      ...(author ? relationButtons(api, { ...author, viewerBlocks: false, viewerMutes: false }) : []),
    ),
  );
  return menu;
}
