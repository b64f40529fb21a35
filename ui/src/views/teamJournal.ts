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

/** The status line: where the payouts are kept, and who is signed in. */
export function describeJournal(s: JournalStatus): string {
  if (s.kind === "team") return `Using ${s.place} (signed in by the database).`;
  return `Using the local journal: ${s.place} (this computer only).`;
}

export async function renderTeamJournal(el: HTMLElement, onChange: () => Promise<void>): Promise<void> {
  const status = await ipc.journalStatus();
  const t = status.team;
  const host = h("input", { id: "team-host", type: "text", value: t?.host ?? "", placeholder: "db.example.com", autocomplete: "off" });
  const port = h("input", { id: "team-port", type: "number", step: 1, inputmode: "numeric", value: t?.port ?? 5432 });
  const database = h("input", { id: "team-database", type: "text", value: t?.database ?? "cashout" });
  const user = h("input", { id: "team-user", type: "text", value: t?.user ?? "", placeholder: "your own database login", autocomplete: "off" });
  const caFile = h("input", { id: "team-ca-file", type: "text", value: t?.ca_file ?? "", placeholder: "/path/to/team-ca.pem (if the OS does not trust the server)" });
  const password = h("input", { id: "team-password", type: "password", autocomplete: "off", placeholder: status.password_stored ? "stored in the OS keychain" : "" });
  const inputs = { host, port, database, user, ca_file: caFile, password };
  const state = h("div", { id: "team-state", role: "status" });
  const message = h("div", { id: "team-message" });
  const leave = h("button", { type: "button", id: "team-use-local", onclick: () => void useLocal() }, "Use local journal");
  const copy = h("button", { type: "button", id: "team-copy-local", onclick: () => void copyLocal() }, "Copy this desk's local payouts here");

  const draw = (s: JournalStatus) => {
    mount(state,
      notice(s.kind === "team" ? "ok" : "info", describeJournal(s), "team-where"),
      s.problem ? notice("network", s.problem, "team-problem") : null);
    leave.hidden = s.kind !== "team";
    copy.hidden = s.kind !== "team";
    password.placeholder = s.password_stored ? "stored in the OS keychain" : "";
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
    mount(message, notice("info", "Connecting…"));
    try {
      const place = await ipc.testTeamJournal(profile(), password.value || null);
      showFieldErrors(inputs, null);
      mount(message, notice("ok", `Connected: ${place}. Nothing was switched or stored.`, "team-test-ok"));
    } catch (e) {
      failed(e, "team-test-error");
    }
  };
  const useTeam = async () => {
    mount(message, notice("info", "Connecting…"));
    try {
      const s = await ipc.useTeamJournal(profile(), password.value || null);
      // The password leaves the page: it is in the keychain now.
      password.value = "";
      showFieldErrors(inputs, null);
      draw(s);
      mount(message, notice("ok", `This desk now uses the team journal, signed in as ${s.signed_in_as ?? "?"}.`, "team-switched"));
      await onChange();
    } catch (e) {
      failed(e, "team-switch-error");
    }
  };
  const copyLocal = async () => {
    mount(message, notice("info", "Copying…"));
    try {
      const r = await ipc.copyLocalHistory();
      mount(message, notice("ok",
        `Copied: ${r.added} of ${r.payouts} payouts added to the team journal; ${r.already_here} were there already` +
        (r.differing > 0 ? ` (${r.differing} known differently: noted on each, kept as the team has them).` : ".") +
        (r.refused > 0 ? ` ${r.refused} open ${r.refused === 1 ? "payout was" : "payouts were"} refused by the team's approval policy (not held): ${r.refused === 1 ? "it stays" : "they stay"} in the local journal; settle them there.` : ""),
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
      mount(message, notice("ok", "This desk now uses its local journal.", "team-local"));
      await onChange();
    } catch (e) {
      failed(e, "team-local-error");
    }
  };

  mount(el,
    h("h2", {}, "Journal"),
    h("p", { class: "muted" }, "One operator keeps payouts in the local journal. A team shares one PostgreSQL journal: everyone sees the same payouts, and nothing is sent twice from two desks. Sign in with your own database login."),
    state,
    h("form", { id: "team-form", onsubmit: (e: Event) => { e.preventDefault(); void useTeam(); } },
      h("div", { class: "form-grid" },
        field("team-host", "Server", host),
        field("team-port", "Port", port),
        field("team-database", "Database", database),
        field("team-user", "Your login", user),
        field("team-ca-file", "CA certificate file", caFile, "optional; the connection is always encrypted and verified off this computer"),
        field("team-password", "Password", password, "write-only: kept in the OS keychain")),
      h("div", { class: "row" },
        h("button", { type: "submit", class: "primary", id: "team-use" }, "Use team journal"),
        h("button", { type: "button", id: "team-test", onclick: () => void test() }, "Test"),
        leave,
        copy)),
    message);
  draw(status);
}
