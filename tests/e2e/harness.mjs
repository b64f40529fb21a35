// The harness every real-window script shares: WebKitWebDriver through tauri-driver, a
// `test` that records its result and screenshots a failure, and helpers that find elements
// again when a live refresh re-drew them. `browser` is the session in use (`setBrowser` moves
// between windows of a team test); its binding is live for the importing scripts.
import { spawn } from "node:child_process";
import { createConnection } from "node:net";
import { mkdirSync } from "node:fs";
import { remote } from "webdriverio";

export const APP = process.env.APP_BIN;
export const DRIVER = process.env.TAURI_DRIVER;
export const SHOTS = process.env.SCREENSHOT_DIR ?? "docs/screenshots";
mkdirSync(SHOTS, { recursive: true });

export const results = [];
export async function test(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    results.push({ name, ok: false });
    console.log(`FAIL ${name}: ${e?.stack ?? e}`);
    await shot(`failure-${name.replace(/\W+/g, "-")}`).catch(() => {});
  }
}
export function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

export function waitPort(port, ms) {
  const until = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const s = createConnection({ port, host: "127.0.0.1" }, () => { s.end(); resolve(); });
      s.on("error", () => (Date.now() > until ? reject(new Error(`port ${port} never opened`)) : setTimeout(attempt, 100)));
    };
    attempt();
  });
}

/** tauri-driver on `port` (and WebKitWebDriver on `port + 1`), with `env` for the app. */
export function startDriver(port, env = process.env) {
  return spawn(DRIVER, ["--port", String(port), "--native-port", String(port + 1)], { stdio: ["ignore", "inherit", "inherit"], env });
}

/** A session of the app through the driver on `port`, once the driver listens. */
export async function openApp(port) {
  await waitPort(port, 20000);
  await waitPort(port + 1, 20000);
  return remote({
    hostname: "127.0.0.1",
    port,
    logLevel: "error",
    capabilities: { "tauri:options": { application: APP }, "wdio:enforceWebDriverClassic": true },
  });
}

export let browser;
export function setBrowser(b) {
  browser = b;
}
export async function shot(name) {
  await browser.saveScreenshot(`${SHOTS}/${name}.png`);
}
export const $ = (sel) => browser.$(sel);
export async function text(sel) {
  return (await $(sel)).getText();
}
// A view re-drawn by a live refresh (a team journal's announcements) replaces its elements, so
// an element found a moment ago can be gone when it is clicked: find it again, up to 3 times.
export async function click(sel) {
  for (let attempt = 1; ; attempt++) {
    try {
      const el = await $(sel);
      await el.waitForClickable({ timeout: 10000 });
      await el.click();
      return;
    } catch (e) {
      if (attempt >= 3 || !/stale element|not found|no such element/i.test(String(e?.message ?? e))) throw e;
    }
  }
}
export async function fill(id, value) {
  const el = await $(`#${id}`);
  await el.waitForExist({ timeout: 10000 });
  await el.setValue(value);
}
export async function select(id, value) {
  const el = await $(`#${id}`);
  await el.waitForExist({ timeout: 10000 });
  await el.selectByAttribute("value", value);
}
export async function waitText(sel, re, timeout = 15000) {
  let last = "(not found)";
  try {
    await browser.waitUntil(async () => {
      try {
        const el = await $(sel);
        if (!(await el.isExisting())) return false;
        last = await el.getText();
        return re.test(last);
      } catch {
        return false; // re-drawn while being read: read it again
      }
    }, { timeout });
  } catch {
    throw new Error(`${sel} never matched ${re}; it read: ${JSON.stringify(last.slice(0, 400))}`);
  }
}

/** Prints the tally and ends the process with its verdict. */
export function finish() {
  const failed = results.filter((r) => !r.ok).length;
  console.log(`e2e: ${results.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
