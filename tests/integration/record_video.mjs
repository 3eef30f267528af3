// Records a second of an animated canvas with Chromium's MediaRecorder, the way a browser
// client makes a video, and writes it to a file: a real container from a real writer.
// Usage: node record_video.mjs <mime type> <output path>
import { writeFileSync } from "node:fs";
import { chromium } from "playwright-core";

const [mimeType, output] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
try {
  const page = await browser.newPage();
  await page.setContent("<canvas id=c width=320 height=240></canvas>");
  const base64 = await page.evaluate(async (type) => {
    const canvas = document.getElementById("c");
    const paint = canvas.getContext("2d");
    const recorder = new MediaRecorder(canvas.captureStream(30), { mimeType: type });
    const chunks = [];
    recorder.ondataavailable = (event) => chunks.push(event.data);
    let frame = 0;
    const timer = setInterval(() => {
      paint.fillStyle = `hsl(${frame++ * 10}, 80%, 50%)`;
      paint.fillRect(0, 0, 320, 240);
    }, 33);
    recorder.start();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const stopped = new Promise((resolve) => (recorder.onstop = resolve));
    recorder.stop();
    await stopped;
    clearInterval(timer);
    const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
    let text = "";
    for (const byte of bytes) text += String.fromCharCode(byte);
    return btoa(text);
  }, mimeType);
  writeFileSync(output, Buffer.from(base64, "base64"));
} finally {
  await browser.close();
}
