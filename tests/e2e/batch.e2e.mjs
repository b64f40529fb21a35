// Batches in the real app window: a spreadsheet's CSV (as Excel saves it on a Spanish-locale
// Windows) imported, a row the desk flags fixed in place, the control total typed, the batch
// sent and watched, and the result file saved through the shell's save dialog (typed into with
// xdotool, as an operator would). Run by tests/e2e/run.sh after desk.e2e.mjs.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  assert, browser, setBrowser, $, click, shot, startDriver, openApp, test, waitText, finish,
} from "./harness.mjs";

const data = mkdtempSync(join(tmpdir(), "cashout-e2e-batch-"));
const files = mkdtempSync(join(tmpdir(), "cashout-e2e-files-"));
const driver = startDriver(4452, { ...process.env, CASHOUT_DATA_DIR: data });

const ROWS = 12;
/** The file: BOM, semicolons, decimal commas with dots between thousands; row 5 (the 4th
 * payout) has a CPF with a wrong check digit; rows 8 and 9 are the same payout twice. */
function spreadsheet() {
  const lines = ["País;Moneda;Monto;CPF;Nome;Sobrenome;Banco;Telefone"];
  for (let i = 0; i < ROWS; i++) {
    const cents = (i * 7) % 100;
    const amount = `${i === 3 ? "1.250" : String(100 + i * 10)},${String(cents).padStart(2, "0")}`;
    const cpf = i === 3 ? "390.533.447-06" : "390.533.447-05";
    const phone = i === 7 ? "+55 11 98765-4006" : `+55 11 98765-${String(4000 + i).padStart(4, "0")}`;
    const same = i === 7 ? lines[7] : null;
    lines.push(same ?? `BR;BRL;${amount};${cpf};João;Araújo ${i};10000;${phone}`);
  }
  return `\ufeff${lines.join("\r\n")}\r\n`;
}

/** Chooses `path` as an operator does: "Choose a file…" opens the shell's file dialog (GTK),
 * where the path is typed. */
async function chooseFile(path) {
  await click("#batch-pick");
  const x = (...args) => execFileSync("xdotool", args, { encoding: "utf8", timeout: 10000 }).trim();
  const id = x("search", "--sync", "--onlyvisible", "--name", "^Open File$").split("\n")[0];
  x("windowfocus", "--sync", id);
  x("sleep", "0.5");
  x("key", "--clearmodifiers", "ctrl+l");
  // The location bar completes as it is typed: slowly, as a person types.
  x("sleep", "0.5");
  x("type", "--delay", "20", path);
  x("sleep", "0.5");
  x("key", "Return");
}

/** Answers the shell's save dialog by typing the path, as an operator would (the dialog gets
 * the keyboard first: Xvfb runs no window manager to give it). */
function typeIntoSaveDialog(path) {
  const x = (...args) => execFileSync("xdotool", args, { encoding: "utf8" }).trim();
  const id = x("search", "--sync", "--onlyvisible", "--name", "^Save File$").split("\n")[0];
  x("windowfocus", "--sync", id);
  x("sleep", "0.5");
  x("key", "--clearmodifiers", "ctrl+a");
  x("type", "--delay", "20", path);
  x("sleep", "0.5");
  x("key", "Return");
}

