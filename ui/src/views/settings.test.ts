import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearMocks } from "@tauri-apps/api/mocks";
import { renderSettings } from "./settings";
import { go } from "../main";
import { commands, page, untranslated, view } from "../testkit";
import { setLang, usePseudo } from "../i18n";
import type { LocaleView } from "../bindings/LocaleView";
import { stamp } from "./status";
import type { Settings } from "../bindings/Settings";
import type { SettingsView } from "../bindings/SettingsView";

beforeEach(page);
afterEach(() => clearMocks());

const settings: Settings = {
  environment: "sandbox", okp_production_host: "", custom_base_url: "", default_notification_url: "https://n.example/notify",
  late_rejection_window_days: 30, hold_alert_hours: 24, desktop_notifications: true, open_create_window_hours: 24,
  team: null, update_url: "", locale: "auto",
};
const sv: SettingsView = {
  settings, notification_url: settings.default_notification_url,
  environments: [{ kind: "sandbox", label: "Sandbox", needs_host: false, takes_credentials: false }, { kind: "d24-staging", label: "D24 staging", needs_host: false, takes_credentials: true }],
};
const offered = [
  { tag: "en-US", label: "English (United States)" },
  { tag: "es-CO", label: "Español (Colombia)" },
  { tag: "pt-BR", label: "Português (Brasil)" },
];
// The core's date styles (l10n::dates), to the minute and to the second.
const tx = (text: string) => ({ kind: "text" as const, text });
const enDates = (sec: boolean) => ({
  parts: [{ kind: "month" as const, width: 1 }, tx("/"), { kind: "day" as const, width: 1 }, tx("/"), { kind: "year" as const }, tx(", "), { kind: "hour12" as const, width: 1 }, tx(":"), { kind: "minute" as const }, ...(sec ? [tx(":"), { kind: "second" as const }] : []), tx("\u202f"), { kind: "day_period" as const }],
  am: "AM", pm: "PM",
});
const ptDates = (sec: boolean) => ({
  parts: [{ kind: "day" as const, width: 2 }, tx("/"), { kind: "month" as const, width: 2 }, tx("/"), { kind: "year" as const }, tx(", "), { kind: "hour24" as const, width: 2 }, tx(":"), { kind: "minute" as const }, ...(sec ? [tx(":"), { kind: "second" as const }] : [])],
  am: "", pm: "",
});
const english: LocaleView = {
  setting: "auto", lang: "en", tag: "en-US", system: "en-US",
  number_style: { locale: "en-US", decimal: ".", group: ",", example: "1,234.56" },
  day_style: { parts: enDates(false).parts.slice(0, 5), am: "", pm: "" }, date_style: enDates(false), date_style_seconds: enDates(true), time_style: { ...enDates(true), parts: enDates(true).parts.slice(6) }, offered,
};
const portuguese: LocaleView = {
  setting: "pt-BR", lang: "pt-BR", tag: "pt-BR", system: "en-US",
  number_style: { locale: "pt-BR", decimal: ",", group: ".", example: "1.234,56" },
  day_style: { parts: ptDates(false).parts.slice(0, 5), am: "", pm: "" }, date_style: ptDates(false), date_style_seconds: ptDates(true), time_style: { ...ptDates(true), parts: ptDates(true).parts.slice(6) }, offered,
};
const local = { kind: "local", place: "the journal file /home/ana/journal.sqlite3", team: null, signed_in_as: null, password_stored: false, problem: null };
const base = {
  get_settings: () => sv,
  locale: () => english,
  credentials_status: () => ({ stored: false, api_key_last4: null, has_read_only_key: false }),
  journal_status: () => local,
  about: () => ({ version: "0.1.0", commit: "0123456789ab", built_at: "2026-11-30T16:05:00Z" }),
  update_status: () => ({ endpoint: "https://updates.example/latest.json", last_check: null, last_result: null, on_quit: null }),
};
const input = (id: string) => view().querySelector(`#${id}`) as HTMLInputElement;

