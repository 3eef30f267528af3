// Pick a demo user; the dev issuer signs a token for them.

import { h } from "../dom.js";
import { demoUsers, signIn } from "../session.js";

export async function signInScreen(main: HTMLElement): Promise<void> {
  main.replaceChildren(h("h1", {}, "Sign in"), h("p", {}, "Loading the demo users…"));
  const users = await demoUsers();
  const list = h("ul", { class: "users" });
  for (const user of users) {
    list.append(
      h(
        "li",
        {},
        h(
          "button",
          {
            type: "button",
            "data-handle": user.handle,
            onclick: async () => {
              await signIn(user.handle);
              location.hash = "#/feed";
            },
          },
          `${user.displayName} (@${user.handle})${user.moderator ? ", moderator" : ""}`,
        ),
      ),
    );
  }
  main.replaceChildren(
    h("h1", {}, "Sign in"),
    h("p", {}, "Choose a demo user. Locally, the API's dev issuer signs you in; in AWS, Cognito does."),
    list,
  );
}
