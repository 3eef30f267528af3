// The reference web client end to end, in headless Chromium with everything but loopback blocked.
// Two browser contexts are two demo users: A (carol) follows B (bob); B posts with an image; A sees
// it arrive without reloading, opens it, the image loads from the S3 emulator, A likes it; B's
// view shows the like after its next poll. Usage: node web_client_browser.mjs <app url> <dir>
import { mkdirSync } from "node:fs";
import { crc32, deflateSync } from "node:zlib";
import { chromium } from "playwright-core";

const [appUrl, shots] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const TIMEOUT = 30_000;
const title = `Sunset ${Date.now()}`;
const steps = [];

// A real 320x180 PNG (an orange rectangle), so the browser can decode and show it.
function png() {
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const [width, height] = [320, 180];
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([245, 130, 32]))]);
  const pixels = deflateSync(Buffer.concat(Array(height).fill(row)));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", pixels), chunk("IEND", Buffer.alloc(0))]);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const blocked = [];
const loopbackRequests = new Set();
// What the client sent to the API: hashes only, once an operation is registered (APQ).
const graphqlBodies = { hashOnly: 0, withText: 0, withoutHash: 0 };

async function userPage(handle) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1" || url.hostname === "localhost") {
      loopbackRequests.add(`${url.host}`);
      return route.continue();
    }
    blocked.push(url.href);
    return route.abort(); // no internet
  });
  const page = await context.newPage();
  page.on("request", (request) => {
    if (!request.url().endsWith("/graphql") || request.method() !== "POST") return;
    const body = JSON.parse(request.postData() || "{}");
    if (!body.extensions?.persistedQuery?.sha256Hash) graphqlBodies.withoutHash += 1;
    else if (body.query) graphqlBodies.withText += 1;
    else graphqlBodies.hashOnly += 1;
  });
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(appUrl, { waitUntil: "networkidle" });
  await page.locator(`button[data-handle="${handle}"]`).click();
  await page.getByRole("heading", { name: "Your feed" }).waitFor({ timeout: TIMEOUT });
  // Marks this document: if the page ever reloads, the mark is gone.
  await page.evaluate(() => { window.__sameDocument = true; });
  return { page, errors };
}

async function shot(page, name) {
  const path = `${shots}/${String(steps.length + 1).padStart(2, "0")}-${name}.png`;
  await page.screenshot({ path, fullPage: true });
  steps.push(name);
}

try {
  // A signs in as carol and follows bob from his profile page
  const a = await userPage("carol");
  await shot(a.page, "a-signed-in-feed");
  await a.page.goto(`${appUrl}#/user/bob`);
  const follow = a.page.locator("button.follow");
  await follow.waitFor({ timeout: TIMEOUT });
  await follow.click();
  await a.page.locator('button.follow[aria-pressed="true"]').waitFor({ timeout: TIMEOUT });
  await shot(a.page, "a-follows-bob");
  await a.page.locator("nav a", { hasText: "Feed" }).click();
  await a.page.getByRole("heading", { name: "Your feed" }).waitFor({ timeout: TIMEOUT });
  await a.page.evaluate(() => { window.__sameDocument = true; });

  // B signs in as bob and publishes a post with an image (straight to storage)
  const b = await userPage("bob");
  await b.page.fill("#post-title", title);
  await b.page.fill("#post-body", "Taken from the pier.");
  await b.page.selectOption("#post-category", "general");
  await b.page.setInputFiles("#post-image", { name: "sunset.png", mimeType: "image/png", buffer: png() });
  await b.page.fill("#post-alt", "An orange rectangle standing in for a sunset");
  await b.page.locator("form.compose button[type=submit]").click();
  const bCard = b.page.locator("article.post", { hasText: title });
  await bCard.waitFor({ timeout: TIMEOUT });
  await shot(b.page, "b-published-with-image");

  // A sees it arrive by polling, without a reload
  const aCard = a.page.locator("article.post", { hasText: title });
  const arrivedAfter = Date.now();
  await aCard.waitFor({ timeout: TIMEOUT });
  const arrivalMs = Date.now() - arrivedAfter;
  const aReloaded = !(await a.page.evaluate(() => window.__sameDocument === true));
  await shot(a.page, "a-sees-new-post");

  // A opens it; the image loads (decoded by the browser) and carries its alt text
  await aCard.locator("h2 a").click();
  await a.page.getByRole("heading", { name: "Comments" }).waitFor({ timeout: TIMEOUT });
  const image = a.page.locator("article.post img");
  await image.waitFor({ timeout: TIMEOUT });
  await a.page.waitForFunction(() => {
    const img = document.querySelector("article.post img");
    return img && img.complete && img.naturalWidth > 0;
  }, null, { timeout: TIMEOUT });
  const imageInfo = await image.evaluate((img) => ({
    src: img.currentSrc, alt: img.alt, width: img.naturalWidth, height: img.naturalHeight,
  }));
  await shot(a.page, "a-opened-post-image-loaded");

  // A likes it from the keyboard
  const like = a.page.locator("article.post button.like");
  await like.focus();
  await a.page.keyboard.press("Enter");
  await a.page.locator('article.post button.like[aria-pressed="true"]').waitFor({ timeout: TIMEOUT });
  const aLikeLabel = await like.textContent();
  const focusVisible = await like.evaluate((el) => el.matches(":focus-visible"));
  await shot(a.page, "a-liked");

  // B's feed shows the like after its next poll, without a reload
  await b.page.waitForFunction(
    (t) => [...document.querySelectorAll("article.post")]
      .find((el) => el.textContent.includes(t))?.querySelector("button.like")?.dataset.count === "1",
    title,
    { timeout: TIMEOUT },
  );
  const bLikeLabel = await bCard.locator("button.like").textContent();
  const bReloaded = !(await b.page.evaluate(() => window.__sameDocument === true));
  await shot(b.page, "b-sees-like-count");

  // Accessible basics, checked on A's page: every image has alt text, every input a label
  const unlabelled = await b.page.evaluate(() => [...document.querySelectorAll("input, textarea, select")]
    .filter((el) => !document.querySelector(`label[for="${el.id}"]`)).map((el) => el.name));
  console.log(JSON.stringify({
    steps, blocked, loopbackHosts: [...loopbackRequests], arrivalMs, aReloaded, bReloaded,
    imageInfo, aLikeLabel, bLikeLabel, focusVisible, unlabelled, graphqlBodies,
    pageErrors: [...a.errors, ...b.errors],
  }));
} finally {
  await browser.close();
}
