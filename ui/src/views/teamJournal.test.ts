import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearMocks } from "@tauri-apps/api/mocks";
import { renderTeamJournal } from "./teamJournal";
import { commands, page, untranslated, view } from "../testkit";
import { setLang, usePseudo } from "../i18n";
import type { JournalStatus } from "../bindings/JournalStatus";

beforeEach(page);
afterEach(() => clearMocks());

const local: JournalStatus = { kind: "local", place: "the journal file /home/ana/journal.sqlite3", team: null, signed_in_as: null, password_stored: false, problem: null };
const profile = { host: "db.example.com", port: 5432, database: "cashout", user: "ana", ca_file: null };
const team: JournalStatus = { kind: "team", place: "the team journal cashout on db.example.com:5432 as ana", team: profile, signed_in_as: "ana", password_stored: true, problem: null };
const input = (id: string) => view().querySelector(`#${id}`) as HTMLInputElement;
const fill = () => {
  input("team-host").value = "db.example.com";
  input("team-user").value = "ana";
  input("team-password").value = "s3cret-pass-123";
};

describe("settings → journal", () => {
  it("says the desk is on its local journal, and offers no way back from where it is", async () => {
    commands({ journal_status: () => local });
    await renderTeamJournal(view(), async () => undefined);
    expect(view().querySelector("#team-where")?.textContent).toBe("Using the local journal: the journal file /home/ana/journal.sqlite3 (this computer only).");
    expect(input("team-use-local").hidden).toBe(true);
    expect(input("team-password").type).toBe("password");
  });

  it("switching sends the profile and the password once, then clears the password and says who is signed in", async () => {
    const onChange = vi.fn(async () => undefined);
    const calls = commands({ journal_status: () => local, use_team_journal: () => team });
    await renderTeamJournal(view(), onChange);
    fill();
    (view().querySelector("#team-use") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(view().querySelector("#team-switched")).not.toBeNull());
    expect(calls.find((c) => c.cmd === "use_team_journal")?.args).toEqual({ profile, password: "s3cret-pass-123" });
    expect(input("team-password").value).toBe("");
    expect(input("team-password").placeholder).toBe("stored in the OS keychain");
    expect(view().querySelector("#team-where")?.textContent).toBe("Using the team journal cashout on db.example.com:5432 as ana (signed in by the database).");
    expect(input("team-use-local").hidden).toBe(false);
    expect(onChange).toHaveBeenCalled();
  });

  it("a test connects without switching, and an empty password means the stored one", async () => {
    const calls = commands({ journal_status: () => ({ ...local, team: profile, password_stored: true }), test_team_journal: () => team.place });
    await renderTeamJournal(view(), async () => undefined);
    expect(input("team-host").value).toBe("db.example.com");
    (view().querySelector("#team-test") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(view().querySelector("#team-test-ok")).not.toBeNull());
    expect(calls.find((c) => c.cmd === "test_team_journal")?.args).toEqual({ profile, password: null });
    expect(calls.some((c) => c.cmd === "use_team_journal")).toBe(false);
  });

  it("the core's refusal shows at its field and takes the focus; the password stays for a retry", async () => {
    commands({
      journal_status: () => local,
      use_team_journal: () => { throw { code: "invalid_input", message: "lowercase letters, digits and _ only, starting with a letter (e.g. ana_souza)", field: "user", api_code: null, errors: [], external_id: null }; },
    });
    await renderTeamJournal(view(), async () => undefined);
    fill();
    input("team-user").value = "Ana Souza";
    (view().querySelector("#team-use") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(view().querySelector("#team-user-error")).not.toBeNull());
    expect(input("team-user").getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(input("team-user"));
    expect(input("team-password").value).toBe("s3cret-pass-123");
  });

  it("a team journal that could not be opened at start says so, with the desk on its local journal", async () => {
    commands({ journal_status: () => ({ ...local, team: profile, problem: "the team journal could not be opened (connection refused); this desk is using its local journal" }) });
    await renderTeamJournal(view(), async () => undefined);
    expect(view().querySelector("#team-problem")?.textContent).toContain("this desk is using its local journal");
    expect(view().querySelector("#team-where")?.textContent).toContain("Using the local journal");
  });

  it("going back to the local journal", async () => {
    const calls = commands({ journal_status: () => team, use_local_journal: () => ({ ...local, team: null }) });
    await renderTeamJournal(view(), async () => undefined);
    (view().querySelector("#team-use-local") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(view().querySelector("#team-local")).not.toBeNull());
    expect(calls.some((c) => c.cmd === "use_local_journal")).toBe(true);
    expect(input("team-use-local").hidden).toBe(true);
  });

  it("on the team journal, the desk's local payouts can be copied in, and the counts are said", async () => {
    const calls = commands({ journal_status: () => team, copy_local_history: () => ({ payouts: 5, added: 3, already_here: 2, differing: 1, history: 9, refused: 0 }) });
    await renderTeamJournal(view(), async () => undefined);
    (view().querySelector("#team-copy-local") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(view().querySelector("#team-copied")).not.toBeNull());
    expect(view().querySelector("#team-copied")?.textContent).toBe("Copied: 3 of 5 payouts added to the team journal; 2 were there already (1 known differently: noted on each, kept as the team has them).");
    expect(calls.some((c) => c.cmd === "copy_local_history")).toBe(true);
  });

  it("on the local journal there is nothing to copy into", async () => {
    commands({ journal_status: () => local });
    await renderTeamJournal(view(), async () => undefined);
    expect((view().querySelector("#team-copy-local") as HTMLButtonElement).hidden).toBe(true);
  });

  it("the journal section speaks Spanish when the core does, the counts of a copy included", async () => {
    commands({ journal_status: () => team, copy_local_history: () => ({ payouts: 5, added: 3, already_here: 2, differing: 0, history: 9, refused: 1 }) });
    setLang("es");
    try {
      await renderTeamJournal(view(), async () => undefined);
      expect(view().querySelector("h2")?.textContent).toBe("Diario");
      expect(view().querySelector('label[for="team-password"]')?.textContent).toBe("Contraseña");
      expect(input("team-password").placeholder).toBe("guardada en el llavero del sistema");
      expect(view().querySelector("#team-use")?.textContent).toBe("Usar el diario del equipo");
      (view().querySelector("#team-copy-local") as HTMLButtonElement).click();
      await vi.waitFor(() => expect(view().querySelector("#team-copied")).not.toBeNull());
      expect(view().querySelector("#team-copied")?.textContent).toBe(
        "Copia hecha: se agregaron 3 de 5 pagos al diario del equipo; 2 ya estaban. " +
        "La política de aprobación del equipo rechazó 1 pago abierto (no estaba en espera): queda en el diario local; resuélvalo allí.");
    } finally {
      setLang("en");
    }
  });

  it("a copy's counts read right in English for one payout, and for refusals", async () => {
    commands({ journal_status: () => team, copy_local_history: () => ({ payouts: 1, added: 0, already_here: 1, differing: 0, history: 0, refused: 2 }) });
    await renderTeamJournal(view(), async () => undefined);
    (view().querySelector("#team-copy-local") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(view().querySelector("#team-copied")).not.toBeNull());
    expect(view().querySelector("#team-copied")?.textContent).toBe(
      "Copied: 0 of 1 payout added to the team journal; 1 was there already. " +
      "2 open payouts were refused by the team's approval policy (not held): they stay in the local journal; settle them there.");
  });

  it("no word of the journal section escapes translation (pseudo-locale)", async () => {
    commands({ journal_status: () => ({ ...team, problem: "the team journal could not be opened (connection refused)" }), copy_local_history: () => ({ payouts: 5, added: 3, already_here: 2, differing: 1, history: 9, refused: 1 }) });
    usePseudo(true);
    try {
      await renderTeamJournal(view(), async () => undefined);
      (view().querySelector("#team-copy-local") as HTMLButtonElement).click();
      await vi.waitFor(() => expect(view().querySelector("#team-copied")).not.toBeNull());
      expect(untranslated(view(), [team.place, "the team journal could not be opened (connection refused)"])).toEqual([]);
    } finally {
      usePseudo(false);
    }
  });
});
