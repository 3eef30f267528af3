// A hashtag's timeline, newest first, page by page; and what is trending.

import type { GraphQLClient } from "../graphql.js";
import { announce, h } from "../dom.js";
import { HASHTAG_PAGE, TRENDING } from "../operations.js";
import { postCard } from "../postCard.js";
import { tagHref } from "../richText.js";

const PAGE = 10;

export async function hashtagScreen(main: HTMLElement, api: GraphQLClient, tag: string): Promise<void> {
  const [first, trending] = await Promise.all([
    api.request(HASHTAG_PAGE, { tag, limit: PAGE, nextToken: null }),
    api.request(TRENDING, {}),
  ]);
  const list = h("div", { class: "feed", role: "feed", "aria-label": `Posts tagged #${first.hashtag.tag}` });
  list.append(...first.hashtag.posts.items.map((post) => postCard(api, post)));
  let nextToken = first.hashtag.posts.nextToken ?? null;
  const more = h("button", { type: "button", class: "more", hidden: !nextToken }, "Load more posts");
  more.addEventListener("click", async () => {
    if (!nextToken) return;
    try {
      const page = await api.request(HASHTAG_PAGE, { tag, limit: PAGE, nextToken });
      list.append(...page.hashtag.posts.items.map((post) => postCard(api, post)));
      nextToken = page.hashtag.posts.nextToken ?? null;
      more.hidden = !nextToken;
    } catch (error) {
      announce(`Could not load more posts: ${(error as Error).message}`);
    }
  });
  const trends = trending.trendingHashtags;
  main.replaceChildren(
    h("h1", {}, `#${first.hashtag.tag}`),
    first.hashtag.posts.items.length ? list : h("p", { class: "empty" }, "No posts use this tag yet."),
    more,
    ...(trends.length
      ? [
          h("h2", {}, "Trending"),
          h(
            "ol",
            { class: "trending" },
            ...trends.map((t) => h("li", {}, h("a", { class: "hashtag", href: tagHref(t.tag) }, `#${t.tag}`), ` ${t.count}`)),
          ),
        ]
      : []),
  );
}
