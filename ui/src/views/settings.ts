// Settings: the environment in use and its hosts, the default notification URL, the status
// watcher (late-rejection window, hold alert age, desktop notifications), and a write-only
// credentials form per environment (values go to the OS keychain; afterwards only "stored"
// and the API Key's last 4 characters come back), plus a connection test. The core checks the
// values; its field errors appear at the fields. Which journal the desk uses is below them
// (`teamJournal.ts`).
import * as ipc from "../ipc";
import { h, mount, notice } from "../dom";
import type { EnvironmentKind } from "../bindings/EnvironmentKind";
import type { ErrorReport } from "../bindings/ErrorReport";
import type { Settings } from "../bindings/Settings";
import { errorNotice } from "./detail";
import { renderTeamJournal } from "./teamJournal";
import { renderApprovalPolicy } from "./approvalPolicy";
import { renderUpdates } from "./updates";

function field(id: string, label: string, input: HTMLElement, hint?: string): HTMLElement {
  return h("div", { class: "field" }, h("label", { for: id }, label), input, hint ? h("span", { class: "hint" }, hint) : null);
}

/** Shows the core's field errors at their fields (keyed by the Settings field name) and
 * clears earlier ones; returns the first input in error, to take the focus. */
function showFieldErrors(inputs: Partial<Record<keyof Settings, HTMLInputElement | HTMLSelectElement>>, r: ErrorReport | null): HTMLElement | null {
  let first: HTMLElement | null = null;
  for (const [name, input] of Object.entries(inputs) as [keyof Settings, HTMLInputElement | HTMLSelectElement][]) {
    const box = input.closest(".field");
    box?.querySelector(".field-error")?.remove();
    box?.classList.remove("invalid");
    input.removeAttribute("aria-invalid");
    input.removeAttribute("aria-describedby");
    if (!r) continue;
    const messages = (r.errors ?? []).filter((e) => e.field === name).map((e) => e.message);
    if (messages.length === 0 && r.field === name) messages.push(r.message);
    if (messages.length === 0) continue;
    box?.classList.add("invalid");
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", `${input.id}-error`);
    box?.append(h("span", { class: "field-error", id: `${input.id}-error` }, messages.join(" ")));
    first ??= input;
  }
  return first;
}

