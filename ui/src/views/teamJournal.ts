// Settings → Journal: which journal this desk keeps its payouts in — its local file, or the
// team's PostgreSQL journal — and who the team journal signed in. The connection's settings are
// plain fields (no secret); the password is write-only: it goes to the OS keychain once a
// connection with it worked, and only "stored" comes back. Test connects without switching;
// switching (either way) is audited by the core in both journals. The core checks every value;
// its field errors appear at the fields.
import * as ipc from "../ipc";
import { h, mount, notice } from "../dom";
import type { ErrorReport } from "../bindings/ErrorReport";
import type { JournalStatus } from "../bindings/JournalStatus";
import type { TeamProfile } from "../bindings/TeamProfile";
import { errorNotice } from "./detail";
import { t } from "../i18n";

type Input = HTMLInputElement;

function field(id: string, label: string, input: HTMLElement, hint?: string): HTMLElement {
  return h("div", { class: "field" }, h("label", { for: id }, label), input, hint ? h("span", { class: "hint" }, hint) : null);
}

/** The core's field errors at their fields (profile fields and `password`); returns the first
 * input in error, to take the focus. */
function showFieldErrors(inputs: Record<string, Input>, r: ErrorReport | null): Input | null {
  let first: Input | null = null;
  for (const [name, input] of Object.entries(inputs)) {
    const box = input.closest(".field");
    box?.querySelector(".field-error")?.remove();
    box?.classList.remove("invalid");
    input.removeAttribute("aria-invalid");
    input.removeAttribute("aria-describedby");
    if (!r || r.field !== name) continue;
    box?.classList.add("invalid");
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", `${input.id}-error`);
    box?.append(h("span", { class: "field-error", id: `${input.id}-error` }, r.message));
    first ??= input;
  }
  return first;
}

/** The status line: where the payouts are kept (`place` is the core's description), and who
 * is signed in. */
export function describeJournal(s: JournalStatus): string {
  if (s.kind === "team") return t("team-using-team", { place: s.place });
  return t("team-using-local", { place: s.place });
}

export async function renderTeamJournal(el: HTMLElement, onChange: () => Promise<void>): Promise<void> {
  const status = await ipc.journalStatus();
  const saved = status.team;
  const host = h("input", { id: "team-host", type: "text", value: saved?.host ?? "", placeholder: t("team-host-placeholder"), autocomplete: "off" });
  const port = h("input", { id: "team-port", type: "number", step: 1, inputmode: "numeric", value: saved?.port ?? 5432 });
  // "cashout": the database's default name, a value (not a word of the window).
  const database = h("input", { id: "team-database", type: "text", value: saved?.database ?? "cashout" });
  const user = h("input", { id: "team-user", type: "text", value: saved?.user ?? "", placeholder: t("team-user-placeholder"), autocomplete: "off" });
  const caFile = h("input", { id: "team-ca-file", type: "text", value: saved?.ca_file ?? "", placeholder: t("team-ca-file-placeholder") });
  const password = h("input", { id: "team-password", type: "password", autocomplete: "off", placeholder: status.password_stored ? t("team-password-stored") : "" });
  const inputs = { host, port, database, user, ca_file: caFile, password };
  const state = h("div", { id: "team-state", role: "status" });
  const message = h("div", { id: "team-message" });
  const leave = h("button", { type: "button", id: "team-use-local", onclick: () => void useLocal() }, t("team-use-local"));
  const copy = h("button", { type: "button", id: "team-copy-local", onclick: () => void copyLocal() }, t("team-copy-local"));

  const draw = (s: JournalStatus) => {
    mount(state,
      notice(s.kind === "team" ? "ok" : "info", describeJournal(s), "team-where"),
      s.problem ? notice("network", s.problem, "team-problem") : null);
    leave.hidden = s.kind !== "team";
    copy.hidden = s.kind !== "team";
    password.placeholder = s.password_stored ? t("team-password-stored") : "";
  };
  const profile = (): TeamProfile => {
    const p = port.value.trim();
    return {
      host: host.value.trim(),
      port: (/^\d+$/.test(p) ? Number(p) : p) as number,
      database: database.value.trim(),
      user: user.value.trim(),
      ca_file: caFile.value.trim() || null,
    };
  };
  const failed = (e: unknown, id: string) => {
    const r = ipc.asReport(e);
    const at = showFieldErrors(inputs, r);
    mount(message, errorNotice(r, id));
    at?.focus();
  };
  const test = async () => {
    mount(message, notice("info", t("team-connecting")));
    try {
      const place = await ipc.testTeamJournal(profile(), password.value || null);
      showFieldErrors(inputs, null);
      mount(message, notice("ok", t("team-test-ok", { place }), "team-test-ok"));
    } catch (e) {
      failed(e, "team-test-error");
    }
  };
  const useTeam = async () => {
    mount(message, notice("info", t("team-connecting")));
    try {
      const s = await ipc.useTeamJournal(profile(), password.value || null);
      // The password leaves the page: it is in the keychain now.
      password.value = "";
      showFieldErrors(inputs, null);
      draw(s);
      mount(message, notice("ok", t("team-switched", { who: s.signed_in_as ?? "?" }), "team-switched"));
      await onChange();
    } catch (e) {
      failed(e, "team-switch-error");
    }
  };
  const copyLocal = async () => {
    mount(message, notice("info", t("team-copying")));
    try {
      const r = await ipc.copyLocalHistory();
      const counts = { added: r.added, payouts: r.payouts, already: r.already_here };
      // One sentence for what was copied, and one more when the team's policy refused some.
      const copied = r.differing > 0 ? t("team-copied-differing", { ...counts, differing: r.differing }) : t("team-copied", counts);
      mount(message, notice("ok",
        r.refused > 0 ? `${copied} ${t("team-copied-refused", { refused: r.refused })}` : copied,
        "team-copied"));
      await onChange();
    } catch (e) {
      failed(e, "team-copy-error");
    }
  };
  const useLocal = async () => {
    try {
      const s = await ipc.useLocalJournal();
      draw(s);
      mount(message, notice("ok", t("team-local"), "team-local"));
      await onChange();
    } catch (e) {
      failed(e, "team-local-error");
    }
  };

  mount(el,
    h("h2", {}, t("team-title")),
    h("p", { class: "muted" }, t("team-intro")),
    state,
    h("form", { id: "team-form", onsubmit: (e: Event) => { e.preventDefault(); void useTeam(); } },
      h("div", { class: "form-grid" },
        field("team-host", t("team-host-label"), host),
        field("team-port", t("team-port-label"), port),
        field("team-database", t("team-database-label"), database),
        field("team-user", t("team-user-label"), user),
        field("team-ca-file", t("team-ca-file-label"), caFile, t("team-ca-file-hint")),
        field("team-password", t("team-password-label"), password, t("team-password-hint"))),
      h("div", { class: "row" },
        h("button", { type: "submit", class: "primary", id: "team-use" }, t("team-use")),
        h("button", { type: "button", id: "team-test", onclick: () => void test() }, t("team-test")),
        leave,
        copy)),
    message);
  draw(status);
}
