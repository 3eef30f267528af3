// Blocks, mutes, reports and moderation in the web client, in headless Chromium (loopback only).
// Bob mutes hiro from a post card and unmutes him from his muted list; reports alice's post (twice:
// the second time the dialog shows the API's answer) and reports jamal; blocks alice from her
// profile: her posts leave his feed and her profile page, and he leaves hers. Bob has no
// moderation page (the API answers FORBIDDEN). Kemi, a moderator, removes the reported post and
// suspends jamal for 7 days; both show in the audit log. Jamal's next write explains the suspension.
// Usage: node web_client_safety.mjs <app url> <dir> <json: {alice, hiro, jamal, alicePost, hiroPost}>
import { TIMEOUT, launch, signedIn, stepShots } from "./browser_session.mjs";

const [appUrl, dir, given] = process.argv.slice(2);
const ids = JSON.parse(given);
const { steps, shot } = stepShots(dir);
const out = {};

const status = (page) => page.locator("#status");
const statusSays = async (page, text) => {
  await status(page).filter({ hasText: text }).waitFor({ timeout: TIMEOUT });
  return status(page).textContent();
};
const cardsBy = (page, userId) => page.locator(`article.post[data-author-id="${userId}"]`).count();
const card = (page, postId) => page.locator(`article.post[data-post-id="${postId}"]`);
const screen = async (page, hash, heading) => {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await page.getByRole("heading", { level: 1, name: heading }).waitFor({ timeout: TIMEOUT });
};
const feedAgain = async (page) => {
  await page.reload({ waitUntil: "networkidle" });
  await page.getByRole("heading", { name: "Your feed" }).waitFor({ timeout: TIMEOUT });
};

async function report(page, opener, reason, note) {
  await opener.click();
  const dialog = page.locator("dialog.report-dialog[open]");
  await dialog.waitFor({ timeout: TIMEOUT });
  await dialog.getByLabel("Why?").selectOption(reason);
  await dialog.getByLabel(/Anything the moderators should know/).fill(note);
  await dialog.getByRole("button", { name: "Send report" }).click();
  return dialog;
}

