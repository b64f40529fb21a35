// Settings: the environment in use and its hosts, the default notification URL, the status
// watcher (late-rejection window, hold alert age, desktop notifications), and a write-only
// credentials form per environment (values go to the OS keychain; afterwards only "stored"
// and the API Key's last 4 characters come back), plus a connection test. The core checks the
// values; its field errors appear at the fields. Which journal the desk uses is below them
// (`teamJournal.ts`). On top, the language of the window (and of the core): chosen here, saved
// by the core, and the window redrawn in it at once.
import * as ipc from "../ipc";
import { h, mount, notice } from "../dom";
import type { EnvironmentKind } from "../bindings/EnvironmentKind";
import type { ErrorReport } from "../bindings/ErrorReport";
import type { Settings } from "../bindings/Settings";
import type { LocaleView } from "../bindings/LocaleView";
import { errorNotice } from "./detail";
import { renderTeamJournal } from "./teamJournal";
import { renderApprovalPolicy } from "./approvalPolicy";
import { renderUpdates } from "./updates";
import { redrawInLanguage } from "../main";
import { t } from "../i18n";

function field(id: string, label: string, input: HTMLElement, hint?: string): HTMLElement {
  return h("div", { class: "field" }, h("label", { for: id }, label), input, hint ? h("span", { class: "hint" }, hint) : null);
}

/** Shows `message` (the core's words) at the field of `input`, or clears it (null). */
function markField(input: HTMLInputElement | HTMLSelectElement, message: string | null): void {
  const box = input.closest(".field");
  box?.querySelector(".field-error")?.remove();
  box?.classList.remove("invalid");
  input.removeAttribute("aria-invalid");
  input.removeAttribute("aria-describedby");
  if (message === null) return;
  box?.classList.add("invalid");
  input.setAttribute("aria-invalid", "true");
  input.setAttribute("aria-describedby", `${input.id}-error`);
  box?.append(h("span", { class: "field-error", id: `${input.id}-error` }, message));
}

/** Shows the core's field errors at their fields (keyed by the Settings field name) and
 * clears earlier ones; returns the first input in error, to take the focus. */
function showFieldErrors(inputs: Partial<Record<keyof Settings, HTMLInputElement | HTMLSelectElement>>, r: ErrorReport | null): HTMLElement | null {
  let first: HTMLElement | null = null;
  for (const [name, input] of Object.entries(inputs) as [keyof Settings, HTMLInputElement | HTMLSelectElement][]) {
    const messages = r ? (r.errors ?? []).filter((e) => e.field === name).map((e) => e.message) : [];
    if (r && messages.length === 0 && r.field === name) messages.push(r.message);
    markField(input, messages.length ? messages.join(" ") : null);
    if (messages.length) first ??= input;
  }
  return first;
}

/** The language chooser: "auto" (the system's locale) or one of the locales the core offers
 * (each named in its own language), and how amounts are written with the current choice.
 * A choice is saved by the core, which speaks it from then on; the window is redrawn in it. */
function languageSection(loc: LocaleView | ErrorReport, chosen: (setting: string) => void): HTMLElement {
  if (!("offered" in loc)) return h("section", { id: "settings-language" }, h("h2", {}, t("settings-language-title")), errorNotice(loc, "settings-locale-error"));
  const choice = h("select", { id: "settings-locale" },
    h("option", { value: "auto", selected: loc.setting === "auto" }, loc.system ? t("settings-locale-auto", { system: loc.system }) : t("settings-locale-auto-unknown")),
    ...loc.offered.map((o) => h("option", { value: o.tag, selected: loc.setting === o.tag }, o.label)));
  // The saved choice is the one shown (also where a DOM ignores `selected` set before insertion).
  if ([...choice.options].some((o) => o.value === loc.setting)) choice.value = loc.setting;
  const example = h("span", { class: "hint", id: "settings-locale-example" }, t("settings-locale-example", { example: loc.number_style.example }));
  choice.addEventListener("change", () => void (async () => {
    choice.disabled = true;
    try {
      const next = await ipc.setLocale(choice.value);
      chosen(next.setting);
      markField(choice, null);
      example.textContent = t("settings-locale-example", { example: next.number_style.example });
      // Every word on screen again, in the language now chosen (this view included).
      await redrawInLanguage(next);
    } catch (e) {
      markField(choice, ipc.asReport(e).message);
      choice.focus();
    } finally {
      choice.disabled = false;
    }
  })());
  return h("section", { id: "settings-language" },
    h("h2", {}, t("settings-language-title")),
    h("div", { class: "form-grid" },
      h("div", { class: "field" }, h("label", { for: "settings-locale" }, t("settings-locale-label")), choice, example)));
}

