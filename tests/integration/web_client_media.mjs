// The feed's pictures in headless Chromium while every image response is held back: the space is
// reserved (width/height), a blurhash placeholder is painted, srcset picks a variant, and the
// Layout Instability API sees no shift as they arrive. Then, as a control, one picture without
// width/height is added: the same observer must see it shift the page.
// Usage: node web_client_media.mjs <app url> <dir>
import { TIMEOUT, launch, signedIn, stepShots } from "./browser_session.mjs";

const [appUrl, dir] = process.argv.slice(2);
const SLOW_IMAGES_MS = 1500;
const { steps, shot } = stepShots(dir);

// Runs in the page before its scripts: every layout shift since the document began, with the
// elements that moved (buffered, so nothing before the observer started is lost).
function observeLayoutShifts() {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__shifts.push({
        value: entry.value,
        hadRecentInput: entry.hadRecentInput,
        at: Math.round(entry.startTime),
        sources: (entry.sources || []).map((s) => {
          const node = s.node;
          if (!node || !node.tagName) return String(node?.nodeName ?? "?");
          return `${node.tagName.toLowerCase()}.${node.className || ""}`;
        }),
      });
    }
  }).observe({ type: "layout-shift", buffered: true });
}

const layoutShift = (page) => page.evaluate(() => {
  const counted = window.__shifts.filter((s) => !s.hadRecentInput);
  return { cls: counted.reduce((sum, s) => sum + s.value, 0), shifts: counted };
});

const browser = await launch();
try {
  const { page, errors, blocked } = await signedIn(browser, appUrl, "alice", {
    slowImages: SLOW_IMAGES_MS,
    beforeLoad: observeLayoutShifts,
  });
  const first = page.locator("article.post img.media").first();
  // Attached, not visible: without width/height a picture has no box until it arrives.
  await first.waitFor({ state: "attached", timeout: TIMEOUT });
  // Before a byte of the picture arrived: its box, its placeholder, its candidates
  const beforeLoad = await first.evaluate((img) => {
    const box = img.getBoundingClientRect();
    return {
      complete: img.complete && img.naturalWidth > 0,
      placeholder: img.dataset.placeholder ?? null,
      background: getComputedStyle(img).backgroundImage.slice(0, 30),
      srcset: img.getAttribute("srcset"),
      sizes: img.getAttribute("sizes"),
      widthAttr: img.getAttribute("width"),
      heightAttr: img.getAttribute("height"),
      boxHeight: Math.round(box.height),
      boxWidth: Math.round(box.width),
      objectPosition: getComputedStyle(img).objectPosition,
    };
  });
  await shot(page, "placeholders-while-loading");

  // Every picture of the feed, loaded: those on screen, then the rest by scrolling to each
  const pictures = page.locator("article.post img.media");
  const count = await pictures.count();
  for (let n = 0; n < count; n += 1) {
    const picture = pictures.nth(n);
    await picture.evaluate((img) => img.scrollIntoView({ block: "center" }));
    await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await picture.elementHandle(), { timeout: TIMEOUT });
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300); // a shift is reported after the frame that made it
  const loaded = await page.evaluate(() => [...document.querySelectorAll("article.post img.media")].map((img) => ({
    src: img.getAttribute("src"),
    currentSrc: img.currentSrc,
    placeholder: img.dataset.placeholder ?? null,
    ratioKept: Math.abs(img.getBoundingClientRect().width / img.getBoundingClientRect().height
      - img.naturalWidth / img.naturalHeight) < 0.02,
  })));
  const whileLoading = await layoutShift(page);
  await shot(page, "pictures-loaded");

  // Control: a picture without width/height, added at the top of the feed, while held back
  await page.evaluate(() => {
    const source = document.querySelector("article.post img.media");
    const unsized = document.createElement("img");
    unsized.className = "control";
    unsized.style.cssText = "display: block; width: 100%"; // no height: it grows when it arrives
    unsized.src = `${source.currentSrc}${source.currentSrc.includes("?") ? "&" : "?"}control=1`;
    unsized.alt = "";
    document.querySelector("article.post").before(unsized);
  });
  await page.waitForFunction(() => {
    const img = document.querySelector("img.control");
    return img && img.complete && img.naturalWidth > 0;
  }, null, { timeout: TIMEOUT });
  await page.waitForTimeout(300);
  const control = await layoutShift(page);
  await shot(page, "control-unsized-picture-shifted");

  console.log(JSON.stringify({
    steps, beforeLoad, count, loaded, whileLoading,
    control: { cls: control.cls - whileLoading.cls },
    pageErrors: errors, blocked,
  }));
} finally {
  await browser.close();
}
