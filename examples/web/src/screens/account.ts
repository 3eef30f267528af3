// Your account: download your data, or delete the account (and watch the deletion run).

import type { GraphQLClient } from "../graphql.js";
import { announce, h } from "../dom.js";
import { ACCOUNT_DELETION, DELETE_ACCOUNT, EXPORT_ACCOUNT } from "../operations.js";
import { signOut } from "../session.js";

/** How often the screen asks how far a running deletion has come. */
const POLL_MS = 2000;

export async function accountScreen(main: HTMLElement, api: GraphQLClient): Promise<() => void> {
  let timer: number | undefined;
  const state = h("p", { class: "deletion-state", role: "status" });
  const exportButton = h("button", { type: "button", class: "export" }, "Download my data");
  const exported = h("p", { class: "export-link" });
  const confirm = h("input", { id: "confirm-handle", name: "confirm", autocomplete: "off" });
  const deleteButton = h("button", { type: "submit", class: "danger" }, "Delete my account");

  const showDeletion = async (): Promise<void> => {
    const { accountDeletion } = await api.request(ACCOUNT_DELETION, {});
    if (!accountDeletion) return;
    const removed = `${accountDeletion.removedItems} items removed`;
    state.textContent =
      accountDeletion.status === "DONE"
        ? `Your account is deleted (${removed}).`
        : `Deleting your account… ${removed} so far.`;
    deleteButton.disabled = true;
    exportButton.disabled = true;
    if (accountDeletion.status === "DONE") {
      window.clearInterval(timer);
      announce("Your account is deleted");
    }
  };

  exportButton.addEventListener("click", async () => {
    exportButton.disabled = true;
    try {
      const { exportAccount } = await api.request(EXPORT_ACCOUNT, {});
      const until = new Date(exportAccount.expiresAt).toLocaleTimeString();
      exported.replaceChildren(
        h("a", { href: exportAccount.url, download: "agora-export.zip" }, "Your archive"),
        ` (${exportAccount.items} items, ${exportAccount.files} files; the link works until ${until})`,
      );
      announce("Your archive is ready");
    } finally {
      exportButton.disabled = false;
    }
  });

  const form = h(
    "form",
    { class: "delete-account" },
    h("label", { for: "confirm-handle" }, "Type your handle to confirm"),
    confirm,
    deleteButton,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    deleteButton.disabled = true;
    try {
      await api.request(DELETE_ACCOUNT, { confirm: confirm.value });
      await showDeletion();
      timer = window.setInterval(() => void showDeletion(), POLL_MS);
    } catch (error) {
      announce((error as Error).message);
      deleteButton.disabled = false;
    }
  });

  const { me } = await api.request(ACCOUNT_DELETION, {});
  main.replaceChildren(
    h("h1", {}, "Your account"),
    h("h2", {}, "Your data"),
    h("p", {}, "A zip archive of everything you own: posts, comments, likes, follows and files."),
    h("p", {}, exportButton),
    exported,
    h("h2", {}, "Delete your account"),
    h("p", {}, `This removes ${me ? `@${me.handle}` : "your account"} and everything you own, for good.`),
    form,
    state,
    h("p", {}, h("button", { type: "button", onclick: () => { signOut(); location.hash = "#/sign-in"; } }, "Sign out")),
  );
  await showDeletion();
  if (state.textContent && !state.textContent.startsWith("Your account is deleted")) {
    timer = window.setInterval(() => void showDeletion(), POLL_MS);
  }
  return () => window.clearInterval(timer);
}
