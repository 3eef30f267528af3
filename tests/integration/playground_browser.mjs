// Opens the GraphiQL playground in headless Chromium with every non-loopback request blocked,
// types a query, runs it and waits for the answer. Usage: node playground_browser.mjs <url> <png>
import { chromium } from "playwright-core";

const [url, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const blocked = [];
  await context.route("**/*", (route) => {
    const host = new URL(route.request().url()).hostname;
    if (host === "127.0.0.1" || host === "localhost") return route.continue();
    blocked.push(route.request().url());
    return route.abort(); // no internet
  });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "networkidle" });
  const editor = ".graphiql-query-editor .CodeMirror";
  await page.waitForSelector(editor, { timeout: 20000 });
  // What it opens on: Agora's example tabs, the first one shown
  const tabs = await page.locator(".graphiql-tab .graphiql-tab-button").allTextContents();
  const opening = await page.evaluate((selector) => document.querySelector(selector).CodeMirror.getValue(), editor);
  await page.screenshot({ path: screenshot.replace(/\.png$/, "-opening.png"), fullPage: true });
  // Type it like a person, in a tab of its own beside the examples, key by key.
  await page.click('button[aria-label="Add tab"]');
  await page.waitForFunction(() => document.querySelectorAll(".graphiql-tab").length === 5);
  // The new tab is the one shown once its editor holds the new-tab hint
  await page.waitForFunction(
    (selector) => document.querySelector(selector).CodeMirror.getValue().startsWith("# Write an operation here"),
    editor,
    { timeout: 20000 },
  );
  const newTab = await page.evaluate((selector) => document.querySelector(selector).CodeMirror.getValue(), editor);
  await page.click(editor);
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  // A pause between keys: under a loaded machine GraphiQL's hint popup renders late, and a key
  // sent while it is still opening can land in it instead of the editor.
  await page.keyboard.type("query Me { me { handle } health ", { delay: 25 });
  const wanted = "query Me { me { handle } health }";
  try {
    await page.waitForFunction(
      ([selector, text]) => document.querySelector(selector).CodeMirror.getValue().trim() === text,
      [editor, wanted],
      { timeout: 45000 },
    );
  } catch (error) {
    await page.screenshot({ path: screenshot.replace(/\.png$/, "-typing-failed.png"), fullPage: true });
    const shown = await page.evaluate((selector) => document.querySelector(selector).CodeMirror.getValue(), editor);
    throw new Error(`the editor holds ${JSON.stringify(shown)}, not ${JSON.stringify(wanted)}: ${error}`);
  }
  // GraphiQL works out the operation's name from the text after a pause in typing (debounced);
  // run before that and it still sends the name of the tab shown before.
  await page.waitForTimeout(1500);
  await page.click(".graphiql-execute-button");
  const output = ".graphiql-response .CodeMirror";
  try {
    await page.waitForFunction(
      (selector) => (document.querySelector(selector)?.CodeMirror?.getValue() || "").includes('"health"'),
      output,
      { timeout: 30000 },
    );
  } catch (error) {
    await page.screenshot({ path: screenshot.replace(/\.png$/, "-failed.png"), fullPage: true });
    const shown = await page.evaluate((selector) => document.querySelector(selector)?.CodeMirror?.getValue(), output);
    throw new Error(`no answer in the response pane (it shows ${JSON.stringify(shown)}): ${error}`);
  }
  const answer = await page.evaluate((selector) => document.querySelector(selector).CodeMirror.getValue(), output);
  const typed = await page.evaluate((selector) => document.querySelector(selector).CodeMirror.getValue(), editor);
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(JSON.stringify({ answer: JSON.parse(answer), typed, blocked, tabs, opening, newTab }));
} finally {
  await browser.close();
}
