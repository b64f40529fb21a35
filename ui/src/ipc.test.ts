import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import * as ipc from "./ipc";

afterEach(() => clearMocks());

describe("ipc", () => {
  it("create_cashout_is_called_with_camel_case_arguments", async () => {
    let seen: { cmd: string; args: unknown } | null = null;
    mockIPC((cmd, args) => {
      seen = { cmd, args };
      return { cashout_id: 1, status: "PENDING" };
    });
    await ipc.createCashout({ external_id: "x", country: "BR", amount: "10.00", document_id: "1", beneficiary_name: "A", notification_url: "https://n" }, true, false);
    expect(seen).toEqual({
      cmd: "create_cashout",
      args: { request: { external_id: "x", country: "BR", amount: "10.00", document_id: "1", beneficiary_name: "A", notification_url: "https://n" }, overrideCheckDigits: true, externalIdGenerated: false },
    });
  });

  it("errors_arrive_as_reports_with_a_code", async () => {
    mockIPC(() => {
      throw { code: "validation", message: "document_id: bad", field: "document_id", api_code: null, errors: [], external_id: null };
    });
    await expect(ipc.checkCashout({ id: 5 })).rejects.toMatchObject({ code: "validation", field: "document_id" });
  });

  it("credentials_are_write_only_only_a_status_comes_back", async () => {
    let args: Record<string, unknown> = {};
    mockIPC((cmd, a) => {
      args = a as Record<string, unknown>;
      return cmd === "save_credentials" ? { stored: true, api_key_last4: "1234", has_read_only_key: false } : null;
    });
    const status = await ipc.saveCredentials("d24-staging", "key-1234", "p", "s", null);
    expect(args).toEqual({ environment: "d24-staging", apiKey: "key-1234", apiPassphrase: "p", apiSignature: "s", readOnlyKey: null });
    expect(status).toEqual({ stored: true, api_key_last4: "1234", has_read_only_key: false });
  });
});
