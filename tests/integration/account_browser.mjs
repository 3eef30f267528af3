// The web client's account screen in headless Chromium, everything but loopback blocked: a demo
// user downloads their data (the link is fetched and is a zip), then deletes the account and
// watches the deletion run to the end. Usage: node account_browser.mjs <app url> <dir> <handle>
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";

const [appUrl, shots, handle] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const TIMEOUT = 60_000;
const steps = [];
const blocked = [];
const errors = [];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

async function shot(page, name) {
  await page.screenshot({ path: `${shots}/${String(steps.length + 1).padStart(2, "0")}-${name}.png`, fullPage: true });
  steps.push(name);
}

let result = {};
try {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1" || url.hostname === "localhost") return route.continue();
    blocked.push(url.href);
    return route.abort();
  });
  const page = await context.newPage();
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(appUrl, { waitUntil: "networkidle" });
  await page.locator(`button[data-handle="${handle}"]`).click();
  await page.getByRole("heading", { name: "Your feed" }).waitFor({ timeout: TIMEOUT });

  // The account screen, from the navigation
  await page.locator("nav a", { hasText: "Account" }).click();
  await page.getByRole("heading", { name: "Your account", exact: true }).waitFor({ timeout: TIMEOUT });
  await shot(page, "account-screen");

  // Download my data: a link appears; what it serves is a zip archive
  await page.locator("button.export").click();
  const link = page.locator("p.export-link a");
  await link.waitFor({ timeout: TIMEOUT });
  const href = await link.getAttribute("href");
  const archive = await page.evaluate(async (url) => {
    const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
    return { size: bytes.length, magic: String.fromCharCode(bytes[0], bytes[1]) };
  }, href);
  await shot(page, "export-ready");

  // A wrong confirmation is refused with the reason; the right one starts the deletion
  await page.fill("#confirm-handle", "not-my-handle");
  await page.locator("form.delete-account button[type=submit]").click();
  await page.locator("#status", { hasText: "to delete your account" }).waitFor({ timeout: TIMEOUT });
  await shot(page, "wrong-confirmation-refused");
  await page.fill("#confirm-handle", handle);
  await page.locator("form.delete-account button[type=submit]").click();
  await page.locator("p.deletion-state", { hasText: /Deleting your account|Your account is deleted/ }).waitFor({ timeout: TIMEOUT });
  await shot(page, "deletion-running");
  // It runs off the request path (the stream); the screen polls until it is done
  await page.locator("p.deletion-state", { hasText: "Your account is deleted" }).waitFor({ timeout: TIMEOUT });
  await shot(page, "deletion-done");
  result = { archive, finalState: await page.locator("p.deletion-state").textContent() };
} finally {
  await browser.close();
}
console.log(JSON.stringify({ ...result, steps, blocked, errors }));