export async function renderSettings(el: HTMLElement, onChange: () => Promise<void>): Promise<void> {
  const [{ settings, environments }, loc] = await Promise.all([
    ipc.getSettings(),
    ipc.locale().catch((e: unknown) => ipc.asReport(e)),
  ]);
  const envSel = h("select", { id: "set-environment" }, ...environments.map((c) => h("option", { value: c.kind, selected: settings.environment === c.kind }, c.label)));
  const okpHost = h("input", { id: "set-okp-host", type: "text", value: settings.okp_production_host, placeholder: t("settings-okp-host-placeholder") });
  const customUrl = h("input", { id: "set-custom-url", type: "text", value: settings.custom_base_url, placeholder: t("settings-custom-url-placeholder") });
  const notify = h("input", { id: "set-notification-url", type: "text", value: settings.default_notification_url, placeholder: t("settings-notification-url-placeholder") });
  // The ranges are the core's to check (its field errors show here); the inputs only take
  // whole numbers.
  const lateDays = h("input", { id: "set-late-rejection-window-days", type: "number", step: 1, inputmode: "numeric", value: settings.late_rejection_window_days });
  const holdHours = h("input", { id: "set-hold-alert-hours", type: "number", step: 1, inputmode: "numeric", value: settings.hold_alert_hours });
  const openHours = h("input", { id: "set-open-create-window-hours", type: "number", step: 1, inputmode: "numeric", value: settings.open_create_window_hours });
  const desktop = h("input", { id: "set-desktop-notifications", type: "checkbox", checked: settings.desktop_notifications });
  const updateUrl = h("input", { id: "set-update-url", type: "text", value: settings.update_url, placeholder: t("settings-update-url-placeholder") });
  const inputs = {
    environment: envSel, okp_production_host: okpHost, custom_base_url: customUrl, default_notification_url: notify,
    late_rejection_window_days: lateDays, hold_alert_hours: holdHours, desktop_notifications: desktop,
    open_create_window_hours: openHours, update_url: updateUrl,
  } satisfies Record<Exclude<keyof Settings, "team" | "locale">, HTMLInputElement | HTMLSelectElement>;
  const settingsMsg = h("div", { id: "settings-message" });
  /** The saved language setting, sent back unchanged by the form. */
  let localeSetting = settings.locale;
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
      // Chosen (and saved at once) by the language chooser above, never by this form.
      locale: localeSetting,
    };
    try {
      await ipc.updateSettings(next);
      showFieldErrors(inputs, null);
      const envName = environments.find((c) => c.kind === next.environment)?.label ?? next.environment;
      mount(settingsMsg, notice("ok", t("settings-saved", { environment: envName }), "settings-saved"));
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
      const last4 = s.api_key_last4 ?? "";
      mount(credState, s.stored
        ? notice("ok", s.has_read_only_key ? t("settings-cred-stored-read-only", { last4 }) : t("settings-cred-stored", { last4 }), "cred-stored")
        : notice("info", t("settings-cred-none"), "cred-none"));
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
      mount(credMsg, notice("ok", t("settings-cred-saved"), "cred-saved"));
      await drawCreds();
      await onChange();
    } catch (e) {
      mount(credMsg, errorNotice(ipc.asReport(e), "cred-save-error"));
    }
  };
  const removeCreds = async () => {
    try {
      await ipc.deleteCredentials(credEnv.value as EnvironmentKind);
      mount(credMsg, notice("ok", t("settings-cred-removed")));
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
    mount(testMsg, notice("info", t("settings-testing")));
    try {
      const r = await ipc.testConnection();
      mount(testMsg, notice(r.ok ? "ok" : "api", r.message, "test-result"));
    } catch (e) {
      mount(testMsg, errorNotice(ipc.asReport(e), "test-result"));
    }
  };

  mount(el,
    h("h1", {}, t("settings-title")),
    languageSection(loc, (setting) => { localeSetting = setting; }),
    h("h2", {}, t("settings-environment-title")),
    h("div", { class: "form-grid" },
      field("set-environment", t("settings-environment-label"), envSel),
      field("set-okp-host", t("settings-okp-host-label"), okpHost, t("settings-okp-host-hint")),
      field("set-custom-url", t("settings-custom-url-label"), customUrl, t("settings-https-only")),
      field("set-notification-url", t("settings-notification-url-label"), notify, t("settings-notification-url-hint"))),
    h("h2", {}, t("settings-watcher-title")),
    h("div", { class: "form-grid" },
      field("set-late-rejection-window-days", t("settings-late-days-label"), lateDays, t("settings-late-days-hint")),
      field("set-hold-alert-hours", t("settings-hold-hours-label"), holdHours),
      field("set-open-create-window-hours", t("settings-open-hours-label"), openHours, t("settings-open-hours-hint")),
      h("div", { class: "field field-check" },
        h("label", { for: "set-desktop-notifications" }, desktop, " ", t("settings-desktop-notifications"))),
      field("set-update-url", t("settings-update-url-label"), updateUrl, t("settings-update-url-hint"))),
    h("div", { class: "row" },
      h("button", { type: "button", class: "primary", id: "settings-save", onclick: () => void saveSettings() }, t("settings-save")),
      h("button", { type: "button", id: "test-connection", onclick: () => void test() }, t("settings-test-connection"))),
    settingsMsg,
    testMsg,
    h("h2", {}, t("settings-credentials-title")),
    h("p", { class: "muted" }, t("settings-credentials-intro")),
    h("form", { id: "cred-form", onsubmit: (e: Event) => { e.preventDefault(); void saveCreds(); } },
      h("div", { class: "form-grid" },
        field("cred-environment", t("settings-cred-environment-label"), credEnv),
        field("cred-api-key", t("settings-cred-api-key"), apiKey),
        field("cred-passphrase", t("settings-cred-passphrase"), pass),
        field("cred-signature", t("settings-cred-signature"), sig),
        field("cred-read-only", t("settings-cred-read-only"), ro)),
      h("div", { class: "row" },
        h("button", { type: "submit", class: "primary", id: "cred-save" }, t("settings-cred-save")),
        h("button", { type: "button", id: "cred-delete", onclick: () => void removeCreds() }, t("settings-cred-remove")))),
    credState,
    credMsg,
    journalBox,
    policyBox,
    h("h2", {}, t("settings-about-title")),
    about,
    updatesBox);
  void ipc.about().then((b) => mount(about,
    h("dt", {}, t("settings-about-version")), h("dd", { id: "about-version" }, b.version),
    h("dt", {}, t("settings-about-commit")), h("dd", { id: "about-commit" }, b.commit),
    h("dt", {}, t("settings-about-built")), h("dd", { id: "about-built" }, b.built_at)),
  (e: unknown) => mount(about, errorNotice(ipc.asReport(e))));
  void renderUpdates(updatesBox);
  await drawCreds();
  await renderTeamJournal(journalBox, async () => {
    await onChange();
    await drawPolicy();
  });
  await drawPolicy();
}