export async function renderSettings(el: HTMLElement, onChange: () => Promise<void>): Promise<void> {
  const { settings, environments } = await ipc.getSettings();
  const envSel = h("select", { id: "set-environment" }, ...environments.map((c) => h("option", { value: c.kind, selected: settings.environment === c.kind }, c.label)));
  const okpHost = h("input", { id: "set-okp-host", type: "text", value: settings.okp_production_host, placeholder: "api.example-from-okp.com" });
  const customUrl = h("input", { id: "set-custom-url", type: "text", value: settings.custom_base_url, placeholder: "https://api.brand.example" });
  const notify = h("input", { id: "set-notification-url", type: "text", value: settings.default_notification_url, placeholder: "https://your-server.example/cashouts/notify" });
  // The ranges are the core's to check (its field errors show here); the inputs only take
  // whole numbers.
  const lateDays = h("input", { id: "set-late-rejection-window-days", type: "number", step: 1, inputmode: "numeric", value: settings.late_rejection_window_days });
  const holdHours = h("input", { id: "set-hold-alert-hours", type: "number", step: 1, inputmode: "numeric", value: settings.hold_alert_hours });
  const openHours = h("input", { id: "set-open-create-window-hours", type: "number", step: 1, inputmode: "numeric", value: settings.open_create_window_hours });
  const desktop = h("input", { id: "set-desktop-notifications", type: "checkbox", checked: settings.desktop_notifications });
  const updateUrl = h("input", { id: "set-update-url", type: "text", value: settings.update_url, placeholder: "https://updates.your-company.example/cashout-desk/latest.json" });
  const inputs = {
    environment: envSel, okp_production_host: okpHost, custom_base_url: customUrl, default_notification_url: notify,
    late_rejection_window_days: lateDays, hold_alert_hours: holdHours, desktop_notifications: desktop,
    open_create_window_hours: openHours, update_url: updateUrl,
  } satisfies Record<Exclude<keyof Settings, "team">, HTMLInputElement | HTMLSelectElement>;
  const settingsMsg = h("div", { id: "settings-message" });
  /** What a number input holds: the number when it is one, else the text as typed, for the
   * core to refuse at its field (the core reads every value by its own field's type). */
  const numberOf = (input: HTMLInputElement): number => {
    const v = input.value.trim();
    return (/^-?\d+$/.test(v) && Number.isSafeInteger(Number(v)) ? Number(v) : v) as number;
  };
  const saveSettings = async () => {
    const next: Settings = {
      environment: envSel.value as EnvironmentKind, okp_production_host: okpHost.value.trim(), custom_base_url: customUrl.value.trim(), default_notification_url: notify.value.trim(),
      late_rejection_window_days: numberOf(lateDays), hold_alert_hours: numberOf(holdHours), desktop_notifications: desktop.checked,
      open_create_window_hours: numberOf(openHours), update_url: updateUrl.value.trim(),
      // Chosen by switching journals below, never by this form (the core keeps it as it is).
      team: settings.team,
    };
    try {
      await ipc.updateSettings(next);
      showFieldErrors(inputs, null);
      mount(settingsMsg, notice("ok", `Settings saved. Environment: ${next.environment}.`, "settings-saved"));
      // The credentials box follows the environment now in use at once.
      if ([...credEnv.options].some((o) => o.value === next.environment)) credEnv.value = next.environment;
      await onChange();
      await drawCreds();
    } catch (e) {
      const r = ipc.asReport(e);
      const at = showFieldErrors(inputs, r);
      mount(settingsMsg, errorNotice(r, "settings-error"));
      at?.focus();
    }
  };

  const credEnv = h("select", { id: "cred-environment" }, ...environments.filter((c) => c.takes_credentials).map((c) => h("option", { value: c.kind, selected: settings.environment === c.kind }, c.label)));
  const apiKey = h("input", { id: "cred-api-key", type: "text", autocomplete: "off" });
  const pass = h("input", { id: "cred-passphrase", type: "password", autocomplete: "off" });
  const sig = h("input", { id: "cred-signature", type: "password", autocomplete: "off" });
  const ro = h("input", { id: "cred-read-only", type: "password", autocomplete: "off" });
  const credState = h("div", { id: "cred-state", role: "status" });
  const credMsg = h("div", { id: "cred-message" });
  const drawCreds = async () => {
    try {
      const s = await ipc.credentialsStatus(credEnv.value as EnvironmentKind);
      mount(credState, s.stored ? notice("ok", `Stored in the OS keychain (API Key …${s.api_key_last4 ?? ""}${s.has_read_only_key ? ", read-only key too" : ""}).`, "cred-stored") : notice("info", "Nothing stored for this environment.", "cred-none"));
    } catch (e) {
      mount(credState, errorNotice(ipc.asReport(e), "cred-error"));
    }
  };
  credEnv.addEventListener("change", () => void drawCreds());
  const saveCreds = async () => {
    try {
      await ipc.saveCredentials(credEnv.value as EnvironmentKind, apiKey.value, pass.value, sig.value, ro.value || null);
      // The values leave the page: nothing typed stays in the form.
      for (const i of [apiKey, pass, sig, ro]) i.value = "";
      mount(credMsg, notice("ok", "Saved to the OS keychain.", "cred-saved"));
      await drawCreds();
      await onChange();
    } catch (e) {
      mount(credMsg, errorNotice(ipc.asReport(e), "cred-save-error"));
    }
  };
  const removeCreds = async () => {
    try {
      await ipc.deleteCredentials(credEnv.value as EnvironmentKind);
      mount(credMsg, notice("ok", "Removed from the OS keychain."));
      await drawCreds();
      await onChange();
    } catch (e) {
      mount(credMsg, errorNotice(ipc.asReport(e)));
    }
  };
  const testMsg = h("div", { id: "test-message" });
  const about = h("dl", { id: "about", class: "about" });
  const updatesBox = h("section", { id: "updates" });
  const journalBox = h("section", { id: "team-journal" });
  // The approval policy lives in the team journal: shown while this desk uses one.
  const policyBox = h("section", { id: "approval-policy" });
  const drawPolicy = async () => {
    const s = await ipc.journalStatus().catch(() => null);
    if (s?.kind === "team") await renderApprovalPolicy(policyBox);
    else mount(policyBox);
  };
  const test = async () => {
    mount(testMsg, notice("info", "Testing…"));
    try {
      const r = await ipc.testConnection();
      mount(testMsg, notice(r.ok ? "ok" : "api", r.message, "test-result"));
    } catch (e) {
      mount(testMsg, errorNotice(ipc.asReport(e), "test-result"));
    }
  };

  mount(el,
    h("h1", {}, "Settings"),
    h("h2", {}, "Environment"),
    h("div", { class: "form-grid" },
      field("set-environment", "Environment in use", envSel),
      field("set-okp-host", "OKP production host", okpHost, "given by OKP at onboarding"),
      field("set-custom-url", "Custom base URL", customUrl, "https only"),
      field("set-notification-url", "Default notification URL", notify, "pre-filled on new cashouts")),
    h("h2", {}, "Status watcher"),
    h("div", { class: "form-grid" },
      field("set-late-rejection-window-days", "Re-check completed payouts for late rejection (days)", lateDays, "COMPLETED payouts younger than this are re-checked"),
      field("set-hold-alert-hours", "Alert on holds older than (hours)", holdHours),
      field("set-open-create-window-hours", "Look up unconfirmed creates for (hours)", openHours, "a create sent but not found yet is looked up by itself this long; then an operator resends or abandons it"),
      h("div", { class: "field field-check" },
        h("label", { for: "set-desktop-notifications" }, desktop, " Desktop notifications")),
      field("set-update-url", "Update server (IT mirror)", updateUrl, "empty: the publisher's; https only")),
    h("div", { class: "row" },
      h("button", { type: "button", class: "primary", id: "settings-save", onclick: () => void saveSettings() }, "Save settings"),
      h("button", { type: "button", id: "test-connection", onclick: () => void test() }, "Test connection")),
    settingsMsg,
    testMsg,
    h("h2", {}, "Credentials"),
    h("p", { class: "muted" }, "Write-only: saved to the OS keychain, never shown again. The sandbox uses fixed demo credentials."),
    h("form", { id: "cred-form", onsubmit: (e: Event) => { e.preventDefault(); void saveCreds(); } },
      h("div", { class: "form-grid" },
        field("cred-environment", "Environment", credEnv),
        field("cred-api-key", "API Key", apiKey),
        field("cred-passphrase", "API Passphrase", pass),
        field("cred-signature", "API Signature", sig),
        field("cred-read-only", "Read-only key (bank lists, optional)", ro)),
      h("div", { class: "row" },
        h("button", { type: "submit", class: "primary", id: "cred-save" }, "Save to keychain"),
        h("button", { type: "button", id: "cred-delete", onclick: () => void removeCreds() }, "Remove"))),
    credState,
    credMsg,
    journalBox,
    policyBox,
    h("h2", {}, "About"),
    about,
    updatesBox);
  void ipc.about().then((b) => mount(about,
    h("dt", {}, "Version"), h("dd", { id: "about-version" }, b.version),
    h("dt", {}, "Commit"), h("dd", { id: "about-commit" }, b.commit),
    h("dt", {}, "Built"), h("dd", { id: "about-built" }, b.built_at)),
  (e: unknown) => mount(about, errorNotice(ipc.asReport(e))));
  void renderUpdates(updatesBox);
  await drawCreds();
  await renderTeamJournal(journalBox, async () => {
    await onChange();
    await drawPolicy();
  });
  await drawPolicy();
}
