// The notifications tab: grouped entries, newest first; opening it marks them seen.

import type { GraphQLClient } from "../graphql.js";
import { announce, avatar, h, timeElement } from "../dom.js";
import { MARK_SEEN, NOTIFICATIONS_PAGE, type Notification } from "../operations.js";

const PAGE = 20;

function who(entry: Notification): string {
  const [first] = entry.actors;
  const name = first ? first.displayName : "Someone";
  const others = entry.count - 1;
  return others > 0 ? `${name} and ${others} other${others === 1 ? "" : "s"}` : name;
}

function what(entry: Notification): string {
  switch (entry.kind) {
    case "LIKE":
      return "liked your post";
    case "COMMENT":
      return "commented on your post";
    case "FOLLOW":
      return "followed you";
    case "MENTION":
      return "mentioned you";
    default:
      return "did something";
  }
}

function item(entry: Notification): HTMLElement {
  const target = entry.post
    ? h("a", { href: `#/post/${entry.post.id}` }, entry.post.title)
    : entry.actors[0]
      ? h("a", { href: `#/user/${entry.actors[0].handle}` }, `@${entry.actors[0].handle}`)
      : null;
  return h(
    "li",
    { class: `notification${entry.seen ? "" : " unread"}`, "data-kind": entry.kind },
    h("span", { class: "actors" }, ...entry.actors.map((a) => avatar(a))),
    h(
      "p",
      {},
      h("strong", {}, who(entry)),
      ` ${what(entry)} `,
      target,
      entry.comment ? h("q", {}, entry.comment.body) : null,
      " · ",
      timeElement(entry.latestAt),
      entry.seen ? null : h("span", { class: "visually-hidden" }, " (new)"),
    ),
  );
}

/** `onSeen` is told once the entries are marked seen, so the badge can clear. */
export async function notificationsScreen(
  main: HTMLElement,
  api: GraphQLClient,
  onSeen: () => void,
): Promise<void> {
  const first = await api.request(NOTIFICATIONS_PAGE, { limit: PAGE, nextToken: null });
  const list = h("ul", { class: "notifications" }, ...first.notifications.items.map(item));
  let nextToken = first.notifications.nextToken ?? null;
  const more = h("button", { type: "button", class: "more", hidden: !nextToken }, "Older notifications");
  more.addEventListener("click", async () => {
    if (!nextToken) return;
    const page = await api.request(NOTIFICATIONS_PAGE, { limit: PAGE, nextToken });
    list.append(...page.notifications.items.map(item));
    nextToken = page.notifications.nextToken ?? null;
    more.hidden = !nextToken;
  });
  main.replaceChildren(
    h("h1", {}, "Notifications"),
    first.notifications.items.length ? list : h("p", { class: "empty" }, "Nothing yet."),
    more,
  );
  // Everything so far is seen, on every device of yours.
  if (first.notifications.items.some((e) => !e.seen)) {
    await api.request(MARK_SEEN, { upTo: null });
    announce("All caught up");
  }
  onSeen();
}
