// One post with its comments, and a form to add one.

import type { GraphQLClient } from "../graphql.js";
import { announce, formatTime, h } from "../dom.js";
import { ADD_COMMENT, POST_PAGE, type Comment, type Post } from "../operations.js";
import { postCard } from "../postCard.js";

interface PostPage {
  post: (Post & { comments: { items: Comment[] } }) | null;
}

function commentItem(comment: Comment): HTMLElement {
  return h(
    "li",
    {},
    h("p", {}, comment.body),
    h(
      "p",
      { class: "byline" },
      comment.author ? `@${comment.author.handle}` : "someone",
      " · ",
      h("time", { datetime: comment.createdAt }, formatTime(comment.createdAt)),
    ),
  );
}

export async function postScreen(main: HTMLElement, api: GraphQLClient, id: string): Promise<void> {
  const { post } = await api.request<PostPage>(POST_PAGE, { id });
  if (!post) {
    main.replaceChildren(h("h1", {}, "Not found"), h("p", {}, "This post does not exist (any more)."));
    return;
  }
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
    const result = await api.request<{ addComment: Comment }>(ADD_COMMENT, {
      input: { postId: post.id, body: body.value },
    });
    list.append(commentItem(result.addComment));
    body.value = "";
    announce("Comment added");
  });
  main.replaceChildren(
    h("p", {}, h("a", { href: "#/feed" }, "← Back to your feed")),
    postCard(api, post),
    h("section", { "aria-labelledby": "comments-heading" }, h("h2", { id: "comments-heading" }, "Comments"), list, form),
  );
  main.querySelector<HTMLElement>("h2 a")?.focus();
}
