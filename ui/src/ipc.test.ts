import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { Channel } from "@tauri-apps/api/core";
import * as ipc from "./ipc";
import type { DeskEvent } from "./bindings/DeskEvent";

afterEach(() => clearMocks());

describe("ipc", () => {
  it("create_cashout_is_called_with_camel_case_arguments", async () => {
    let seen: { cmd: string; args: unknown } | null = null;
    mockIPC((cmd, args) => {
      seen = { cmd, args };
      return { cashout_id: 1, status: "PENDING" };
    });
    await ipc.createCashout({ external_id: "x", country: "BR", amount: "10.00", document_id: "1", beneficiary_name: "A", notification_url: "https://n" }, true, null);
    expect(seen).toEqual({
      cmd: "create_cashout",
      args: { request: { external_id: "x", country: "BR", amount: "10.00", document_id: "1", beneficiary_name: "A", notification_url: "https://n" }, overrideCheckDigits: true, payAgainOf: null, corrects: null },
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

  it("subscribe_events_sends_a_channel_whose_messages_reach_the_callback", async () => {
    let channel: Channel<DeskEvent> | null = null;
    mockIPC((cmd, args) => {
      if (cmd === "subscribe_events") channel = (args as { onEvent: Channel<DeskEvent> }).onEvent;
      return null;
    });
    const seen: DeskEvent[] = [];
    await ipc.subscribeEvents((e) => seen.push(e));
    expect(channel).not.toBeNull();
    // As the shell sends it: the channel's callback with an ordered message.
    const event: DeskEvent = { type: "open", cashout_id: 7, external_id: null, batch_id: null };
    const internals = (window as unknown as { __TAURI_INTERNALS__: { runCallback: (id: number, data: unknown) => void } }).__TAURI_INTERNALS__;
    internals.runCallback(channel!.id, { index: 0, message: event });
    expect(seen).toEqual([event]);
  });

  it("the_new_commands_are_called_with_camel_case_arguments", async () => {
    const seen: { cmd: string; args: unknown }[] = [];
    mockIPC((cmd, args) => {
      seen.push({ cmd, args });
      return cmd.startsWith("export_") ? null : [];
    });
    await ipc.holdBoard();
    await ipc.auditLog({ action: "hold", limit: 10 });
    await ipc.verifyAudit();
    await ipc.exportAudit({ text: "ana" });
    await ipc.exportCashouts({ status: "ON_HOLD" });
    await ipc.cashoutExchanges({ external_id: "x" });
    expect(seen).toEqual([
      { cmd: "hold_board", args: {} },
      { cmd: "audit_log", args: { filter: { action: "hold", limit: 10 } } },
      { cmd: "verify_audit", args: {} },
      { cmd: "export_audit", args: { filter: { text: "ana" } } },
      { cmd: "export_cashouts", args: { filter: { status: "ON_HOLD" } } },
      { cmd: "cashout_exchanges", args: { which: { external_id: "x" } } },
    ]);
  });

  it("an_export_whose_save_dialog_was_closed_answers_null", async () => {
    mockIPC(() => null);
    await expect(ipc.exportCashouts({})).resolves.toBeNull();
  });
});
