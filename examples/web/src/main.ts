// The app shell: a hash router over the screens, and the signed-in user's navigation.

import { GraphQLClient } from "./graphql.js";
import { announce, h, refreshTimes } from "./dom.js";
import { isModerator } from "./safety.js";
import { feedScreen } from "./screens/feed.js";
import { moderationScreen } from "./screens/moderation.js";
import { postScreen } from "./screens/post.js";
import { profileScreen } from "./screens/profile.js";
import { safetyListScreen } from "./screens/safetyLists.js";
import { signInScreen } from "./screens/signin.js";
import { currentSession, signOut } from "./session.js";

const api = new GraphQLClient("/graphql", () => currentSession()?.token ?? null);
const main = document.getElementById("main") as HTMLElement;
const nav = document.getElementById("nav") as HTMLElement;
let leave: (() => void) | undefined;

function navigation(): void {
  const session = currentSession();
  nav.replaceChildren(
    ...(session
      ? [
          h("a", { href: "#/feed" }, "Feed"),
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
void route();
