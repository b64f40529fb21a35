// The signed update, proven on loopback in the real window (run by tests/update/run.sh, which
// builds version N and N+1 as .deb packages with a throwaway key and installs N). This script
// serves the update manifest and packages from 127.0.0.1 itself, runs the installed N, and
// shows, in order: a package changed by one byte is refused; a manifest announcing another
// version than the signed one is refused; an older version is never offered; the good update
// is offered, downloaded, verified and installed, and the app that comes back is N+1.
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { assert, browser, setBrowser, $, click, shot, startDriver, openApp, test, waitText, finish } from "./harness.mjs";

/** A session of the installed app, once its first form is drawn (a click before that would
 * race the start-up's own route). */
async function session() {
  setBrowser(await openApp(4462));
  await (await $("#f-country")).waitForExist({ timeout: 20000 });
}

const PORT = Number(process.env.UPDATE_PORT);
const NEXT = process.env.UPDATE_NEXT_VERSION;
const CURRENT = process.env.UPDATE_CURRENT_VERSION;
const PACKAGE = readFileSync(process.env.UPDATE_DEB);
const SIGNATURE = readFileSync(process.env.UPDATE_SIG, "utf8").trim();
const tampered = Buffer.from(PACKAGE);
tampered[Math.floor(tampered.length / 2)] ^= 0x01;

/** What the server answers now: a manifest and the package it points at. */
let served = { version: NEXT, body: PACKAGE };
const server = createServer((req, res) => {
  if (req.url === "/latest.json") {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({
      version: served.version,
      notes: "Loopback test release",
      pub_date: "2026-11-30T12:00:00Z",
      platforms: { "linux-x86_64-deb": { signature: SIGNATURE, url: `http://127.0.0.1:${PORT}/cashout-desk.deb` } },
    }));
  } else if (req.url === "/cashout-desk.deb") {
    res.setHeader("content-type", "application/octet-stream");
    res.end(served.body);
  } else {
    res.statusCode = 404;
    res.end();
  }
});
await new Promise((ok) => server.listen(PORT, "127.0.0.1", ok));

const installed = () => execFileSync("dpkg-query", ["-W", "-f=${Version}", "cashout-desk"], { encoding: "utf8" }).trim();

const driver = startDriver(4462);
try {
  await session();
  await test(`version ${CURRENT} is installed and says so under Settings → About`, async () => {
    assert(installed() === CURRENT, `dpkg says ${installed()}`);
    await click("#nav-settings");
    await waitText("#about-version", new RegExp(`^${CURRENT.replaceAll(".", "\\.")}$`));
    await waitText("#update-status", new RegExp(`Updates from http://127\\.0\\.0\\.1:${PORT}/latest\\.json`));
  });
  await test("a package changed by one byte is refused, and nothing is installed", async () => {
    served = { version: NEXT, body: tampered };
    await click("#update-check");
    await waitText("#update-offer", new RegExp(`Version ${NEXT.replaceAll(".", "\\.")} is available`));
    await click("#update-install-now");
    await waitText("#update-error", /not installed: The signature verification failed/, 60000);
    assert(installed() === CURRENT, `dpkg says ${installed()}`);
    await (await $("#update-error")).scrollIntoView();
    await shot("52-update-tampered-refused");
  });
  await test("a manifest announcing another version than the signed one is refused", async () => {
    served = { version: "9.9.9", body: PACKAGE };
    await click("#update-check");
    await waitText("#update-offer", /Version 9\.9\.9 is available/);
    await click("#update-install-on-quit");
    await waitText("#update-error", new RegExp(`not installed: The update was signed for version ${NEXT.replaceAll(".", "\\.")} but the update endpoint announced version 9\\.9\\.9`), 60000);
    assert(installed() === CURRENT, `dpkg says ${installed()}`);
  });
  await test("an older version is never offered", async () => {
    served = { version: "0.0.1", body: PACKAGE };
    await click("#update-check");
    await waitText("#update-none", /newest version/);
  });
  await test(`the signed ${NEXT} is offered, downloaded, verified and installed; the app comes back as ${NEXT}`, async () => {
    served = { version: NEXT, body: PACKAGE };
    await click("#update-check");
    await waitText("#update-offer", new RegExp(`Version ${NEXT.replaceAll(".", "\\.")} is available`));
    await (await $("#update-install-on-quit")).scrollIntoView();
    await shot("53-update-offered");
    // The app installs the package (dpkg, through sudo as root) and restarts: the session ends.
    await click("#update-install-now").catch(() => {});
    const until = Date.now() + 120000;
    while (installed() !== NEXT && Date.now() < until) await new Promise((r) => setTimeout(r, 500));
    assert(installed() === NEXT, `dpkg says ${installed()}`);
    await browser.deleteSession().catch(() => {});
    // The app restarted itself outside the driver's session: stop that one, open a session.
    try { execFileSync("pkill", ["-f", "^/usr/bin/cashout-desk"]); } catch { /* none left */ }
    await session();
    await click("#nav-settings");
    await waitText("#about-version", new RegExp(`^${NEXT.replaceAll(".", "\\.")}$`));
    await browser.execute(() => document.getElementById("updates")?.scrollIntoView({ block: "end" }));
    await new Promise((r) => setTimeout(r, 300));
    await shot("54-update-installed");
  });
  await test("every check and every step of each install is in the audit log", async () => {
    await click("#nav-audit");
    await waitText("#audit-table", /update installed[\s\S]*version \d+\.\d+\.\d+ installed now over/);
    const log = await (await $("#audit-table")).getText();
    for (const said of [/not installed now: The signature verification failed/, /announced version 9\.9\.9/, /installing now over/, /update checked/]) {
      assert(said.test(log), `the audit log says ${said}`);
    }
  });
} finally {
  await browser?.deleteSession().catch(() => {});
  driver.kill();
  server.close();
}
finish();
