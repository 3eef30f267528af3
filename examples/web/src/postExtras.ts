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

export function postHistoryButton(api: GraphQLClient, postId: string, card: HTMLElement): HTMLElement {
  const button = h("button", { type: "button", class: "history-toggle", "aria-expanded": "false" }, "edited");
  button.addEventListener("click", async () => {
    const open = card.querySelector(".history");
    if (open) {
      open.remove();
      button.setAttribute("aria-expanded", "false");
      return;
    }
    try {
      const { post } = await api.request(POST_HISTORY, { id: postId });
      const versions = (post?.edits ?? []).map((e) =>
        h("li", { class: "version" }, timeElement(e.writtenAt), ": ", h("strong", {}, e.title ?? ""), " ", e.body),
      );
      card.querySelector("header")?.after(h("ol", { class: "history", "aria-label": "Earlier versions" }, ...versions));
      button.setAttribute("aria-expanded", "true");
    } catch (error) {
      announce(`Could not load the history: ${(error as Error).message}`);
    }
  });
  return button;
}