try {
  setBrowser(await openApp(4452));
  await browser.setWindowSize?.(1200, 780).catch(() => {});
  const file = join(files, "pagos-noviembre.csv");
  writeFileSync(file, spreadsheet(), "utf8");
  let batchId = "";

  await test("a spreadsheet's CSV is read as written: encoding, separator, decimal commas, a bad CPF at its cell", async () => {
    await waitText("#env-name", /SANDBOX/);
    await click("#nav-batches");
    await (await $("#batch-decimal")).selectByAttribute("value", "comma");
    await shot("46-batches-import");
    await chooseFile(file);
    await waitText("#review-file", /pagos-noviembre\.csv · CSV, UTF-8 with BOM, separated by “;” · 12 rows/);
    await waitText("#review-counts", /^11 ready · 1 with errors · 2 with warnings · 0 excluded$/);
    // The total in the file's own style (a comma file): what the spreadsheet's sum shows.
    await waitText("#review-total-BRL", /^BRL \d{1,3}(\.\d{3})*,\d\d$/);
    const bad = await browser.execute(() => {
      const c = document.querySelector(".cell-error");
      return c ? { text: c.textContent, why: c.getAttribute("title") } : null;
    });
    assert(bad?.text === "390.533.447-06" && /check digit/i.test(bad?.why ?? ""), `the CPF's cell carries the form's message: ${JSON.stringify(bad)}`);
    await shot("47-batch-review");
  });

  await test("the flagged row is fixed in place with the keyboard, and checked again", async () => {
    await click("#review-filter-errors");
    await click("#review-open-5");
    const focused = await browser.execute(() => document.activeElement?.id);
    assert(focused === "fix-3", `the wrong cell has the focus: ${focused}`);
    await browser.execute(() => { const i = document.getElementById("fix-3"); i.value = ""; });
    await (await $("#fix-3")).addValue("390.533.447-05");
    await click("#fix-save");
    await waitText("#fix-result", /Row 5 is ready\./);
    await waitText("#review-counts", /^12 ready · 0 with errors/);
  });

  await test("a wrong control total writes nothing; rows paid twice need a yes; then the batch is written", async () => {
    await click("#review-filter-all");
    const total = await (await $("#review-total-BRL")).getText();
    const asTyped = total.replace(/^BRL /, ""); // typed as the review shows it: 1.234,56
    await (await $("#control-count-BRL")).setValue("12");
    await (await $("#control-total-BRL")).setValue("1,00");
    await click("#batch-confirm");
    await waitText("#review-error", /control totals do not match/);
    await browser.execute(() => { document.getElementById("control-total-BRL").value = ""; });
    await (await $("#control-total-BRL")).setValue(asTyped);
    await browser.execute(() => { document.getElementById("batch-rate").value = "60"; });
    await browser.setWindowSize?.(1024, 700).catch(() => {});
    const overflow = await browser.execute(() => { const v = document.getElementById("view"); return v.scrollWidth - v.clientWidth; });
    assert(overflow <= 0, `the review fits 1024×700 (the grid scrolls inside itself): ${overflow}px wider`);
    await click("#batch-confirm");
    // Rows 8 and 9 pay the same money to the same account: written only on an explicit yes.
    await waitText("#review-error", /2 rows pay the same amount to the same account[\s\S]*rows 8, 9/);
    await browser.execute(() => { const v = document.getElementById("view"); v.scrollTop = v.scrollHeight; });
    await browser.pause(300);
    await shot("48-batch-control-total-1024");
    await click("#batch-pay-duplicates");
    await waitText("#confirm-text", /second, separate payments/);
    await click("#confirm-yes");
    await waitText("#batch-counts", /written, not sent yet — 0 created · 0 declined · 0 not sent · 0 being checked · 12 waiting/);
    batchId = await browser.execute(() => document.querySelector("#batch-head .id-value")?.textContent ?? "");
    assert(/^[0-9a-f-]{36}$/.test(batchId), `the batch id is shown: ${batchId}`);
  });

  await test("the batch is sent at its rate with a progress bar, and ends with one payout per row", async () => {
    await click("#batch-send");
    await waitText("#batch-counts", /^sending — [1-9]\d* created/, 20000);
    await shot("49-batch-sending-1024");
    await waitText("#batch-counts", /^done — 12 created · 0 declined · 0 not sent · 0 being checked · 0 waiting/, 40000);
    const progress = await browser.execute(() => { const p = document.getElementById("batch-progress"); return [p.value, p.max]; });
    assert(progress[0] === 12 && progress[1] === 12, `the bar is full: ${progress}`);
    const outcomes = await browser.execute(() => [...document.querySelectorAll("#batch-rows-grid .grid-row")].map((r) => r.children[1]?.textContent));
    assert(outcomes.length > 0 && outcomes.every((o) => o === "created"), `every row drawn created: ${outcomes}`);
    await click("#nav-list");
    await waitText("#cashouts-table", new RegExp(`${batchId}-2`));
  });

  await test("the result file is saved through the save dialog with every id intact", async () => {
    await click("#nav-batches");
    // The completions' toasts sit over the table's right edge at 1024×700: closed as an
    // operator closes them.
    await browser.execute(() => document.querySelectorAll(".toast-dismiss").forEach((b) => b.click()));
    await click(`//table[@id='batch-table']//tr[@data-batch='${batchId}']//button`);
    const out = join(files, "resultado.csv");
    await click("#batch-save-csv");
    typeIntoSaveDialog(out);
    await waitText("#batch-saved", /Result file saved to .*resultado\.csv \(12 rows\)/);
    assert(existsSync(out), "written");
    const csv = readFileSync(out, "utf8");
    assert(csv.startsWith("\ufeffPaís;Moneda;Monto;CPF;Nome;Sobrenome;Banco;Telefone;row;external_id;outcome;cashout_id"), `headers: ${csv.slice(0, 200)}`);
    assert((csv.match(/;created;/g) ?? []).length === 12, "every row created");
    assert(csv.includes(`"=""${batchId}-2"""`), "external ids as text cells");
    await shot("50-batch-done");
  });

  await test("10,000 rows: the review's grid paints the rows in view (figures printed, not a timed test)", async () => {
    const big = join(files, "diez-mil.csv");
    const lines = ["country;currency;amount;document_id;beneficiary_name;beneficiary_lastname;bank_code;phone"];
    for (let i = 0; i < 10000; i++) lines.push(`BR;BRL;${100 + (i % 900)},${String(i % 100).padStart(2, "0")};390.533.447-05;Ana;Lima ${i};10000;+55 11 9${String(10000000 + i)}`);
    writeFileSync(big, `\ufeff${lines.join("\r\n")}\r\n`, "utf8");
    await click("#nav-batches");
    await (await $("#batch-decimal")).selectByAttribute("value", "comma");
    const opened = Date.now();
    await chooseFile(big);
    await waitText("#review-counts", /^10,000 ready/, 60000);
    const imported = Date.now() - opened;
    // A repaint of the grid from the shell's rows (100 around the view), timed in the page.
    const paint = await browser.executeAsync((done) => {
      const t0 = performance.now();
      document.getElementById("review-filter-all").click();
      const check = () => (document.querySelector("#review-grid .grid-row[data-row]") ? requestAnimationFrame(() => done(performance.now() - t0)) : requestAnimationFrame(check));
      check();
    });
    const scroll = await browser.executeAsync((done) => {
      const g = document.getElementById("review-grid");
      const t0 = performance.now();
      g.scrollTop = 30 * 9000;
      const check = () => (document.querySelector('#review-grid .grid-row[data-row="9002"]') ? done(performance.now() - t0) : requestAnimationFrame(check));
      check();
    });
    console.log(`     (10,000 rows: chosen → reviewed ${imported} ms in this debug build; grid painted ${paint.toFixed(0)} ms; scrolled to row 9,002 and drawn in ${scroll.toFixed(0)} ms)`);
    await ipcDiscard();
  });
} finally {
  await browser?.deleteSession().catch(() => {});
  driver.kill();
}
finish();

async function ipcDiscard() {
  await click("#batch-discard");
  await click("#confirm-yes");
}
