// A comment and its thread: reply, like, edit (marked "edited", with its history), delete
// (a comment with replies stays as a placeholder), and replies folded in a <details> that
// loads further pages and deeper levels when opened.

import { GraphQLError, type GraphQLClient } from "./graphql.js";
import { announce, avatar, h, timeElement } from "./dom.js";
import {
  ADD_COMMENT,
  COMMENT_HISTORY,
  DELETE_COMMENT,
  LIKE_COMMENT,
  REPLIES_PAGE,
  UNLIKE_COMMENT,
  UPDATE_COMMENT,
  type Comment,
} from "./operations.js";
import { historyButton } from "./postExtras.js";
import { richText } from "./richText.js";
import { reportButton } from "./safety.js";
import { currentSession } from "./session.js";

/** A comment as a page shows it: with its first replies when the query asked for them. */
export type Threaded = Comment & { replies?: { items: Comment[]; nextToken?: string | null } };

export interface Thread {
  api: GraphQLClient;
  postId: string;
  /** The post's comment count moved (a comment added or deleted). */
  counted: (delta: number) => void;
}

export function commentItem(thread: Thread, initial: Threaded): HTMLElement {
  const { api, postId } = thread;
  let comment: Comment = initial;
  const item = h("li", { class: "comment", "data-comment-id": comment.id, "data-depth": String(comment.depth) });
  const replies = h("ol", { class: "replies", "aria-label": "Replies" });
  const more = h("button", { type: "button", class: "more-replies" }, "More replies");
  const folded = h("details", { class: "thread" }, h("summary", {}), replies, more);
  let nextToken: string | null | undefined = initial.replies ? initial.replies.nextToken : undefined;
  let loaded = initial.replies !== undefined;
  for (const reply of initial.replies?.items ?? []) replies.append(commentItem(thread, reply));

  const showFold = () => {
    folded.hidden = comment.replyCount === 0 && replies.children.length === 0;
    const summary = folded.querySelector("summary");
    if (summary) summary.textContent = `${comment.replyCount} repl${comment.replyCount === 1 ? "y" : "ies"}`;
    more.hidden = !(nextToken || !loaded);
  };

  const loadMore = async () => {
    try {
      const { comment: found } = await api.request(REPLIES_PAGE, { postId, id: comment.id, nextToken: loaded ? nextToken : null });
      if (!found) return;
      if (!loaded) replies.replaceChildren();
      for (const reply of found.replies.items) replies.append(commentItem(thread, reply));
      nextToken = found.replies.nextToken;
      loaded = true;
      showFold();
    } catch (error) {
      announce(`Could not load replies: ${(error as Error).message}`);
    }
  };
  more.addEventListener("click", () => void loadMore());
  folded.addEventListener("toggle", () => {
    if (folded.open && !loaded) void loadMore();
  });

  const remove = async () => {
    try {
      await api.request(DELETE_COMMENT, { postId, id: comment.id });
      thread.counted(-1);
      if (comment.replyCount > 0) {
        comment = { ...comment, deleted: true, body: "", author: null };
        render();
      } else {
        item.remove();
      }
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
          input: { postId, id: comment.id, expectedVersion: comment.version, body: text.value },
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
    item.querySelector(".body-of-comment")?.replaceChildren(form);
    text.focus();
  };

  const reply = () => {
    const text = h("textarea", { id: `reply-${comment.id}`, name: "body", required: true, maxlength: "2000", rows: "2" });
    const form = h(
      "form",
      { class: "reply-form" },
      h("label", { for: text.id }, "Your reply"),
      text,
      h("div", { class: "actions" }, h("button", { type: "submit" }, "Reply"), h("button", { type: "button", onclick: () => form.remove() }, "Cancel")),
    );
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      try {
        const { addComment } = await api.request(ADD_COMMENT, { input: { postId, parentId: comment.id, body: text.value } });
        form.remove();
        thread.counted(1);
        if (addComment.parentId === comment.id) {
          comment = { ...comment, replyCount: comment.replyCount + 1 };
          replies.append(commentItem(thread, addComment));
          folded.open = true;
          showFold();
        } else {
          // Past the deepest level: it joined this comment's parent, beside this one.
          item.after(commentItem(thread, addComment));
        }
        announce("Reply added");
      } catch (error) {
        announce(`Could not reply: ${(error as Error).message}`);
      }
    });
    item.querySelector(".body-of-comment")?.after(form);
    text.focus();
  };

  const loadHistory = async () => {
    const { comment: found } = await api.request(COMMENT_HISTORY, { postId, id: comment.id });
    return (found?.edits ?? []).map((e) =>
      h("li", { class: "version" }, timeElement(e.writtenAt), ": ", h("span", { class: "old-text" }, e.body)),
    );
  };

  const like = async (button: HTMLButtonElement) => {
    try {
      const fresh = comment.viewerHasLiked
        ? (await api.request(UNLIKE_COMMENT, { postId, id: comment.id })).unlikeComment
        : (await api.request(LIKE_COMMENT, { postId, id: comment.id })).likeComment;
      comment = { ...comment, likeCount: fresh.likeCount, viewerHasLiked: fresh.viewerHasLiked };
      showLike(button);
      announce(comment.viewerHasLiked ? "Liked" : "Like removed");
    } catch (error) {
      announce(`Could not change the like: ${(error as Error).message}`);
    }
  };
  const showLike = (button: HTMLButtonElement) => {
    button.textContent = `${comment.viewerHasLiked ? "♥" : "♡"} ${comment.likeCount}`;
    button.setAttribute("aria-pressed", String(comment.viewerHasLiked));
    button.setAttribute("aria-label", comment.viewerHasLiked ? "Unlike this comment" : "Like this comment");
    button.dataset.count = String(comment.likeCount);
  };

  function render(): void {
    const mine = !comment.deleted && comment.author?.id === currentSession()?.userId;
    const likeButton = h("button", { type: "button", class: "like-comment" });
    likeButton.addEventListener("click", () => void like(likeButton));
    showLike(likeButton);
    const history = historyButton(() => item.querySelector(".body-of-comment"), loadHistory);
    const actions = comment.deleted
      ? []
      : [
          likeButton,
          h("button", { type: "button", class: "reply", "aria-label": "Reply to this comment", onclick: reply }, "Reply"),
          ...(mine
            ? [
                h("button", { type: "button", class: "edit", "aria-label": "Edit your comment", onclick: edit }, "Edit"),
                h("button", { type: "button", class: "delete", "aria-label": "Delete your comment", onclick: () => void remove() }, "Delete"),
              ]
            : [reportButton(api, { kind: "comment", postId, commentId: comment.id }, "Report")]),
        ];
    item.replaceChildren(
      avatar(comment.deleted ? null : comment.author),
      h(
        "div",
        { class: "body-of-comment" },
        h(
          "p",
          { class: "byline" },
          comment.deleted
            ? "deleted"
            : comment.author
              ? h("a", { href: `#/user/${comment.author.handle}` }, comment.author.displayName)
              : "someone",
          " · ",
          timeElement(comment.createdAt),
          comment.editedAt && !comment.deleted ? " · " : null,
          comment.editedAt && !comment.deleted ? history : null,
        ),
        h("p", { class: comment.deleted ? "text deleted" : "text" }, ...(comment.deleted ? ["[deleted]"] : richText(comment.body, comment.mentions))),
      ),
      ...actions,
      folded,
    );
    showFold();
  }
  render();
  return item;
}