describe("the settings form", () => {
  it("says which build this is under About: version, commit and build time", async () => {
    commands(base);
    await renderSettings(view(), async () => undefined);
    await vi.waitFor(() => expect(view().querySelector("#about-version")?.textContent).toBe("0.1.0"));
    expect(view().querySelector("#about-commit")?.textContent).toBe("0123456789ab");
    expect(view().querySelector("#about-built")?.textContent).toBe("2026-11-30T16:05:00Z");
  });

  it("shows the watcher settings, each with its label", async () => {
    commands(base);
    await renderSettings(view(), async () => undefined);
    expect(input("set-late-rejection-window-days").value).toBe("30");
    expect(input("set-hold-alert-hours").value).toBe("24");
    expect(input("set-desktop-notifications").checked).toBe(true);
    for (const id of ["set-late-rejection-window-days", "set-hold-alert-hours", "set-desktop-notifications"]) {
      expect(view().querySelector(`label[for="${id}"]`)?.textContent?.trim()).not.toBe("");
    }
  });

  it("an offered update can be installed on quit; installing now waits while this desk sends, saying why", async () => {
    const offer = { current: "0.1.0", version: "0.1.1", notes: null, date: null, blocked: "a batch is being sent from this desk: the update is installed when the app quits, or once sending is over" };
    const calls = commands({ ...base, update_check: () => offer, update_install: () => "Version 0.1.1 is downloaded and verified; it is installed when the app quits." });
    await renderSettings(view(), async () => undefined);
    await vi.waitFor(() => expect(view().querySelector("#update-status")?.textContent).toContain("Updates from https://updates.example/latest.json"));
    (view().querySelector("#update-check") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(view().querySelector("#update-offer")?.textContent).toContain("Version 0.1.1 is available"));
    expect(view().querySelector("#update-blocked")?.textContent).toContain("a batch is being sent");
    expect((view().querySelector("#update-install-now") as HTMLButtonElement).disabled).toBe(true);
    (view().querySelector("#update-install-on-quit") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(view().querySelector("#update-installed")?.textContent).toContain("installed when the app quits"));
    expect(calls.find((c) => c.cmd === "update_install")?.args).toEqual({ version: "0.1.1", now: false });
  });

  it("the watcher settings are saved with the others", async () => {
    const calls = commands({ ...base, update_settings: () => sv });
    await renderSettings(view(), async () => undefined);
    input("set-hold-alert-hours").value = "48";
    input("set-late-rejection-window-days").value = "7";
    input("set-desktop-notifications").checked = false;
    (view().querySelector("#settings-save") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(view().querySelector("#settings-saved")).not.toBeNull());
    expect(calls.find((c) => c.cmd === "update_settings")?.args).toEqual({
      settings: { ...settings, late_rejection_window_days: 7, hold_alert_hours: 48, desktop_notifications: false },
    });
  });

  it("a hold alert hours refused by the core shows at that field", async () => {
    const message = "hold_alert_hours must be between 1 and 720.";
    commands({ ...base, update_settings: () => { throw { code: "invalid_input", message, field: "hold_alert_hours", api_code: null, errors: [], external_id: null }; } });
    await renderSettings(view(), async () => undefined);
    input("set-hold-alert-hours").value = "9999";
    (view().querySelector("#settings-save") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(view().querySelector("#set-hold-alert-hours-error")).not.toBeNull());
    const hours = input("set-hold-alert-hours");
    expect(view().querySelector("#set-hold-alert-hours-error")?.textContent).toBe(message);
    expect(hours.getAttribute("aria-invalid")).toBe("true");
    expect(hours.getAttribute("aria-describedby")).toBe("set-hold-alert-hours-error");
    expect(hours.closest(".field")?.classList.contains("invalid")).toBe(true);
    expect(document.activeElement).toBe(hours);
    // Only that field.
    expect(view().querySelectorAll(".field.invalid")).toHaveLength(1);
  });

  it("a number field left empty is sent as typed and refused by the core at that field", async () => {
    const calls = commands({
      ...base,
      update_settings: (a) => {
        if ((a.settings as Settings).late_rejection_window_days as unknown === "") {
          throw { code: "invalid_input", message: "Enter a whole number of days.", field: "late_rejection_window_days" };
        }
        return sv;
      },
    });
    await renderSettings(view(), async () => undefined);
    input("set-late-rejection-window-days").value = "";
    (view().querySelector("#settings-save") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(view().querySelector("#set-late-rejection-window-days-error")?.textContent).toBe("Enter a whole number of days."));
    expect(document.activeElement).toBe(input("set-late-rejection-window-days"));
    expect(calls.filter((c) => c.cmd === "update_settings")).toHaveLength(1);
  });

  it("after saving another environment the credentials box names it at once", async () => {
    commands({ ...base, update_settings: () => ({ ...sv, settings: { ...settings, environment: "d24-staging" } }) });
    await renderSettings(view(), async () => undefined);
    const env = view().querySelector("#set-environment") as HTMLSelectElement;
    env.value = "d24-staging";
    (view().querySelector("#settings-save") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(view().querySelector("#settings-saved")).not.toBeNull());
    expect((view().querySelector("#cred-environment") as HTMLSelectElement).value).toBe("d24-staging");
  });

  it("the language chooser offers automatic and every locale the core offers, and says how amounts are written", async () => {
    commands(base);
    await renderSettings(view(), async () => undefined);
    const choice = view().querySelector("#settings-locale") as HTMLSelectElement;
    expect([...choice.options].map((o) => [o.value, o.textContent])).toEqual([
      ["auto", "Automatic (system: en-US)"],
      ["en-US", "English (United States)"],
      ["es-CO", "Español (Colombia)"],
      ["pt-BR", "Português (Brasil)"],
    ]);
    expect(choice.value).toBe("auto");
    expect(view().querySelector('label[for="settings-locale"]')?.textContent).toBe("App language");
    expect(view().querySelector("#settings-locale-example")?.textContent).toBe("Amounts are written like 1,234.56");
  });

  it("choosing Português saves it with the core and redraws the window in Portuguese, no restart", async () => {
    let current = english;
    const calls = commands({ ...base, locale: () => current, set_locale: () => { current = portuguese; return portuguese; } });
    try {
      await go({ view: "settings" });
      // A notice shown in English before the switch.
      const toasts = Object.assign(document.createElement("div"), { id: "toasts" });
      toasts.append(Object.assign(document.createElement("div"), { className: "toast-item", textContent: "Payout completed" }));
      document.body.append(toasts);
      const choice = view().querySelector("#settings-locale") as HTMLSelectElement;
      choice.value = "pt-BR";
      choice.dispatchEvent(new Event("change"));
      await vi.waitFor(() => expect(view().querySelector("h1")?.textContent).toBe("Configurações"));
      expect(calls.filter((c) => c.cmd === "set_locale").map((c) => c.args)).toEqual([{ setting: "pt-BR" }]);
      expect((view().querySelector("#settings-locale") as HTMLSelectElement).value).toBe("pt-BR");
      expect(view().querySelector("#settings-locale-example")?.textContent).toBe("Os valores são escritos assim: 1.234,56");
      expect(view().querySelector("#settings-save")?.textContent).toBe("Salvar configurações");
      expect(document.documentElement.lang).toBe("pt-BR");
      // The shell's words follow too, and moments are written the Brazilian way.
      expect(document.getElementById("nav-list")?.textContent).toBe("Saques");
      expect(stamp(new Date(2026, 0, 5, 0, 7, 2).toISOString())).toBe("05/01/2026, 00:07:02");
      // Notices written in English are taken down rather than left beside Portuguese.
      expect(document.getElementById("toasts")?.children.length).toBe(0);
    } finally {
      setLang("en");
    }
  });

  it("a language the core refuses is shown at the chooser in the core's words", async () => {
    const message = "fr-FR is not a language this desk speaks.";
    commands({ ...base, set_locale: () => { throw { code: "invalid_input", message, field: "locale", api_code: null, errors: [], external_id: null }; } });
    await renderSettings(view(), async () => undefined);
    const choice = view().querySelector("#settings-locale") as HTMLSelectElement;
    choice.append(Object.assign(document.createElement("option"), { value: "fr-FR", textContent: "Français" }));
    choice.value = "fr-FR";
    choice.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(view().querySelector("#settings-locale-error")?.textContent).toBe(message));
    expect(choice.getAttribute("aria-invalid")).toBe("true");
    expect(choice.getAttribute("aria-describedby")).toBe("settings-locale-error");
    expect(view().querySelector("h1")?.textContent).toBe("Settings");
  });

  it("the form speaks Spanish when the core does", async () => {
    commands(base);
    setLang("es");
    try {
      await renderSettings(view(), async () => undefined);
      expect(view().querySelector("h1")?.textContent).toBe("Configuración");
      const headings = [...view().querySelectorAll("h2")].map((e) => e.textContent);
      expect(headings).toEqual(expect.arrayContaining(["Idioma", "Entorno", "Credenciales", "Diario", "Acerca de"]));
      expect(view().querySelector('label[for="cred-api-key"]')?.textContent).toBe("API Key");
      expect(view().querySelector("#cred-none")?.textContent).toBe("No hay credenciales guardadas para este entorno.");
      expect(view().querySelector("#team-where")?.textContent).toContain("Se usa el diario local");
      await vi.waitFor(() => expect(view().querySelector("#update-status")?.textContent).toBe("Actualizaciones desde https://updates.example/latest.json"));
    } finally {
      setLang("en");
    }
  });

  it("no word of the settings escapes translation (pseudo-locale)", async () => {
    const blocked = "a batch is being sent from this desk: the update is installed when the app quits, or once sending is over";
    commands({
      ...base,
      credentials_status: () => ({ stored: true, api_key_last4: "9f3a", has_read_only_key: true }),
      update_status: () => ({ endpoint: "https://updates.example/latest.json", last_check: "2026-11-30T16:00:00Z", last_result: "no newer version", on_quit: "0.1.1" }),
      update_check: () => ({ current: "0.1.0", version: "0.1.1", notes: null, date: null, blocked }),
    });
    usePseudo(true);
    try {
      await renderSettings(view(), async () => undefined);
      await vi.waitFor(() => expect(view().querySelector("#about-version")).not.toBeNull());
      await vi.waitFor(() => expect(view().querySelector("#update-status")?.textContent).not.toBe(""));
      (view().querySelector("#update-check") as HTMLButtonElement).click();
      await vi.waitFor(() => expect(view().querySelector("#update-offer")).not.toBeNull());
      expect(untranslated(view(), [
        "Sandbox", "D24 staging", "English (United States)", "Español (Colombia)", "Português (Brasil)", "en-US", "1,234.56",
        "0.1.0", "0123456789ab", "2026-11-30T16:05:00Z", "https://updates.example/latest.json", "no newer version",
        "the journal file /home/ana/journal.sqlite3", blocked,
      ])).toEqual([]);
    } finally {
      usePseudo(false);
    }
  });
});
