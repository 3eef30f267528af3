// Headless Chromium for the web client's browser tests: one context per demo user, every
// request outside loopback refused, page errors collected, a screenshot per step.
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";

export const TIMEOUT = 30_000;

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** Records what each step looked like, numbered, in `dir`. */
export function stepShots(dir) {
  mkdirSync(dir, { recursive: true });
  const steps = [];
  return {
    steps,
    async shot(page, name) {
      const path = `${dir}/${String(steps.length + 1).padStart(2, "0")}-${name}.png`;
      await page.screenshot({ path, fullPage: true });
      steps.push(name);
    },
  };
}

/**
 * A signed-in page of the app for `handle`. `slowImages` (ms) holds back every image response
 * that long, as a slow network would; `beforeLoad` runs in the page before any of its scripts.
 */
export async function signedIn(browser, appUrl, handle, { slowImages = 0, beforeLoad, viewport } = {}) {
  const context = await browser.newContext({ viewport: viewport ?? { width: 1000, height: 900 } });
  const blocked = [];
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname !== "127.0.0.1" && url.hostname !== "localhost") {
      blocked.push(url.href);
      return route.abort(); // no internet
    }
    if (slowImages && route.request().resourceType() === "image") {
      await new Promise((resolve) => setTimeout(resolve, slowImages));
    }
    return route.continue().catch(() => {}); // the page may have moved on meanwhile
  });
  if (beforeLoad) await context.addInitScript(beforeLoad);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(appUrl, { waitUntil: "networkidle" });
  await page.locator(`button[data-handle="${handle}"]`).click();
  await page.getByRole("heading", { name: "Your feed" }).waitFor({ timeout: TIMEOUT });
  return { context, page, errors, blocked };
}
