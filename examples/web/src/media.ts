// An attached image as the page should show it: the space reserved before a byte arrives
// (width and height), a blurhash placeholder painted in that space while it loads, the
// narrowest variant that fills the card (srcset and sizes), and the focal point kept in view
// when the card crops it (object-position).

import { decode } from "blurhash";
import { h } from "./dom.js";
import type { PostMedia } from "./operations.js";

/** How wide a card's image is shown: the column (40rem less padding), or the screen on phones. */
export const CARD_IMAGE_SIZES = "(max-width: 40rem) calc(100vw - 3rem), 38rem";

/** The placeholder is decoded this small and stretched: a blurhash has no detail to lose. */
const PLACEHOLDER_WIDTH = 32;

const placeholders = new Map<string, string>();

/** A data: URL of the blurhash, decoded once per hash (polls redraw cards often). */
export function placeholderUrl(blurhash: string, width: number, height: number): string | null {
  const known = placeholders.get(blurhash);
  if (known) return known;
  const w = PLACEHOLDER_WIDTH;
  const hgt = Math.max(1, Math.round((w * height) / width));
  let pixels: Uint8ClampedArray;
  try {
    pixels = decode(blurhash, w, hgt);
  } catch {
    return null; // a hash this client cannot read: no placeholder rather than no image
  }
  const canvas = document.createElement("canvas");
  canvas.width = w;
  canvas.height = hgt;
  const context = canvas.getContext("2d");
  if (!context) return null;
  context.putImageData(new ImageData(new Uint8ClampedArray(pixels), w, hgt), 0, 0);
  const url = canvas.toDataURL("image/png");
  placeholders.set(blurhash, url);
  return url;
}

/** `srcset`: every variant, then the original at its own width (when it is known). */
export function srcset(media: PostMedia): string {
  const candidates = media.variants.map((v) => `${v.url} ${v.width}w`);
  if (media.url && media.width) candidates.push(`${media.url} ${media.width}w`);
  return candidates.join(", ");
}

/** CSS object-position for the focal point: x -1 (left) to 1 (right), y -1 (bottom) to 1 (top). */
export function objectPosition(focus: PostMedia["focus"]): string {
  if (!focus) return "50% 50%";
  const percent = (n: number) => `${Math.round(Math.min(100, Math.max(0, n * 50 + 50)) * 100) / 100}%`;
  return `${percent(focus.x)} ${percent(-focus.y)}`;
}

/** The image of a post, or a note while it is still being processed. */
export function mediaImage(media: PostMedia): HTMLElement {
  if (!media.url) {
    // PROCESSING: nothing to load yet; the post is redrawn when processing ends (POST_UPDATED).
    return h("p", { class: "media pending" }, "The picture is being processed…");
  }
  const sized = media.width && media.height;
  const image = h("img", {
    class: "media",
    src: media.url,
    alt: media.altText,
    loading: "lazy",
    decoding: "async",
    srcset: media.variants.length ? srcset(media) : undefined,
    sizes: media.variants.length ? CARD_IMAGE_SIZES : undefined,
    // The browser derives the aspect ratio from these before the first byte: no layout shift.
    width: sized ? String(media.width) : undefined,
    height: sized ? String(media.height) : undefined,
  });
  image.style.objectPosition = image.style.backgroundPosition = objectPosition(media.focus);
  const placeholder =
    sized && media.blurhash ? placeholderUrl(media.blurhash, media.width ?? 1, media.height ?? 1) : null;
  if (placeholder && !image.complete) {
    image.style.backgroundImage = `url("${placeholder}")`;
    image.dataset.placeholder = "blurhash";
    // Once the picture is painted the placeholder has nothing left to do.
    const done = () => {
      image.style.removeProperty("background-image");
      delete image.dataset.placeholder;
    };
    image.addEventListener("load", done, { once: true });
  }
  return image;
}
