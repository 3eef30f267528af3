// A post as a card: author link, image with its alt text, like button, comment count.

import type { GraphQLClient } from "./graphql.js";
import { announce, formatTime, h } from "./dom.js";
import { LIKE, UNLIKE, type Post } from "./operations.js";

interface Liked {
  likePost?: { likeCount: number; viewerHasLiked: boolean };
  unlikePost?: { likeCount: number; viewerHasLiked: boolean };
}

export function postCard(api: GraphQLClient, post: Post): HTMLElement {
  const likeButton = h("button", { type: "button", class: "like" });
  const comments = h("a", { href: `#/post/${post.id}`, class: "comments" });
  const card = h(
    "article",
    { class: "post", "data-post-id": post.id, "aria-labelledby": `title-${post.id}` },
    h(
      "header",
      {},
      h("h2", { id: `title-${post.id}` }, h("a", { href: `#/post/${post.id}` }, post.title)),
      h(
        "p",
        { class: "byline" },
        post.author
          ? h("a", { href: `#/user/${post.author.handle}` }, post.author.displayName)
          : "someone without a profile",
        ` · ${post.category} · `,
        h("time", { datetime: post.createdAt }, formatTime(post.createdAt)),
      ),
    ),
    post.body ? h("p", { class: "body" }, post.body) : null,
    ...post.media
      .filter((m) => m.contentType.startsWith("image/"))
      .map((m) => h("img", { src: m.url, alt: m.altText, loading: "lazy" })),
    h("footer", {}, likeButton, comments),
  );
  const show = (count: number, liked: boolean, commentCount: number) => {
    likeButton.textContent = `${liked ? "♥ Liked" : "♡ Like"} (${count})`;
    likeButton.setAttribute("aria-pressed", String(liked));
    likeButton.dataset.count = String(count);
    comments.textContent = `${commentCount} comment${commentCount === 1 ? "" : "s"}`;
  };
  let state = { likeCount: post.likeCount, viewerHasLiked: post.viewerHasLiked };
  let commentCount = post.commentCount;
  show(state.likeCount, state.viewerHasLiked, commentCount);
  let pending = false;
  likeButton.addEventListener("click", async () => {
    // Not `disabled` while waiting: a disabled button drops keyboard focus.
    if (pending) return;
    pending = true;
    likeButton.setAttribute("aria-busy", "true");
    try {
      const result = await api.request<Liked>(state.viewerHasLiked ? UNLIKE : LIKE, { id: post.id });
      state = (result.likePost ?? result.unlikePost)!;
      show(state.likeCount, state.viewerHasLiked, commentCount);
      announce(state.viewerHasLiked ? "Liked" : "Like removed");
    } catch (error) {
      announce(`Could not change the like: ${(error as Error).message}`);
    } finally {
      pending = false;
      likeButton.removeAttribute("aria-busy");
    }
  });
  // The feed's poll refreshes counts through this hook.
  card.addEventListener("agora:counts", (event) => {
    const fresh = (event as CustomEvent<Pick<Post, "likeCount" | "viewerHasLiked" | "commentCount">>).detail;
    state = { likeCount: fresh.likeCount, viewerHasLiked: fresh.viewerHasLiked };
    commentCount = fresh.commentCount;
    show(state.likeCount, state.viewerHasLiked, commentCount);
  });
  return card;
}
