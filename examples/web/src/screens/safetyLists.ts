// Whom you block and whom you mute (#/blocked, #/muted): private lists, each with its undo.

import type { GraphQLClient } from "../graphql.js";
import { announce, avatar, h } from "../dom.js";
import type { Author } from "../operations.js";
import { BLOCKED_USERS, MUTED_USERS, UNBLOCK, UNMUTE } from "../safetyOperations.js";

type Which = "blocked" | "muted";

const TEXT = {
  blocked: {
    title: "People you block",
    intro: "Neither of you sees the other's posts or comments, and neither can follow or reply. Only you see this list.",
    empty: "You block nobody.",
    undo: "Unblock",
  },
  muted: {
    title: "People you mute",
    intro: "Their posts and comments are hidden from you; they cannot tell. Only you see this list.",
    empty: "You mute nobody.",
    undo: "Unmute",
  },
} as const;

async function page(api: GraphQLClient, which: Which, nextToken: string | null) {
  if (which === "blocked") return (await api.request(BLOCKED_USERS, { nextToken })).blockedUsers;
  return (await api.request(MUTED_USERS, { nextToken })).mutedUsers;
}

async function undo(api: GraphQLClient, which: Which, id: string): Promise<void> {
  if (which === "blocked") await api.request(UNBLOCK, { id });
  else await api.request(UNMUTE, { id });
}

export async function safetyListScreen(main: HTMLElement, api: GraphQLClient, which: Which): Promise<void> {
  const text = TEXT[which];
  const list = h("ul", { class: "users people-list", "aria-label": text.title });
  const empty = h("p", { class: "empty" }, text.empty);
  const more = h("button", { type: "button", class: "more" }, "Load more");
  let nextToken: string | null = null;

  const row = (user: Author) => {
    const button = h("button", { type: "button", class: "undo" }, `${text.undo} @${user.handle}`);
    const item = h(
      "li",
      { "data-user-id": user.id },
      avatar(user),
      h("a", { href: `#/user/${user.handle}` }, `${user.displayName} (@${user.handle})`),
      button,
    );
    button.addEventListener("click", async () => {
      try {
        await undo(api, which, user.id);
        item.remove();
        empty.hidden = list.childElementCount > 0;
        announce(`${text.undo === "Unblock" ? "Unblocked" : "Unmuted"} @${user.handle}`);
        (list.querySelector("button") ?? main.querySelector("h1"))?.focus();
      } catch (error) {
        announce(`Could not change it: ${(error as Error).message}`);
      }
    });
    return item;
  };

  const load = async () => {
    const result = await page(api, which, nextToken);
    list.append(...result.items.map(row));
    nextToken = result.nextToken ?? null;
    more.hidden = !nextToken;
    empty.hidden = list.childElementCount > 0;
  };
  more.addEventListener("click", () => void load().catch((e: Error) => announce(e.message)));
  await load();
  main.replaceChildren(h("h1", {}, text.title), h("p", {}, text.intro), empty, list, more);
}
