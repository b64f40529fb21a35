import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearMocks } from "@tauri-apps/api/mocks";
import { renderList } from "./list";
import { commands, page, payout, table, view } from "../testkit";
import { dispatch } from "../events";
import type { CountryForm } from "../bindings/CountryForm";

beforeEach(page);
afterEach(() => clearMocks());

const forms = [{ code: "BR", name: "Brazil" }, { code: "MX", name: "Mexico" }] as CountryForm[];

describe("the cashouts list", () => {
  it("export uses the filters on screen, not the page, and says where it went", async () => {
    const calls = commands({ lifecycle: () => table, country_forms: () => forms, list_cashouts: () => [payout()], export_cashouts: () => ({ file: "C:\\Users\\ana\\cashouts.csv", rows: 3 }) });
    await renderList(view(), vi.fn());
    (view().querySelector("#filter-status") as HTMLSelectElement).value = "ON_HOLD";
    (view().querySelector("#filter-country") as HTMLSelectElement).value = "MX";
    (view().querySelector("#filter-text") as HTMLInputElement).value = "ana";
    (view().querySelector("#export-csv") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(view().querySelector("#export-result")?.textContent).toBe("Exported 3 payouts to C:\\Users\\ana\\cashouts.csv"));
    expect(calls.find((c) => c.cmd === "export_cashouts")?.args).toEqual({ filter: { status: "ON_HOLD", phases: [], country: "MX", text: "ana" } });
  });

  it("the status filter finds creates that are checking or were never sent, by their phase", async () => {
    const calls = commands({ lifecycle: () => table, country_forms: () => forms, list_cashouts: () => [] });
    await renderList(view(), vi.fn());
    const status = view().querySelector("#filter-status") as HTMLSelectElement;
    status.value = "phase:not_sent";
    status.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(calls.filter((c) => c.cmd === "list_cashouts")).toHaveLength(2));
    expect((calls.at(-1)?.args.filter as { status: unknown; phases: unknown })).toMatchObject({ status: null, phases: ["not_sent"] });
    status.value = "phase:checking";
    status.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(calls.filter((c) => c.cmd === "list_cashouts")).toHaveLength(3));
    expect((calls.at(-1)?.args.filter as { phases: unknown }).phases).toEqual(["intent", "unknown", "sent_not_found"]);
  });

  it("export with no file chosen shows nothing", async () => {
    const calls = commands({ lifecycle: () => table, country_forms: () => forms, list_cashouts: () => [], export_cashouts: () => null });
    await renderList(view(), vi.fn());
    (view().querySelector("#export-csv") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(calls.some((c) => c.cmd === "export_cashouts")).toBe(true));
    await new Promise((r) => setTimeout(r, 10));
    expect(view().querySelector("#export-result")?.textContent).toBe("");
  });

  it("a failed export shows the core's error", async () => {
    commands({
      lifecycle: () => table, country_forms: () => forms, list_cashouts: () => [],
      export_cashouts: () => { throw { code: "io", message: "Could not write /readonly/cashouts.csv: permission denied", field: null, api_code: null, errors: [], external_id: null }; },
    });
    await renderList(view(), vi.fn());
    (view().querySelector("#export-csv") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(view().querySelector("#export-error")?.textContent).toContain("permission denied"));
  });

  it("another desk's change re-reads the page with the filters on screen, once per burst", async () => {
    const calls = commands({ lifecycle: () => table, country_forms: () => forms, list_cashouts: () => [payout()] });
    await renderList(view(), vi.fn());
    const status = view().querySelector("#filter-status") as HTMLSelectElement;
    status.value = "ON_HOLD";
    status.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(calls.filter((c) => c.cmd === "list_cashouts")).toHaveLength(2));
    for (const id of [3, 4, 5]) dispatch({ type: "journal", change: { kind: "payout", id } });
    await vi.waitFor(() => expect(calls.filter((c) => c.cmd === "list_cashouts")).toHaveLength(3));
    await new Promise((r) => setTimeout(r, 300));
    expect(calls.filter((c) => c.cmd === "list_cashouts")).toHaveLength(3);
    expect((calls.at(-1)?.args.filter as { status: unknown }).status).toBe("ON_HOLD");
  });
});
