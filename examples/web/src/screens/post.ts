// One post with its comments: add one, edit or delete your own; the card's comment count follows.

import { GraphQLError, type GraphQLClient } from "../graphql.js";
import { announce, avatar, h, timeElement } from "../dom.js";
import { ADD_COMMENT, DELETE_COMMENT, POST_PAGE, UPDATE_COMMENT, type Comment } from "../operations.js";
import { COUNTS_EVENT, DELETED_EVENT, postCard } from "../postCard.js";
import { richText } from "../richText.js";
import { reportButton } from "../safety.js";
import { currentSession } from "../session.js";

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

  const commentItem = (initial: Comment): HTMLElement => {
    let comment = initial;
    const item = h("li", { class: "comment", "data-comment-id": comment.id });
    const mine = comment.author?.id === currentSession()?.userId;

    const remove = async () => {
      try {
        await api.request(DELETE_COMMENT, { postId: post.id, id: comment.id });
        item.remove();
        countChanged(-1);
        announce("Comment deleted");
      } catch (error) {
        announce(`Could not delete the comment: ${(error as Error).message}`);
      }
    };

    const edit = () => {
      const text = h("textarea", { id: `edit-comment-${comment.id}`, name: "body", required: true, maxlength: "2000", rows: "3" }, comment.body);
      const form = h(
        "form",
        { class: "edit-comment" },
        h("label", { for: text.id }, "Your comment"),
        text,
        h("div", { class: "actions" }, h("button", { type: "submit" }, "Save"), h("button", { type: "button", onclick: render }, "Cancel")),
      );
      form.addEventListener("submit", async (event) => {
        event.preventDefault();
        try {
          const { updateComment } = await api.request(UPDATE_COMMENT, {
            input: { postId: post.id, id: comment.id, expectedVersion: comment.version, body: text.value },
          });
          comment = updateComment;
          render();
          announce("Comment saved");
          item.querySelector<HTMLElement>("button.edit")?.focus();
        } catch (error) {
          if (error instanceof GraphQLError && error.code === "CONFLICT") {
            announce("This comment changed since you opened it: reload to see the latest, then edit again");
          } else {
            announce(`Could not save the comment: ${(error as Error).message}`);
          }
        }
      });
      item.replaceChildren(avatar(comment.author), form);
      text.focus();
    };

    function render(): void {
      item.replaceChildren(
        avatar(comment.author),
        h(
          "div",
          {},
          h(
            "p",
            { class: "byline" },
            comment.author ? h("a", { href: `#/user/${comment.author.handle}` }, comment.author.displayName) : "someone",
            " · ",
            timeElement(comment.createdAt),
            comment.editedAt ? " · edited" : null,
          ),
          h("p", { class: "text" }, ...richText(comment.body, comment.mentions)),
        ),
        ...(mine
          ? [
              h("button", { type: "button", class: "edit", "aria-label": "Edit your comment", onclick: edit }, "Edit"),
              h("button", { type: "button", class: "delete", "aria-label": "Delete your comment", onclick: () => void remove() }, "Delete"),
            ]
          : [reportButton(api, { kind: "comment", postId: comment.postId, commentId: comment.id }, "Report")]),
      );
    }
    render();
    return item;
  };

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
