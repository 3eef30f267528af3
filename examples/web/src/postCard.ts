// A post as a card: author with avatar, relative time, image with its alt text, like button,
// comment count, and for your own posts: edit and delete.

import { GraphQLError, type GraphQLClient } from "./graphql.js";
import { announce, avatar, h, timeElement } from "./dom.js";
import { mediaImage } from "./media.js";
import { postSafetyMenu } from "./safety.js";
import {
  DELETE_POST,
  LIKE,
  REPOST,
  UNLIKE,
  UNREPOST,
  UPDATE_POST,
  type Author,
  type Post,
} from "./operations.js";
import { bookmarkButton, postHistoryButton } from "./postExtras.js";
import { richText } from "./richText.js";
import { currentSession } from "./session.js";

type Counts = Pick<Post, "likeCount" | "viewerHasLiked" | "commentCount">;

/** Events a card takes: fresh counts (from a poll), a newer version of the post. */
export const COUNTS_EVENT = "agora:counts";
export const UPDATED_EVENT = "agora:updated";
/** What a card sends (bubbling) once its post is deleted. */
export const DELETED_EVENT = "agora:deleted";

/** `repostedBy`: who of the people you follow brought the post into your feed. */
export function postCard(api: GraphQLClient, initial: Post, repostedBy: Author | null = null): HTMLElement {
  let post = initial;
  const card = h("article", {
    class: "post",
    "data-post-id": post.id,
    "data-author-id": post.author?.id,
    "aria-labelledby": `title-${post.id}`,
  });
  const likeButton = h("button", { type: "button", class: "like" });
  const comments = h("a", { href: `#/post/${post.id}`, class: "comments" });
  const repostButton = h("button", { type: "button", class: "repost" });

  const showCounts = () => {
    repostButton.textContent = `${post.viewerHasReposted ? "⟲ Reposted" : "⟲ Repost"} (${post.repostCount})`;
    repostButton.setAttribute("aria-pressed", String(post.viewerHasReposted));
    repostButton.dataset.count = String(post.repostCount);
    likeButton.textContent = `${post.viewerHasLiked ? "♥ Liked" : "♡ Like"} (${post.likeCount})`;
    likeButton.setAttribute("aria-pressed", String(post.viewerHasLiked));
    likeButton.dataset.count = String(post.likeCount);
    comments.textContent = `${post.commentCount} comment${post.commentCount === 1 ? "" : "s"}`;
    comments.dataset.count = String(post.commentCount);
  };

  const render = () => {
    const mine = post.author !== null && post.author?.id === currentSession()?.userId;
    const body = post.body ? h("p", { class: "body" }, ...richText(post.body, post.mentions, post.hashtagSpans)) : "";
    card.replaceChildren(
      repostedBy
        ? h(
            "p",
            { class: "reposted-by" },
            "⟲ Reposted by ",
            h("a", { href: `#/user/${repostedBy.handle}` }, repostedBy.displayName),
          )
        : "",
      h(
        "header",
        {},
        avatar(post.author),
        h(
          "div",
          {},
          h("h2", { id: `title-${post.id}` }, h("a", { href: `#/post/${post.id}` }, post.title)),
          h(
            "p",
            { class: "byline" },
            post.author
              ? h("a", { href: `#/user/${post.author.handle}` }, post.author.displayName)
              : "someone without a profile",
            ` · ${post.category} · `,
            timeElement(post.createdAt),
            post.editedAt ? " · " : null,
            post.editedAt ? postHistoryButton(api, post.id, card) : null,
          ),
        ),
      ),
      body,
      ...post.media.filter((m) => m.contentType.startsWith("image/")).map(mediaImage),
      h(
        "footer",
        {},
        likeButton,
        mine ? null : repostButton,
        comments,
        bookmarkButton(api, post),
        mine ? h("button", { type: "button", class: "edit", onclick: () => edit() }, "Edit") : null,
        mine ? h("button", { type: "button", class: "delete", onclick: () => confirmDelete() }, "Delete") : null,
        mine ? null : postSafetyMenu(api, post.id, post.author),
      ),
    );
    showCounts();
  };

  const edit = () => {
    const title = h("input", { id: `edit-title-${post.id}`, name: "title", required: true, maxlength: "200", value: post.title });
    const body = h("textarea", { id: `edit-body-${post.id}`, name: "body", rows: "3", maxlength: "10000" }, post.body);
    const form = h(
      "form",
      { class: "edit-post" },
      h("label", { for: title.id }, "Title"),
      title,
      h("label", { for: body.id }, "Text"),
      body,
      h("div", { class: "actions" }, h("button", { type: "submit" }, "Save"), h("button", { type: "button", onclick: render }, "Cancel")),
    );
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      try {
        const { updatePost } = await api.request(UPDATE_POST, {
          input: { id: post.id, expectedVersion: post.version, title: title.value, body: body.value },
        });
        post = updatePost;
        render();
        announce("Post saved");
        card.querySelector<HTMLElement>("button.edit")?.focus();
      } catch (error) {
        if (error instanceof GraphQLError && error.code === "CONFLICT") {
          announce("This post changed since you opened it: reload to see the latest, then edit again");
        } else {
          announce(`Could not save: ${(error as Error).message}`);
        }
      }
    });
    card.replaceChildren(form);
    title.focus();
  };

  const confirmDelete = () => {
    const footer = card.querySelector("footer");
    if (!footer) return;
    const yes = h("button", { type: "button", class: "confirm-delete" }, "Yes, delete it");
    const no = h("button", { type: "button", onclick: render }, "Keep it");
    footer.replaceChildren(h("span", {}, "Delete this post?"), yes, no);
    no.focus();
    yes.addEventListener("click", async () => {
      try {
        await api.request(DELETE_POST, { id: post.id });
        card.dispatchEvent(new CustomEvent(DELETED_EVENT, { bubbles: true, detail: post.id }));
        card.remove();
        announce("Post deleted");
      } catch (error) {
        announce(`Could not delete: ${(error as Error).message}`);
      }
    });
  };

  let pending = false;
  likeButton.addEventListener("click", async () => {
    // Not `disabled` while waiting: a disabled button drops keyboard focus.
    if (pending) return;
    pending = true;
    likeButton.setAttribute("aria-busy", "true");
    try {
      const variables = { id: post.id };
      const fresh = post.viewerHasLiked
        ? (await api.request(UNLIKE, variables)).unlikePost
        : (await api.request(LIKE, variables)).likePost;
      post = { ...post, likeCount: fresh.likeCount, viewerHasLiked: fresh.viewerHasLiked };
      showCounts();
      announce(post.viewerHasLiked ? "Liked" : "Like removed");
    } catch (error) {
      announce(`Could not change the like: ${(error as Error).message}`);
    } finally {
      pending = false;
      likeButton.removeAttribute("aria-busy");
    }
  });
  let reposting = false;
  repostButton.addEventListener("click", async () => {
    if (reposting) return;
    reposting = true;
    repostButton.setAttribute("aria-busy", "true");
    try {
      const variables = { id: post.id };
      const fresh = post.viewerHasReposted
        ? (await api.request(UNREPOST, variables)).unrepost
        : (await api.request(REPOST, variables)).repost;
      post = { ...post, repostCount: fresh.repostCount, viewerHasReposted: fresh.viewerHasReposted };
      showCounts();
      announce(post.viewerHasReposted ? "Reposted to your followers" : "Repost taken back");
    } catch (error) {
      announce(`Could not change the repost: ${(error as Error).message}`);
    } finally {
      reposting = false;
      repostButton.removeAttribute("aria-busy");
    }
  });
  card.addEventListener(COUNTS_EVENT, (event) => {
    post = { ...post, ...(event as CustomEvent<Counts>).detail };
    showCounts();
  });
  card.addEventListener(UPDATED_EVENT, (event) => {
    if (card.querySelector("form")) return; // never under the author's fingers
    post = (event as CustomEvent<Post>).detail;
    render();
  });
  render();
  return card;
}
