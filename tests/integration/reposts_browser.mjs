// Reposts in the reference web client, headless Chromium, internet blocked. B (bob) publishes;
// C (carol, who does not follow bob) reposts it from bob's profile; F (farid, who follows carol
// but not bob) finds it in the home feed, "Reposted by" carol; C takes the repost back and it
// leaves F's feed. Usage: node reposts_browser.mjs <app url> <dir>
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";

const [appUrl, shots] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const TIMEOUT = 30_000;
const title = `Worth sharing ${Date.now()}`;
const steps = [];
const blocked = [];
const pageErrors = [];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

async function userPage(handle) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1" || url.hostname === "localhost") return route.continue();
    blocked.push(url.href);
    return route.abort();
  });
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(String(error)));
  await page.goto(appUrl, { waitUntil: "networkidle" });
  await page.locator(`button[data-handle="${handle}"]`).click();
  await page.getByRole("heading", { name: "Your feed" }).waitFor({ timeout: TIMEOUT });
  return page;
}

async function shot(page, name) {
  const path = `${shots}/${String(steps.length + 1).padStart(2, "0")}-${name}.png`;
  await page.screenshot({ path, fullPage: true });
  steps.push(name);
}

/** Opens the home feed again until `check` holds for the post's card (the fan-out is async). */
async function feedUntil(page, check) {
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    await page.goto(`${appUrl}#/`);
    await page.reload({ waitUntil: "networkidle" });
    await page.getByRole("heading", { name: "Your feed" }).waitFor({ timeout: TIMEOUT });
    const card = page.locator("article.post", { hasText: title });
    if (await check(card)) return card;
    if (Date.now() > deadline) throw new Error("the feed never showed what was expected");
    await page.waitForTimeout(500);
  }
}

const result = { steps, blocked, pageErrors };
try {
  const b = await userPage("bob");
  await b.fill("#post-title", title);
  await b.selectOption("#post-category", "general");
  await b.locator("form.compose button[type=submit]").click();
  const own = b.locator("article.post", { hasText: title });
  await own.waitFor({ timeout: TIMEOUT });
  result.ownCardHasRepost = await own.locator("button.repost").count();
  await shot(b, "b-published");

  const c = await userPage("carol");
  await c.goto(`${appUrl}#/user/bob`);
  const card = c.locator("article.post", { hasText: title });
  await card.waitFor({ timeout: TIMEOUT });
  await card.locator("button.repost").click();
  await card.locator('button.repost[aria-pressed="true"]').waitFor({ timeout: TIMEOUT });
  result.repostLabel = (await card.locator("button.repost").textContent()).trim();
  await shot(c, "c-reposted");

  const f = await userPage("farid");
  const shared = await feedUntil(f, async (found) => (await found.count()) === 1);
  result.repostedBy = (await shared.locator(".reposted-by").textContent()).trim();
  result.cardsOfThePost = await f.locator("article.post", { hasText: title }).count();
  await shot(f, "f-sees-repost");

  await card.locator("button.repost").click();
  await card.locator('button.repost[aria-pressed="false"]').waitFor({ timeout: TIMEOUT });
  result.undoneLabel = (await card.locator("button.repost").textContent()).trim();
  await shot(c, "c-took-it-back");
  await feedUntil(f, async (found) => (await found.count()) === 0);
  await shot(f, "f-repost-gone");
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
