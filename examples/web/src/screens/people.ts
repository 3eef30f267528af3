// Finding people by handle or name, as you type (accents and case do not matter).

import { GraphQLError, type GraphQLClient } from "../graphql.js";
import { avatar, h } from "../dom.js";
import { SEARCH_PEOPLE } from "../operations.js";

const DEBOUNCE_MS = 250;

export async function peopleScreen(main: HTMLElement, api: GraphQLClient): Promise<void> {
  const input = h("input", { id: "people-query", type: "search", name: "query", maxlength: "50", autocomplete: "off" });
  const results = h("ul", { class: "people", "aria-live": "polite" });
  let timer: number | undefined;
  let asked = 0;

  const search = async () => {
    const query = input.value.trim();
    const mine = ++asked;
    if (!query) {
      results.replaceChildren();
      return;
    }
    try {
      const { searchUsers } = await api.request(SEARCH_PEOPLE, { query, nextToken: null });
      if (mine !== asked) return; // a later keystroke's answer wins
      results.replaceChildren(
        ...(searchUsers.items.length
          ? searchUsers.items.map((user) =>
              h(
                "li",
                { class: "person", "data-handle": user.handle },
                avatar(user),
                h("a", { href: `#/user/${user.handle}` }, user.displayName),
                h("small", {}, ` @${user.handle}`),
              ),
            )
          : [h("li", { class: "empty" }, "Nobody found.")]),
      );
    } catch (error) {
      if (mine !== asked) return;
      const message = error instanceof GraphQLError && error.code === "BAD_USER_INPUT"
        ? "Type a letter or digit of a handle or name."
        : `Could not search: ${(error as Error).message}`;
      results.replaceChildren(h("li", { class: "empty" }, message));
    }
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => void search(), DEBOUNCE_MS);
  });
  main.replaceChildren(
    h("h1", {}, "People"),
    h("form", { class: "people-search", role: "search", onsubmit: (e: Event) => { e.preventDefault(); void search(); } },
      h("label", { for: input.id }, "Handle or name"),
      input,
    ),
    results,
  );
  input.focus();
}
