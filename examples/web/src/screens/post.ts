// One post with its threads of comments (src/thread.ts); the card's comment count follows.

import type { GraphQLClient } from "../graphql.js";
import { announce, h } from "../dom.js";
import { ADD_COMMENT, POST_PAGE } from "../operations.js";
import { COUNTS_EVENT, DELETED_EVENT, postCard } from "../postCard.js";
import { commentItem as threadItem, type Threaded } from "../thread.js";

export async function postScreen(main: HTMLElement, api: GraphQLClient, id: string): Promise<void> {
  const { post } = await api.request(POST_PAGE, { id });
  if (!post) {
    main.replaceChildren(h("h1", {}, "Not found"), h("p", {}, "This post does not exist (any more)."));
    return;
  }
  const card = postCard(api, post);
  let counts = { likeCount: post.likeCount, viewerHasLiked: post.viewerHasLiked, commentCount: post.commentCount };
  const countChanged = (delta: number) => {
    counts = { ...counts, commentCount: counts.commentCount + delta };
    card.dispatchEvent(new CustomEvent(COUNTS_EVENT, { detail: counts }));
  };
  card.addEventListener(COUNTS_EVENT, (event) => {
    counts = { ...counts, ...(event as CustomEvent<typeof counts>).detail };
  });
  card.addEventListener(DELETED_EVENT, () => {
    location.hash = "#/feed";
  });

  const thread = { api, postId: post.id, counted: countChanged };
  const commentItem = (comment: Threaded): HTMLElement => threadItem(thread, comment);

  const list = h("ol", { class: "comments", "aria-label": "Comments" }, ...post.comments.items.map(commentItem));
  const body = h("textarea", { id: "comment-body", name: "body", required: true, maxlength: "2000", rows: "3" });
  const form = h(
    "form",
    { class: "comment-form" },
    h("label", { for: "comment-body" }, "Add a comment"),
    body,
    h("button", { type: "submit" }, "Comment"),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const { addComment } = await api.request(ADD_COMMENT, { input: { postId: post.id, body: body.value } });
      list.append(commentItem(addComment));
      body.value = "";
      countChanged(1);
      announce("Comment added");
    } catch (error) {
      announce(`Could not comment: ${(error as Error).message}`);
    }
  });
  main.replaceChildren(
    h("p", {}, h("a", { href: "#/feed" }, "← Back to your feed")),
    card,
    h("section", { "aria-labelledby": "comments-heading" }, h("h2", { id: "comments-heading" }, "Comments"), list, form),
  );
  main.querySelector<HTMLElement>("h2 a")?.focus();
}
