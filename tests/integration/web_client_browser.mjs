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

async function userPage(handle, viewport = { width: 1000, height: 900 }) {
  const context = await browser.newContext({ viewport });
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
  const image = a.page.locator("article.post img.media");
  await image.waitFor({ timeout: TIMEOUT });
  await a.page.waitForFunction(() => {
    const img = document.querySelector("article.post img.media");
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

  // A comments on the post: the card's count follows at once
  await a.page.fill("#comment-body", "Lovely colours");
  await a.page.locator("form.comment-form button[type=submit]").click();
  await a.page.locator("li.comment", { hasText: "Lovely colours" }).waitFor({ timeout: TIMEOUT });
  await a.page.locator('article.post a.comments[data-count="1"]').waitFor({ timeout: TIMEOUT });
  const commentLabel = await a.page.locator("article.post a.comments").textContent();
  await shot(a.page, "a-commented-count-follows");

  // A edits her comment: new text, marked "edited"
  const aComment = a.page.locator("li.comment", { hasText: "Lovely colours" });
  const aCommentId = await aComment.getAttribute("data-comment-id");
  await aComment.locator("button.edit").click();
  await a.page.fill(`#edit-comment-${aCommentId}`, "Lovely colours, and the pier too");
  await a.page.locator(`li.comment[data-comment-id="${aCommentId}"] form button[type=submit]`).click();
  const editedComment = a.page.locator(`li.comment[data-comment-id="${aCommentId}"]`);
  await editedComment.locator("p.text", { hasText: "and the pier too" }).waitFor({ timeout: TIMEOUT });
  const editedCommentByline = await editedComment.locator(".byline").textContent();
  await shot(a.page, "a-edited-own-comment");

  // A deletes her own comment; the count goes back
  await editedComment.locator("button.delete").click();
  await editedComment.waitFor({ state: "detached", timeout: TIMEOUT });
  await a.page.locator('article.post a.comments[data-count="0"]').waitFor({ timeout: TIMEOUT });
  const statusBeforeLeaving = await a.page.locator("#status").textContent();
  await shot(a.page, "a-deleted-own-comment");

  // Leaving the screen clears its message at once
  await a.page.locator("a", { hasText: "Back to your feed" }).click();
  await a.page.getByRole("heading", { name: "Your feed" }).waitFor({ timeout: TIMEOUT });
  const statusAfterLeaving = await a.page.locator("#status").textContent();

  // A's feed: avatars on every card, relative times, and "Load more" until there is no more
  await a.page.locator("article.post").first().waitFor({ timeout: TIMEOUT });
  const cards = a.page.locator("article.post");
  const firstPage = await cards.count();
  // The avatars load from the S3 emulator: wait for them (a slow machine takes a while)
  await a.page.waitForFunction(
    () => [...document.querySelectorAll("article.post header img.avatar")].every((img) => img.complete),
    null,
    { timeout: TIMEOUT },
  );
  const avatars = await a.page.evaluate(() => {
    const posts = [...document.querySelectorAll("article.post")];
    const pictures = [...document.querySelectorAll("article.post header img.avatar")];
    return {
      posts: posts.length,
      withAvatar: posts.filter((p) => p.querySelector("header .avatar")).length,
      pictures: pictures.length,
      loaded: pictures.filter((img) => img.complete && img.naturalWidth > 0).length,
    };
  });
  const times = await a.page.locator("article.post time").allTextContents();
  const more = a.page.locator("button.more");
  let clicks = 0;
  while (await more.isVisible() && clicks < 20) {
    const before = await cards.count();
    await more.click();
    clicks += 1;
    await a.page.waitForFunction(
      (n) => document.querySelectorAll("article.post").length > n || document.querySelector("button.more").hidden,
      before,
      { timeout: TIMEOUT },
    );
  }
  const loadMore = {
    firstPage, clicks, total: await cards.count(), visibleAtEnd: await more.isVisible(),
    hiddenAtEnd: await more.evaluate((b) => b.hidden),
  };
  await shot(a.page, "a-feed-loaded-to-the-end");

  // B edits his post; cards of others' posts offer no edit or delete
  const bPostId = await bCard.getAttribute("data-post-id");
  const bOwnCard = b.page.locator(`article.post[data-post-id="${bPostId}"]`);
  await bOwnCard.locator("button.edit").click();
  await b.page.fill(`#edit-title-${bPostId}`, `${title} (edited)`);
  await bOwnCard.locator("form button[type=submit]").click();
  await bOwnCard.locator("h2", { hasText: `${title} (edited)` }).waitFor({ timeout: TIMEOUT });
  const editedByline = await bOwnCard.locator(".byline").textContent();
  const othersWithControls = await b.page.evaluate(() => [...document.querySelectorAll("article.post")]
    .filter((p) => !p.querySelector(".byline a")?.textContent?.includes("Bob"))
    .filter((p) => p.querySelector("button.edit, button.delete")).length);
  const othersShown = await b.page.evaluate(() => [...document.querySelectorAll("article.post")]
    .filter((p) => !p.querySelector(".byline a")?.textContent?.includes("Bob")).length);
  await shot(b.page, "b-edited-own-post");

  // B deletes it (after confirming); A's feed drops it at its next poll
  await bOwnCard.locator("button.delete").click();
  await bOwnCard.locator("button.confirm-delete").click();
  await bOwnCard.waitFor({ state: "detached", timeout: TIMEOUT });
  await shot(b.page, "b-deleted-own-post");
  await a.page.locator("article.post", { hasText: title }).waitFor({ state: "detached", timeout: TIMEOUT });
  const aStillSameDocument = await a.page.evaluate(() => window.__sameDocument === true);

  // On a 390 px phone: nothing wider than the screen, the status message covers no post
  const phone = await userPage("dave", { width: 390, height: 844 });
  await phone.page.locator("article.post").first().waitFor({ timeout: TIMEOUT });
  const phoneLike = phone.page.locator("article.post button.like").first();
  await phoneLike.click();
  await phone.page.locator("#status", { hasText: /Like/ }).waitFor({ timeout: TIMEOUT });
  const layout = async (page) => page.evaluate(() => {
    const status = document.getElementById("status").getBoundingClientRect();
    const overlaps = [...document.querySelectorAll("article.post, form")]
      .map((el) => el.getBoundingClientRect())
      .filter((r) => status.height > 0 && r.top < status.bottom && r.bottom > status.top
        && r.left < status.right && r.right > status.left).length;
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      statusShown: status.height > 0,
      overlaps,
    };
  });
  const phoneFeed = await layout(phone.page);
  await shot(phone.page, "phone-feed-with-status");
  // The message goes by itself after a few seconds
  const shownAt = Date.now();
  await phone.page.waitForFunction(() => document.getElementById("status").textContent === "", null, { timeout: TIMEOUT });
  const statusClearedAfterMs = Date.now() - shownAt;
  await phone.page.locator("article.post h2 a").first().click();
  await phone.page.getByRole("heading", { name: "Comments" }).waitFor({ timeout: TIMEOUT });
  const phonePost = await layout(phone.page);
  await shot(phone.page, "phone-post");

  // Accessible basics, checked on B's page: every input has a label
  const unlabelled = await b.page.evaluate(() => [...document.querySelectorAll("input, textarea, select")]
    .filter((el) => !document.querySelector(`label[for="${el.id}"]`)).map((el) => el.name));
  console.log(JSON.stringify({
    steps, blocked, loopbackHosts: [...loopbackRequests], arrivalMs, aReloaded, bReloaded,
    imageInfo, aLikeLabel, bLikeLabel, focusVisible, unlabelled, graphqlBodies,
    commentLabel, editedCommentByline, statusBeforeLeaving, statusAfterLeaving, avatars, times, loadMore,
    editedByline, othersWithControls, othersShown, aStillSameDocument, phoneFeed, phonePost,
    statusClearedAfterMs, pageErrors: [...a.errors, ...b.errors, ...phone.errors],
  }));
} finally {
  await browser.close();
}
