// The app shell: a hash router over the screens, and the signed-in user's navigation.

import { GraphQLClient } from "./graphql.js";
import { announce, h, refreshTimes } from "./dom.js";
import { isModerator } from "./safety.js";
import { feedScreen } from "./screens/feed.js";
import { hashtagScreen } from "./screens/hashtag.js";
import { notificationsScreen } from "./screens/notifications.js";
import { peopleScreen } from "./screens/people.js";
import { moderationScreen } from "./screens/moderation.js";
import { postScreen } from "./screens/post.js";
import { profileScreen } from "./screens/profile.js";
import { safetyListScreen } from "./screens/safetyLists.js";
import { signInScreen } from "./screens/signin.js";
import { currentSession, signOut } from "./session.js";
import { UNREAD_COUNT } from "./operations.js";

const api = new GraphQLClient("/graphql", () => currentSession()?.token ?? null);
const main = document.getElementById("main") as HTMLElement;
const nav = document.getElementById("nav") as HTMLElement;
let leave: (() => void) | undefined;
/** How often the unread badge asks (one GetItem on the server). */
const BADGE_MS = 4000;
const badge = h("span", { class: "badge", hidden: true });

async function refreshBadge(): Promise<void> {
  if (!currentSession()) return;
  try {
    const count = (await api.request(UNREAD_COUNT, {})).unreadNotificationCount;
    badge.textContent = String(count);
    badge.dataset.count = String(count);
    badge.hidden = count === 0;
    badge.setAttribute("aria-label", `${count} unread`);
  } catch {
    // The next tick tries again; the badge keeps its last count meanwhile.
  }
}

function navigation(): void {
  const session = currentSession();
  nav.replaceChildren(
    ...(session
      ? [
          h("a", { href: "#/feed" }, "Feed"),
          h("a", { href: "#/notifications", class: "notifications-tab" }, "Notifications ", badge),
          h("a", { href: "#/people" }, "People"),
          h("a", { href: `#/user/${session.handle}` }, `@${session.handle}`),
          h("a", { href: "#/blocked" }, "Blocked"),
          h("a", { href: "#/muted" }, "Muted"),
          ...(isModerator() ? [h("a", { href: "#/moderation" }, "Moderation")] : []),
          h(
            "button",
            {
              type: "button",
              onclick: () => {
                signOut();
                location.hash = "#/sign-in";
              },
            },
            "Sign out",
          ),
        ]
      : []),
  );
}

async function route(): Promise<void> {
  leave?.();
  leave = undefined;
  announce(""); // a message belongs to the screen it was about
  navigation();
  const [, screen, argument] = location.hash.split("/");
  main.setAttribute("aria-busy", "true");
  try {
    if (!currentSession() || screen === "sign-in") await signInScreen(main);
    else if (screen === "post" && argument) await postScreen(main, api, decodeURIComponent(argument));
    else if (screen === "user" && argument) await profileScreen(main, api, decodeURIComponent(argument));
    else if (screen === "tag" && argument) await hashtagScreen(main, api, decodeURIComponent(argument));
    else if (screen === "notifications") await notificationsScreen(main, api, () => void refreshBadge());
    else if (screen === "people") await peopleScreen(main, api);
    else if (screen === "blocked" || screen === "muted") await safetyListScreen(main, api, screen);
    else if (screen === "moderation") await moderationScreen(main, api);
    else leave = await feedScreen(main, api);
    // Move focus to the new screen's heading, as a page load would.
    const heading = main.querySelector("h1");
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  } catch (error) {
    main.replaceChildren(h("h1", {}, "Something went wrong"), h("p", {}, (error as Error).message));
    announce((error as Error).message);
  } finally {
    main.removeAttribute("aria-busy");
  }
}

window.addEventListener("hashchange", () => void route());
window.setInterval(() => refreshTimes(main), 30_000);
window.setInterval(() => void refreshBadge(), BADGE_MS);
void refreshBadge();
void route();
