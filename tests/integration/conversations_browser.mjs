// Conversations in the reference web client, headless Chromium, everything but loopback blocked.
// A (carol) and B (dave) on one demo post: A comments, B replies, A replies to the reply; the
// thread folds and unfolds; B likes A's comment; A edits her comment (marked "edited", the
// history shows the old text); A bookmarks the post. Usage: node conversations_browser.mjs <app url> <dir>
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";

const [appUrl, shots] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const TIMEOUT = 30_000;
const steps = [];
const marker = `Thread ${Date.now()}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const blocked = [];

async function userPage(handle) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 1200 } });
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1" || url.hostname === "localhost") return route.continue();
    blocked.push(url.href);
    return route.abort();
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(appUrl, { waitUntil: "networkidle" });
  await page.locator(`button[data-handle="${handle}"]`).click();
  await page.getByRole("heading", { name: "Your feed" }).waitFor({ timeout: TIMEOUT });
  return { page, errors };
}

async function shot(page, name) {
  const path = `${shots}/${String(steps.length + 1).padStart(2, "0")}-${name}.png`;
  await page.screenshot({ path, fullPage: true });
  steps.push(name);
}

async function openPost(page, postUrl) {
  // A hash already showing does not navigate: reload so the screen reads the post again.
  if (page.url() === postUrl) await page.reload();
  else await page.goto(postUrl);
  await page.getByRole("heading", { name: "Comments" }).waitFor({ timeout: TIMEOUT });
}

try {
  const a = await userPage("carol");
  // The first post of carol's feed is the conversation's post
  const firstLink = a.page.locator("article.post h2 a").first();
  await firstLink.waitFor({ timeout: TIMEOUT });
  const postUrl = new URL(await firstLink.getAttribute("href"), appUrl).href;
  await openPost(a.page, postUrl);

  // A comments
  await a.page.fill("#comment-body", `${marker}: first!`);
  await a.page.locator("form.comment-form button[type=submit]").click();
  const aComment = a.page.locator("ol.comments > li.comment", { hasText: `${marker}: first!` });
  await aComment.waitFor({ timeout: TIMEOUT });
  const aCommentId = await aComment.getAttribute("data-comment-id");
  await shot(a.page, "a-commented");

  // B opens the post and replies to A's comment, and likes it
  const b = await userPage("dave");
  await openPost(b.page, postUrl);
  const bSees = b.page.locator(`li.comment[data-comment-id="${aCommentId}"]`);
  await bSees.waitFor({ timeout: TIMEOUT });
  await bSees.locator("> button.like-comment").click();
  await b.page.locator(`li.comment[data-comment-id="${aCommentId}"] > button.like-comment[aria-pressed="true"]`).waitFor({ timeout: TIMEOUT });
  const likeLabel = await bSees.locator("> button.like-comment").textContent();
  await bSees.locator("> button.reply").click();
  await b.page.fill(`#reply-${aCommentId}`, `${marker}: a reply`);
  await bSees.locator("form.reply-form button[type=submit]").click();
  const bReply = bSees.locator("ol.replies > li.comment", { hasText: `${marker}: a reply` });
  await bReply.waitFor({ timeout: TIMEOUT });
  const replyId = await bReply.getAttribute("data-comment-id");
  await shot(b.page, "b-replied-and-liked");

  // A reloads: her comment shows the like count, one reply folded; she unfolds and answers it
  await openPost(a.page, postUrl);
  const aAgain = a.page.locator(`li.comment[data-comment-id="${aCommentId}"]`);
  const likeCount = await aAgain.locator("> button.like-comment").getAttribute("data-count");
  const fold = aAgain.locator("> details.thread");
  const summary = await fold.locator("> summary").textContent();
  const foldedAtFirst = !(await fold.evaluate((d) => d.open));
  const replyHiddenWhileFolded = !(await a.page.locator(`li.comment[data-comment-id="${replyId}"]`).isVisible());
  await fold.locator("> summary").click();
  const aSeesReply = a.page.locator(`li.comment[data-comment-id="${replyId}"]`);
  await aSeesReply.waitFor({ state: "visible", timeout: TIMEOUT });
  await shot(a.page, "a-unfolded-thread");
  await aSeesReply.locator("> button.reply").click();
  await a.page.fill(`#reply-${replyId}`, `${marker}: a reply to the reply`);
  await aSeesReply.locator("form.reply-form button[type=submit]").click();
  const deeper = aSeesReply.locator("ol.replies > li.comment", { hasText: "a reply to the reply" });
  await deeper.waitFor({ timeout: TIMEOUT });
  const deeperDepth = await deeper.getAttribute("data-depth");
  await shot(a.page, "a-replied-to-the-reply");

  // A folds the thread again: the replies are hidden
  await fold.locator("> summary").click();
  await aSeesReply.waitFor({ state: "hidden", timeout: TIMEOUT });
  const foldedAgain = !(await fold.evaluate((d) => d.open));
  await shot(a.page, "a-folded-thread");

  // A edits her comment: marked "edited", and the history shows the text it replaced
  await aAgain.locator("> button.edit").click();
  await a.page.fill(`#edit-comment-${aCommentId}`, `${marker}: first, edited`);
  await aAgain.locator("form.edit-comment button[type=submit]").click();
  await aAgain.locator("> .body-of-comment p.text", { hasText: "first, edited" }).waitFor({ timeout: TIMEOUT });
  const editedByline = await aAgain.locator("> .body-of-comment .byline").textContent();
  await aAgain.locator("> .body-of-comment button.history-toggle").click();
  const history = aAgain.locator("> ol.history li.version");
  await history.first().waitFor({ timeout: TIMEOUT });
  const historyText = await history.allTextContents();
  await shot(a.page, "a-edited-with-history");

  // A bookmarks the post; the saved state survives a reload
  await a.page.locator("article.post button.bookmark").click();
  await a.page.locator('article.post button.bookmark[aria-pressed="true"]').waitFor({ timeout: TIMEOUT });
  await openPost(a.page, postUrl);
  const savedAfterReload = await a.page.locator("article.post button.bookmark").getAttribute("aria-pressed");
  await shot(a.page, "a-bookmarked");

  console.log(JSON.stringify({
    steps, blocked, likeLabel, likeCount, summary, foldedAtFirst, replyHiddenWhileFolded,
    deeperDepth, foldedAgain, editedByline, historyText, savedAfterReload,
    postId: postUrl.split("/").pop(), aCommentId, replyId,
    pageErrors: [...a.errors, ...b.errors],
  }));
} finally {
  await browser.close();
}
