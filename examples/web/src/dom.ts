// A tiny element builder: h("p", { class: "x" }, "text", child). No framework.

import type { Author } from "./operations.js";

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

/** How long a status message stays on screen; a new screen clears it at once. */
const STATUS_MS = 4000;
let clearing: number | undefined;

/** Announce a short message to screen readers (and show it) in the page's live region. */
export function announce(message: string): void {
  const region = document.getElementById("status");
  if (!region) return;
  region.textContent = message;
  clearTimeout(clearing);
  if (message) clearing = window.setTimeout(() => (region.textContent = ""), STATUS_MS);
}

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "3 hours ago", "yesterday", "just now". */
export function relativeTime(iso: string, now: number = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.trunc(seconds / size), unit);
  }
  return "just now";
}

/** A <time> showing the relative time, the exact one on hover and to assistive technology. */
export function timeElement(iso: string): HTMLTimeElement {
  const exact = new Date(iso).toLocaleString();
  return h("time", { datetime: iso, title: exact, "data-relative": "" }, relativeTime(iso));
}

/** Keep every relative time on the page current (called by a timer in main.ts). */
export function refreshTimes(root: ParentNode = document): void {
  for (const time of root.querySelectorAll<HTMLTimeElement>("time[data-relative]")) {
    time.textContent = relativeTime(time.dateTime);
  }
}

/** A user's picture, or their initials on a colour of their own when they have none. */
export function avatar(user: Author | null | undefined, size: "small" | "large" = "small"): HTMLElement {
  const name = user?.displayName ?? "?";
  if (user?.avatar?.url) {
    // Decorative beside the name it accompanies: empty alt.
    return h("img", { class: `avatar ${size}`, src: user.avatar.url, alt: "" });
  }
  const initials = name.split(/\s+/).slice(0, 2).map((w) => w[0] ?? "").join("").toUpperCase();
  const hue = [...(user?.id ?? name)].reduce((sum, c) => sum + c.charCodeAt(0), 0) % 360;
  return h("span", { class: `avatar ${size}`, style: `background: hsl(${hue} 45% 40%)`, "aria-hidden": "true" }, initials);
}
