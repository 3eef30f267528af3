// A user's profile: follow or unfollow, mute, block or report them, and their posts.

import type { GraphQLClient } from "../graphql.js";
import { announce, avatar, h } from "../dom.js";
import { FOLLOW, PROFILE_PAGE, UNFOLLOW } from "../operations.js";
import { postCard } from "../postCard.js";
import { relationButtons, reportButton } from "../safety.js";

export async function profileScreen(main: HTMLElement, api: GraphQLClient, handle: string): Promise<void> {
  const { me, user } = await api.request(PROFILE_PAGE, { handle });
  if (!user) {
    main.replaceChildren(h("h1", {}, "Not found"), h("p", {}, `Nobody is called @${handle}.`));
    return;
  }
  const followers = h("span", { class: "followers" });
  const button = h("button", { type: "button", class: "follow" });
  let follows = user.viewerFollows;
  const show = (count: number) => {
    followers.textContent = `${count} follower${count === 1 ? "" : "s"} · ${user.followingCount} following`;
    button.textContent = follows ? `Unfollow @${user.handle}` : `Follow @${user.handle}`;
    button.setAttribute("aria-pressed", String(follows));
  };
  show(user.followerCount);
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      const now = follows
        ? (await api.request(UNFOLLOW, { id: user.id })).unfollow
        : (await api.request(FOLLOW, { id: user.id })).follow;
      follows = now.viewerFollows;
      show(now.followerCount);
      announce(follows ? `You follow @${user.handle}` : `You no longer follow @${user.handle}`);
    } finally {
      button.disabled = false;
    }
  });
  main.replaceChildren(
    h("div", { class: "profile-head" }, avatar(user, "large"), h("h1", {}, `${user.displayName} `, h("small", {}, `@${user.handle}`))),
    h("p", {}, user.bio),
    h("p", {}, followers, " ", me && me.id !== user.id ? button : null),
    ...(me && me.id !== user.id
      ? [h("p", { class: "safety" }, ...relationButtons(api, user), reportButton(api, { kind: "user", userId: user.id }))]
      : []),
    h("h2", {}, "Posts"),
    ...user.posts.items.map((post) => postCard(api, post)),
  );
}
