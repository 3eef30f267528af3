// A post's bookmark button, and its "edited" mark that opens the versions edits replaced.

import type { GraphQLClient } from "./graphql.js";
import { announce, h, timeElement } from "./dom.js";
import { BOOKMARK, POST_HISTORY, UNBOOKMARK, type Post } from "./operations.js";

export function bookmarkButton(api: GraphQLClient, post: Pick<Post, "id" | "viewerHasBookmarked">): HTMLElement {
  let saved = post.viewerHasBookmarked;
  const button = h("button", { type: "button", class: "bookmark" });
  const show = () => {
    button.textContent = saved ? "★ Saved" : "☆ Save";
    button.setAttribute("aria-pressed", String(saved));
  };
  button.addEventListener("click", async () => {
    try {
      saved = saved
        ? (await api.request(UNBOOKMARK, { id: post.id })).unbookmark?.viewerHasBookmarked ?? false
        : (await api.request(BOOKMARK, { id: post.id })).bookmark.viewerHasBookmarked;
      show();
      announce(saved ? "Saved to your bookmarks" : "Removed from your bookmarks");
    } catch (error) {
      announce(`Could not change the bookmark: ${(error as Error).message}`);
    }
  });
  show();
  return button;
}

/** An "edited" mark that shows (and hides again) the versions `load` finds, after `anchor`. */
export function historyButton(anchor: () => Element | null, load: () => Promise<HTMLElement[]>): HTMLButtonElement {
  const button = h("button", { type: "button", class: "history-toggle", "aria-expanded": "false" }, "edited");
  let shown: HTMLElement | null = null;
  button.addEventListener("click", async () => {
    if (shown) {
      shown.remove();
      shown = null;
      button.setAttribute("aria-expanded", "false");
      return;
    }
    try {
      shown = h("ol", { class: "history", "aria-label": "Earlier versions" }, ...(await load()));
      anchor()?.after(shown);
      button.setAttribute("aria-expanded", "true");
    } catch (error) {
      announce(`Could not load the history: ${(error as Error).message}`);
    }
  });
  return button;
}

export function postHistoryButton(api: GraphQLClient, postId: string, card: HTMLElement): HTMLElement {
  return historyButton(
    () => card.querySelector("header"),
    async () => {
      const { post } = await api.request(POST_HISTORY, { id: postId });
      return (post?.edits ?? []).map((e) =>
        h("li", { class: "version" }, timeElement(e.writtenAt), ": ", h("strong", {}, e.title ?? ""), " ", e.body),
      );
    },
  );
}
