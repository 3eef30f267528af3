// A text with its mentions and hashtags as links, at the offsets the server parsed: JavaScript
// indexes strings in UTF-16 code units, as the offsets are, so slicing needs no parsing here.

import { h } from "./dom.js";

interface Span {
  start: number;
  end: number;
}
export interface MentionSpan extends Span {
  user: { handle: string };
}
export interface TagSpan extends Span {
  tag: string;
}

/** Where a hashtag's timeline lives in the app. */
export function tagHref(tag: string): string {
  return `#/tag/${encodeURIComponent(tag)}`;
}

export function richText(
  text: string,
  mentions: readonly MentionSpan[] = [],
  tags: readonly TagSpan[] = [],
): (Node | string)[] {
  const links = [
    ...mentions.map((m) => ({ ...m, link: h("a", { class: "mention", href: `#/user/${m.user.handle}` }) })),
    ...tags.map((t) => ({ ...t, link: h("a", { class: "hashtag", href: tagHref(t.tag) }) })),
  ].sort((a, b) => a.start - b.start);
  const out: (Node | string)[] = [];
  let at = 0;
  for (const span of links) {
    if (span.start < at || span.end > text.length) continue; // overlapping or stale: plain text
    out.push(text.slice(at, span.start));
    span.link.textContent = text.slice(span.start, span.end);
    out.push(span.link);
    at = span.end;
  }
  out.push(text.slice(at));
  return out.filter((part) => part !== "");
}
