// Notifications, mentions, hashtags and people search in the web client, in headless Chromium
// with everything but loopback blocked. Two browser contexts are two demo users: B (bob) clears
// his notifications; A (carol) posts mentioning @bob with a hashtag; B's badge counts it without a
// reload, B opens the tab, follows the notification to the post, the linked mention and the
// hashtag's timeline; then B finds people by name prefixes. Usage: node discovery_browser.mjs <app url> <dir>
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";

const [appUrl, shots] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const TIMEOUT = 60_000;
const stamp = Date.now();
const tag = `Trip${stamp}`;
const title = `Harbour walk ${stamp}`;
const steps = [];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const blocked = [];

async function userPage(handle) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1" || url.hostname === "localhost") return route.continue();
    blocked.push(url.href);
    return route.abort(); // no internet
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(appUrl, { waitUntil: "networkidle" });
  await page.locator(`button[data-handle="${handle}"]`).click();
  await page.getByRole("heading", { name: "Your feed" }).waitFor({ timeout: TIMEOUT });
  await page.evaluate(() => { window.__sameDocument = true; });
  return { page, errors };
}

async function shot(page, name) {
  const path = `${shots}/${String(steps.length + 1).padStart(2, "0")}-${name}.png`;
  await page.screenshot({ path, fullPage: true });
  steps.push(name);
}

const badgeOf = (page) => page.evaluate(() => {
  const badge = document.querySelector("nav .badge");
  return badge ? { hidden: badge.hidden, count: badge.dataset.count ?? null } : null;
});

try {
  // B (bob) opens his notifications: they are marked seen and the badge goes
  const b = await userPage("bob");
  await b.page.locator("nav a.notifications-tab").click();
  await b.page.getByRole("heading", { name: "Notifications" }).waitFor({ timeout: TIMEOUT });
  await b.page.waitForFunction(() => document.querySelector("nav .badge")?.dataset.count === "0", null, { timeout: TIMEOUT });
  const badgeBefore = await badgeOf(b.page);
  await shot(b.page, "b-notifications-seen");
  await b.page.locator("nav a", { hasText: "Feed" }).click();
  await b.page.getByRole("heading", { name: "Your feed" }).waitFor({ timeout: TIMEOUT });

  // A (carol) posts, mentioning @bob and using a hashtag
  const a = await userPage("carol");
  await a.page.fill("#post-title", title);
  await a.page.fill("#post-body", `Walking with @bob 👟 along the water #${tag}!`);
  await a.page.locator("form.compose button[type=submit]").click();
  const aCard = a.page.locator("article.post", { hasText: title });
  await aCard.waitFor({ timeout: TIMEOUT });
  const aLinks = await aCard.locator("p.body a").evaluateAll((links) =>
    links.map((l) => ({ class: l.className, text: l.textContent, href: l.getAttribute("href") })));
  await shot(a.page, "a-posted-mention-and-tag");

  // B's badge counts the mention, without a reload
  await b.page.waitForFunction(() => {
    const badge = document.querySelector("nav .badge");
    return badge && !badge.hidden && Number(badge.dataset.count) >= 1;
  }, null, { timeout: TIMEOUT });
  const badgeAfter = await badgeOf(b.page);
  const bReloaded = !(await b.page.evaluate(() => window.__sameDocument === true));
  await shot(b.page, "b-badge-counts-mention");

  // B opens the tab: the mention is the newest entry, unread, and the badge clears
  await b.page.locator("nav a.notifications-tab").click();
  const entry = b.page.locator("li.notification").first();
  await entry.waitFor({ timeout: TIMEOUT });
  const firstEntry = await entry.evaluate((li) => ({
    kind: li.dataset.kind, unread: li.classList.contains("unread"), text: li.textContent,
  }));
  await b.page.waitForFunction(() => document.querySelector("nav .badge")?.dataset.count === "0", null, { timeout: TIMEOUT });
  await shot(b.page, "b-notifications-tab");

  // B follows it to the post: its mention and hashtag are links
  await entry.locator("a", { hasText: title }).click();
  await b.page.getByRole("heading", { name: "Comments" }).waitFor({ timeout: TIMEOUT });
  const bLinks = await b.page.locator("article.post p.body a").evaluateAll((links) =>
    links.map((l) => ({ class: l.className, text: l.textContent, href: l.getAttribute("href") })));
  await shot(b.page, "b-post-with-links");

  // The hashtag opens its timeline, which holds the post
  await b.page.locator("article.post p.body a.hashtag").click();
  await b.page.getByRole("heading", { name: `#${tag.toLowerCase()}` }).waitFor({ timeout: TIMEOUT });
  await b.page.locator("article.post", { hasText: title }).waitFor({ timeout: TIMEOUT });
  const timeline = await b.page.locator("article.post h2").allTextContents();
  const trending = await b.page.locator("ol.trending li").allTextContents();
  await shot(b.page, "b-hashtag-timeline");

  // The mention opens the profile of the person named
  await b.page.locator("article.post p.body a.mention").click();
  await b.page.locator("h1", { hasText: "Bob Builder" }).waitFor({ timeout: TIMEOUT });
  await shot(b.page, "b-mention-opens-profile");

  // People search: prefixes of names and handles, accents and case aside, as B types
  await b.page.locator("nav a", { hasText: "People" }).click();
  await b.page.getByRole("heading", { name: "People" }).waitFor({ timeout: TIMEOUT });
  const found = {};
  for (const query of ["car", "ÉRI", "hopper", "zzzz"]) {
    await b.page.fill("#people-query", query);
    await b.page.waitForFunction(
      (q) => document.querySelector("#people-query").value === q
        && document.querySelector("ul.people li") !== null,
      query,
      { timeout: TIMEOUT },
    );
    // Let the debounced answer for this query land
    await b.page.waitForTimeout(1500);
    found[query] = await b.page.locator("ul.people li").evaluateAll((items) =>
      items.map((li) => li.dataset.handle ?? li.textContent));
  }
  await shot(b.page, "b-people-search");
  await b.page.fill("#people-query", "car");
  await b.page.locator('li.person[data-handle="carol"] a').click();
  await b.page.locator("h1", { hasText: "Carol Danvers" }).waitFor({ timeout: TIMEOUT });
  await shot(b.page, "b-opened-a-found-profile");

  const unlabelled = await b.page.evaluate(() => [...document.querySelectorAll("input, textarea, select")]
    .filter((el) => !document.querySelector(`label[for="${el.id}"]`)).map((el) => el.name));
  console.log(JSON.stringify({
    steps, blocked, tag, title, badgeBefore, badgeAfter, bReloaded, aLinks, bLinks, firstEntry,
    timeline, trending, found, unlabelled, pageErrors: [...a.errors, ...b.errors],
  }));
} finally {
  await browser.close();
}
