// The home feed: a form to post (with an image), infinite scroll, and new posts arriving by
// polling `feedUpdates` every few seconds, no reload.

import { GraphQLError, type GraphQLClient } from "../graphql.js";
import { announce, avatar, h } from "../dom.js";
import {
  CREATE_POST,
  FEED_PAGE,
  FEED_START,
  FEED_TICK,
  FEED_TICK_EMPTY,
  type Author,
  type Post,
} from "../operations.js";
import { COUNTS_EVENT, DELETED_EVENT, UPDATED_EVENT, postCard } from "../postCard.js";
import { uploadImage } from "../upload.js";

const PAGE = 10;
const POLL_MS = 3000;

/** Returns a function that stops the screen's polling when the user navigates away. */
export async function feedScreen(main: HTMLElement, api: GraphQLClient): Promise<() => void> {
  const start = await api.request(FEED_START, { limit: PAGE });
  const list = h("div", { class: "feed", "aria-label": "Home feed", role: "feed" });
  const more = h("button", { type: "button", class: "more" }, "Load more posts");
  let nextToken = start.feed.nextToken ?? null;
  let cursor = start.feedUpdates.cursor;
  const shown = new Map<string, HTMLElement>();

  const add = (post: Post, where: "top" | "bottom", repostedBy: Author | null = null) => {
    if (shown.has(post.id)) return;
    const card = postCard(api, post, repostedBy);
    shown.set(post.id, card);
    if (where === "top") list.prepend(card);
    else list.append(card);
  };
  start.feed.entries.forEach((e) => add(e.post, "bottom", e.repostedBy ?? null));
  list.addEventListener(DELETED_EVENT, (event) => shown.delete((event as CustomEvent<string>).detail));

  let loading = false;
  const loadMore = async () => {
    if (!nextToken || loading) return;
    // Not `disabled`: a disabled button drops keyboard focus.
    loading = true;
    more.setAttribute("aria-busy", "true");
    try {
      const page = await api.request(FEED_PAGE, { limit: PAGE, nextToken });
      page.feed.entries.forEach((e) => add(e.post, "bottom", e.repostedBy ?? null));
      nextToken = page.feed.nextToken ?? null;
      announce(nextToken ? `${page.feed.entries.length} more posts` : "That is everything in your feed");
    } catch (error) {
      announce(`Could not load more posts: ${(error as Error).message}`);
    } finally {
      loading = false;
      more.removeAttribute("aria-busy");
      more.hidden = !nextToken;
      // Still in view after a short page: observe again, so the next page follows.
      observer.unobserve(more);
      if (nextToken) observer.observe(more);
    }
  };
  more.hidden = !nextToken;
  more.addEventListener("click", () => void loadMore());
  // Scrolling near the end loads the next page; the button does the same from the keyboard.
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) void loadMore();
  });
  if (nextToken) observer.observe(more);

  const tick = async () => {
    const ids = [...shown.keys()].slice(0, 100);
    const result = ids.length
      ? await api.request(FEED_TICK, { after: cursor, ids })
      : { ...(await api.request(FEED_TICK_EMPTY, { after: cursor })), postsByIds: [] };
    cursor = result.feedUpdates.cursor;
    let arrived = 0;
    for (const event of result.feedUpdates.items) {
      if (event.type === "POST_DELETED") {
        shown.get(event.postId)?.remove();
        shown.delete(event.postId);
      } else if (event.type === "POST_UPDATED" && event.post) {
        shown.get(event.postId)?.dispatchEvent(new CustomEvent(UPDATED_EVENT, { detail: event.post }));
      } else if (event.type === "POST_CREATED" && event.post && !shown.has(event.postId)) {
        add(event.post, "top");
        arrived += 1;
      }
    }
    for (const fresh of result.postsByIds) {
      if (fresh) shown.get(fresh.id)?.dispatchEvent(new CustomEvent(COUNTS_EVENT, { detail: fresh }));
    }
    if (arrived) announce(`${arrived} new post${arrived === 1 ? "" : "s"} in your feed`);
  };
  let stopped = false;
  const loop = async () => {
    while (!stopped) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      if (stopped) break;
      try {
        await tick();
      } catch (error) {
        if (error instanceof GraphQLError && error.errors[0]?.extensions?.resync) {
          location.reload(); // the cursor outlived the change log: start over
          return;
        }
        announce(`Could not check for new posts: ${(error as Error).message}`);
      }
    }
  };
  void loop();

  main.replaceChildren(
    h("h1", {}, "Your feed"),
    composeForm(api, start.me, start.categories, (post) => add(post, "top")),
    list,
    more,
  );
  return () => {
    stopped = true;
    observer.disconnect();
  };
}

function composeForm(
  api: GraphQLClient,
  me: Author | null | undefined,
  categories: string[],
  published: (post: Post) => void,
): HTMLElement {
  const title = h("input", { id: "post-title", name: "title", required: true, maxlength: "200" });
  const body = h("textarea", { id: "post-body", name: "body", rows: "3", maxlength: "10000" });
  const category = h(
    "select",
    { id: "post-category", name: "category" },
    ...categories.map((c) => h("option", { value: c }, c)),
  );
  const image = h("input", { id: "post-image", name: "image", type: "file", accept: "image/png,image/jpeg,image/gif,image/webp" });
  const alt = h("input", { id: "post-alt", name: "alt", maxlength: "500" });
  const submit = h("button", { type: "submit" }, "Publish");
  const form = h(
    "form",
    { class: "compose", "aria-labelledby": "compose-heading" },
    h("h2", { id: "compose-heading" }, avatar(me), "New post"),
    h("label", { for: "post-title" }, "Title"),
    title,
    h("label", { for: "post-body" }, "Text"),
    body,
    h("label", { for: "post-category" }, "Category"),
    category,
    h("label", { for: "post-image" }, "Image (optional)"),
    image,
    h("label", { for: "post-alt" }, "Describe the image for people who cannot see it"),
    alt,
    submit,
  );
  image.addEventListener("change", () => {
    alt.required = Boolean(image.files?.length); // an image needs its description
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    submit.disabled = true;
    try {
      const file = image.files?.[0];
      announce(file ? "Uploading the image…" : "Publishing…");
      const mediaIds = file ? [await uploadImage(api, file, alt.value)] : [];
      const { createPost } = await api.request(CREATE_POST, {
        input: {
          title: title.value,
          body: body.value,
          category: category.value,
          mediaIds,
          clientRequestToken: crypto.randomUUID(), // a retried click cannot post twice
        },
      });
      published(createPost);
      form.reset();
      alt.required = false;
      announce("Published");
    } catch (error) {
      announce(`Could not publish: ${(error as Error).message}`);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