const browser = await launch();
try {
  const bob = await signedIn(browser, appUrl, "bob");
  const page = bob.page;
  await card(page, ids.hiroPost).waitFor({ timeout: TIMEOUT });
  await card(page, ids.alicePost).waitFor({ timeout: TIMEOUT });
  out.navWithoutModeration = await page.locator("nav a", { hasText: "Moderation" }).count();
  out.aliceCardsBefore = await cardsBy(page, ids.alice);
  out.hiroCardsBefore = await cardsBy(page, ids.hiro);

  // Mute hiro from his card's menu: his cards leave the feed at once, and after a reload
  await card(page, ids.hiroPost).locator("summary", { hasText: "More" }).click();
  await card(page, ids.hiroPost).getByRole("button", { name: "Mute @hiro" }).click();
  out.muteStatus = await statusSays(page, "You muted @hiro");
  out.hiroCardsAfterMute = await cardsBy(page, ids.hiro);
  await feedAgain(page);
  out.hiroCardsAfterMuteReload = await cardsBy(page, ids.hiro);
  await shot(page, "bob-muted-hiro");
  await screen(page, "#/muted", "People you mute");
  out.mutedList = await page.locator("ul.people-list li").allTextContents();
  await shot(page, "bob-muted-list");
  await page.getByRole("button", { name: "Unmute @hiro" }).click();
  out.unmuteStatus = await statusSays(page, "Unmuted @hiro");
  out.mutedListAfter = await page.locator("ul.people-list li").count();
  await screen(page, "#/feed", "Your feed");
  await card(page, ids.hiroPost).waitFor({ timeout: TIMEOUT });
  out.hiroBackAfterUnmute = await cardsBy(page, ids.hiro);

  // Report alice's post from its card, then again: the dialog shows the API's answer
  const menu = card(page, ids.alicePost).locator("details.safety-menu");
  await menu.locator("summary").click();
  await report(page, menu.getByRole("button", { name: "Report post" }), "SPAM", "Selling pills in every thread");
  out.reportStatus = await statusSays(page, "the moderators have your report");
  out.dialogsOpenAfterReport = await page.locator("dialog[open]").count();
  if ((await menu.getAttribute("open")) === null) await menu.locator("summary").click();
  const again = await report(page, menu.getByRole("button", { name: "Report post" }), "HATE", "Again");
  const answer = again.locator("p.answer");
  await answer.filter({ hasText: /./ }).waitFor({ timeout: TIMEOUT });
  out.secondReport = { text: await answer.textContent(), code: await answer.getAttribute("data-code") };
  await shot(page, "bob-second-report-answered");
  await again.getByRole("button", { name: "Cancel" }).click();

  // Report jamal (a person) from his profile
  await screen(page, "#/user/jamal", /Jamal Carter/);
  await report(page, page.getByRole("button", { name: "Report person" }), "HARASSMENT", "Insults in my replies");
  out.personReportStatus = await statusSays(page, "report of this person");

  // Block alice from her profile: her posts leave the page, the feed, and stay gone
  await screen(page, "#/user/alice", /Alice Liddell/);
  out.alicePostsOnProfileBefore = await page.locator("article.post").count();
  await page.getByRole("button", { name: "Block @alice" }).click();
  out.blockStatus = await statusSays(page, "You blocked @alice");
  out.alicePostsOnProfileAfter = await page.locator("article.post").count();
  out.unblockOffered = await page.getByRole("button", { name: "Unblock @alice" }).getAttribute("aria-pressed");
  await shot(page, "bob-blocked-alice-profile");
  await page.reload({ waitUntil: "networkidle" });
  await page.getByRole("heading", { level: 1, name: /Alice Liddell/ }).waitFor({ timeout: TIMEOUT });
  out.alicePostsOnProfileReloaded = await page.locator("article.post").count();
  await screen(page, "#/feed", "Your feed");
  await page.locator("article.post").first().waitFor({ timeout: TIMEOUT });
  out.aliceCardsAfterBlock = await cardsBy(page, ids.alice);
  await shot(page, "bob-feed-without-alice");
  await screen(page, "#/blocked", "People you block");
  out.blockedList = await page.locator("ul.people-list li").allTextContents();

  // Bob is no moderator: no link, and the page shows the API's FORBIDDEN
  await screen(page, "#/moderation", "Moderation");
  const forbidden = page.locator("p.forbidden");
  out.bobModeration = { text: await forbidden.textContent(), code: await forbidden.getAttribute("data-code") };
  await shot(page, "bob-moderation-forbidden");

  // Alice, blocked: bob's posts are gone from her feed and his profile is not found
  const alice = await signedIn(browser, appUrl, "alice");
  await alice.page.locator("article.post").first().waitFor({ timeout: TIMEOUT });
  out.bobCardsInAliceFeed = await cardsBy(alice.page, ids.bob);
  await screen(alice.page, "#/user/bob", "Not found");
  await shot(alice.page, "alice-cannot-see-bob");

  // Kemi moderates: two cases; remove alice's post, suspend jamal for 7 days
  const kemi = await signedIn(browser, appUrl, "kemi");
  const mod = kemi.page;
  out.kemiNav = await mod.locator("nav a", { hasText: "Moderation" }).count();
  await mod.locator("nav a", { hasText: "Moderation" }).click();
  await mod.getByRole("heading", { level: 1, name: "Moderation" }).waitFor({ timeout: TIMEOUT });
  const cases = mod.locator("article.case");
  await cases.first().waitFor({ timeout: TIMEOUT });
  out.cases = await cases.evaluateAll((all) => all.map((c) => ({
    id: c.dataset.caseId,
    heading: c.querySelector("h3").textContent,
    byline: c.querySelector(".byline").textContent,
    content: c.querySelector("blockquote").textContent,
    reports: [...c.querySelectorAll("ul.reports li")].map((li) => li.textContent),
  })));
  await shot(mod, "kemi-moderation-queue");
  const postCase = cases.filter({ hasText: "Post by" });
  await postCase.getByLabel("Remove the content").check();
  await postCase.getByLabel(/Reason/).fill("Spam: pill adverts");
  await postCase.getByRole("button", { name: "Apply" }).click();
  out.removeStatus = await statusSays(mod, "Removed the content");
  await mod.locator("ol.audit li[data-action=REMOVE_CONTENT]").waitFor({ timeout: TIMEOUT });
  const personCase = mod.locator("article.case").filter({ hasText: "Person: @jamal" });
  await personCase.getByLabel("Suspend this person").check();
  await personCase.getByLabel("Days").fill("7");
  await personCase.getByLabel(/Reason/).fill("Harassment in replies");
  await personCase.getByRole("button", { name: "Apply" }).click();
  out.suspendStatus = await statusSays(mod, "Suspended the author");
  await mod.locator("ol.audit li[data-action=SUSPEND_AUTHOR]").waitFor({ timeout: TIMEOUT });
  out.casesLeft = await mod.locator("article.case").count();
  out.audit = await mod.locator("ol.audit li").evaluateAll((all) => all.map((li) => ({
    action: li.dataset.action, text: li.textContent,
  })));
  await shot(mod, "kemi-audit-log");

  // Jamal, suspended, can read but a like explains why it is refused, and until when
  const jamal = await signedIn(browser, appUrl, "jamal");
  const like = jamal.page.locator("article.post button.like").first();
  await like.click();
  out.suspendedLike = await statusSays(jamal.page, "Your account is suspended");
  await shot(jamal.page, "jamal-suspended-write");

  out.pageErrors = [...bob.errors, ...alice.errors, ...kemi.errors, ...jamal.errors];
  out.blocked = [...bob.blocked, ...alice.blocked, ...kemi.blocked, ...jamal.blocked];
  console.log(JSON.stringify({ steps, ...out }));
} finally {
  await browser.close();
}
