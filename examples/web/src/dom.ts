// A tiny element builder: h("p", { class: "x" }, "text", child). No framework.

type Child = Node | string | null | undefined | false;
type Attributes = Record<string, string | boolean | EventListener | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (typeof value === "function") element.addEventListener(name.replace(/^on/, ""), value);
    else if (value === true) element.setAttribute(name, "");
    else element.setAttribute(name, value);
  }
  for (const child of children) {
    if (child) element.append(child);
  }
  return element;
}

/** Announce a short message to screen readers (and show it) in the page's live region. */
let clearing: number | undefined;

export function announce(message: string): void {
  const region = document.getElementById("status");
  if (!region) return;
  region.textContent = message;
  clearTimeout(clearing);
  clearing = window.setTimeout(() => (region.textContent = ""), 6000);
}

export function formatTime(iso: string): string {
  return new Date(iso).toLocaleString();
}
