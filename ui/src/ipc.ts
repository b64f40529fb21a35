// The only module that talks to Tauri. One typed function per app command; argument names are
// camelCase (Tauri maps them to the Rust parameters). Errors arrive as ErrorReport objects
// `{code, message, field?, ...}`; callers switch on `code` and never parse `message`.
import { Channel, invoke } from "@tauri-apps/api/core";
import type { BuildInfo } from "./bindings/BuildInfo";
import type { UpdateOffer } from "./bindings/UpdateOffer";
import type { UpdateState } from "./bindings/UpdateState";
import type { ApprovalDetail } from "./bindings/ApprovalDetail";
import type { ApprovalsPage } from "./bindings/ApprovalsPage";
import type { ApprovalView } from "./bindings/ApprovalView";
import type { AuditEntry } from "./bindings/AuditEntry";
import type { AuditFilter } from "./bindings/AuditFilter";
import type { AuditVerdict } from "./bindings/AuditVerdict";
import type { BankChoices } from "./bindings/BankChoices";
import type { BatchRecord } from "./bindings/BatchRecord";
import type { ControlTotal } from "./bindings/ControlTotal";
import type { DecimalStyle } from "./bindings/DecimalStyle";
import type { DraftPage } from "./bindings/DraftPage";
import type { DraftSummary } from "./bindings/DraftSummary";
import type { FixedRow } from "./bindings/FixedRow";
import type { ResultRow } from "./bindings/ResultRow";
import type { RowFilter } from "./bindings/RowFilter";
import type { CashoutRef } from "./bindings/CashoutRef";
import type { ConnectionCheck } from "./bindings/ConnectionCheck";
import type { CopyReport } from "./bindings/CopyReport";
import type { CountryForm } from "./bindings/CountryForm";
import type { CreateCashout } from "./bindings/CreateCashout";
import type { CreateReview } from "./bindings/CreateReview";
import type { CredentialStatus } from "./bindings/CredentialStatus";
import type { EnvironmentKind } from "./bindings/EnvironmentKind";
import type { DeskEvent } from "./bindings/DeskEvent";
import type { EnvironmentStatus } from "./bindings/EnvironmentStatus";
import type { ErrorReport } from "./bindings/ErrorReport";
import type { ExchangeRecord } from "./bindings/ExchangeRecord";
import type { Exported } from "./bindings/Exported";
import type { HistoryEntry } from "./bindings/HistoryEntry";
import type { HoldBoard } from "./bindings/HoldBoard";
import type { JournalStatus } from "./bindings/JournalStatus";
import type { Lifecycle } from "./bindings/Lifecycle";
import type { ListFilter } from "./bindings/ListFilter";
import type { LocaleView } from "./bindings/LocaleView";
import type { Overview } from "./bindings/Overview";
import type { OverviewQuery } from "./bindings/OverviewQuery";
import type { PayoutView } from "./bindings/PayoutView";
import type { PolicyOverview } from "./bindings/PolicyOverview";
import type { ReconcileReport } from "./bindings/ReconcileReport";
import type { SavedBeneficiary } from "./bindings/SavedBeneficiary";
import type { Settings } from "./bindings/Settings";
import type { SettingsView } from "./bindings/SettingsView";
import type { TeamProfile } from "./bindings/TeamProfile";

export type { ErrorReport };

/** Anything thrown by a command, normalised to the report shape. Whatever is not a report
 * of the core (a command that could not run at all) is the core's own `internal` code. */
export function asReport(e: unknown): ErrorReport {
  if (e && typeof e === "object" && "code" in e && "message" in e) return e as ErrorReport;
  return { code: "internal", message: String(e) };
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw asReport(e);
  }
}

export const appStatus = () => call<EnvironmentStatus>("app_status");
/** The overview of a period: the core's exact figures, written for the operator's locale. */
export const overview = (query: OverviewQuery) => call<Overview>("overview", { query });
/** The language and regional formats the core speaks now, and the ones offered. */
export const locale = () => call<LocaleView>("locale");
/** Chooses the language (`auto`: the system's, or an offered tag); saved in the settings. */
export const setLocale = (setting: string) => call<LocaleView>("set_locale", { setting });
export const getSettings = () => call<SettingsView>("get_settings");
export const updateSettings = (settings: Settings) => call<SettingsView>("update_settings", { settings });
export const saveCredentials = (
  environment: EnvironmentKind,
  apiKey: string,
  apiPassphrase: string,
  apiSignature: string,
  readOnlyKey: string | null,
) => call<CredentialStatus>("save_credentials", { environment, apiKey, apiPassphrase, apiSignature, readOnlyKey });
export const credentialsStatus = (environment: EnvironmentKind) =>
  call<CredentialStatus>("credentials_status", { environment });
export const deleteCredentials = (environment: EnvironmentKind) =>
  call<CredentialStatus>("delete_credentials", { environment });
export const journalStatus = () => call<JournalStatus>("journal_status");
export const testTeamJournal = (profile: TeamProfile, password: string | null) =>
  call<string>("test_team_journal", { profile, password });
export const useTeamJournal = (profile: TeamProfile, password: string | null) =>
  call<JournalStatus>("use_team_journal", { profile, password });
export const useLocalJournal = () => call<JournalStatus>("use_local_journal");
export const copyLocalHistory = () => call<CopyReport>("copy_local_history");
export const testConnection = () => call<ConnectionCheck>("test_connection");
export const countryForms = () => call<CountryForm[]>("country_forms");
export const lifecycle = () => call<Lifecycle>("lifecycle");
/** This build: version, commit, build time. */
export const about = () => call<BuildInfo>("about");
/** Where the app asks for updates, and what came of the last check. */
export const updateStatus = () => call<UpdateState>("update_status");
/** Asks for an update now: the offer, or null when this is the newest version. */
export const updateCheck = () => call<UpdateOffer | null>("update_check");
/** Downloads, verifies and installs the offered update now (then restarts) or on quit. */
export const updateInstall = (version: string, now: boolean) => call<string>("update_install", { version, now });
export const validateCashout = (request: CreateCashout, overrideCheckDigits: boolean) =>
  call<CreateReview>("validate_cashout", { request, overrideCheckDigits });
/** Sends a create. Whether its external_id was generated is the core's to know. `payAgainOf`:
 * the operator chose, explicitly, to pay an identical payout again, naming the earlier one the
 * core refused this one as a duplicate of. */
export const createCashout = (request: CreateCashout, overrideCheckDigits: boolean, payAgainOf: string | null = null, corrects: string | null = null) =>
  call<PayoutView>("create_cashout", { request, overrideCheckDigits, payAgainOf, corrects });
/** Sends an unsettled create again with its own external_id. */
export const resendCashout = (which: CashoutRef) => call<PayoutView>("resend_cashout", { which });
/** Stops checking an unsettled create; the reason goes to the audit log. */
export const abandonCashout = (which: CashoutRef, reason: string) => call<PayoutView>("abandon_cashout", { which, reason });
/** What abandoning risks, in the core's words. */
export const abandonRisk = () => call<string>("abandon_risk");
/** Writes `text` to the system clipboard (the shell does it; nothing is ever read back). */
export const copyText = (text: string) => call<null>("copy_text", { text });
export const checkCashout = (which: CashoutRef) => call<PayoutView>("check_cashout", { which });
/** A lookup of an open create when one is due (the core's back-off), else the payout as recorded; not audited. */
export const lookUpOpen = (which: CashoutRef) => call<PayoutView>("look_up_open", { which });
export const holdCashout = (cashoutId: number) => call<PayoutView>("hold_cashout", { cashoutId });
export const releaseCashout = (cashoutId: number) => call<PayoutView>("release_cashout", { cashoutId });
export const cancelCashout = (cashoutId: number, externalId: string | null) =>
  call<PayoutView>("cancel_cashout", { cashoutId, externalId });
export const listCashouts = (filter: Partial<ListFilter>) => call<PayoutView[]>("list_cashouts", { filter });
export const recordedCashout = (which: CashoutRef) => call<PayoutView>("recorded_cashout", { which });
/** This environment's saved beneficiaries, by label. */
export const listBeneficiaries = () => call<SavedBeneficiary[]>("list_beneficiaries");
/** Saves a payout's beneficiary (as sent) under `label`; answers the list after it. */
export const saveBeneficiary = (label: string, which: CashoutRef) => call<SavedBeneficiary[]>("save_beneficiary", { label, which });
export const deleteBeneficiary = (label: string) => call<SavedBeneficiary[]>("delete_beneficiary", { label });
/** The request a payout to a saved beneficiary starts from. */
export const beneficiaryRequest = (label: string) => call<CreateCashout>("beneficiary_request", { label });
/** The request a payout was sent with (no credentials in it); null for one found by a lookup. */
export const sentRequest = (which: CashoutRef) => call<CreateCashout | null>("sent_request", { which });
export const cashoutHistory = (which: CashoutRef) => call<HistoryEntry[]>("cashout_history", { which });
export const listBanks = (country: string) => call<BankChoices>("list_banks", { country });
export const reconcile = () => call<ReconcileReport>("reconcile");
export const uiPainted = () => call<null>("ui_painted");

/** Starts the stream of watcher events and clicked desktop notifications. Called once: every
 * call adds one more subscriber in the shell, so each event would arrive once per call. */
export function subscribeEvents(onEvent: (event: DeskEvent) => void): Promise<null> {
  const channel = new Channel<DeskEvent>();
  channel.onmessage = onEvent;
  return call<null>("subscribe_events", { onEvent: channel });
}
export const holdBoard = () => call<HoldBoard>("hold_board");
export const auditLog = (filter: Partial<AuditFilter>) => call<AuditEntry[]>("audit_log", { filter });
export const verifyAudit = () => call<AuditVerdict>("verify_audit");
/** `null`: the operator closed the save dialog; nothing was written. */
export const exportAudit = (filter: Partial<AuditFilter>) => call<Exported | null>("export_audit", { filter });
/** `null`: the operator closed the save dialog; nothing was written. */
export const exportCashouts = (filter: Partial<ListFilter>) => call<Exported | null>("export_cashouts", { filter });
/** The requests kept for one payout, as sent (secrets already masked by the core). */
export const cashoutExchanges = (which: CashoutRef) => call<ExchangeRecord[]>("cashout_exchanges", { which });

/** The lists of the approvals view. */
export type ApprovalsList = "waiting_for_me" | "waiting_for_others" | "decided";
export const approvalsPage = (view: ApprovalsList) => call<ApprovalsPage>("approvals_page", { view });
export const approvalDetail = (which: CashoutRef) => call<ApprovalDetail>("approval_detail", { which });
export const decideApproval = (which: CashoutRef, decision: "approve" | "reject", reason: string) =>
  call<ApprovalView>("decide_approval", { which, decision, reason });
export const approvalPolicy = () => call<PolicyOverview>("approval_policy");
export const proposeApprovalPolicy = (currency: string, threshold: string | null, approvers: number, expiresAfterHours: number) =>
  call<number>("propose_approval_policy", { currency, threshold, approvers, expiresAfterHours });
export const decidePolicyChange = (change: number, approve: boolean, reason: string) =>
  call<null>("decide_policy_change", { change, approve, reason });

/** A template of a country and method to a file chosen in the save dialog; `null`: closed. */
export const batchTemplate = (country: string, method: string | null, xlsx: boolean) =>
  call<Exported | null>("batch_template", { country, method, xlsx });
/** Reads a spreadsheet the operator picked or dropped: its bytes go as the request's body. */
export async function batchOpen(name: string, bytes: Uint8Array, decimal: DecimalStyle): Promise<DraftSummary> {
  try {
    return await invoke<DraftSummary>("batch_open", bytes, {
      headers: { "x-file-name": encodeURIComponent(name), "x-decimal": decimal },
    });
  } catch (e) {
    throw asReport(e);
  }
}
/** "Choose a file…": the shell's open dialog; the shell reads the file. `null`: closed. */
export const batchPick = (decimal: DecimalStyle) => call<DraftSummary | null>("batch_pick", { decimal });
/** The draft under review, if there is one. */
export const batchDraft = () => call<DraftSummary | null>("batch_draft");
/* The draft commands name the draft (its batch id) they act on: a window left open on an older
 * file never changes the one opened since. */
export const batchDraftRows = (batch: string, filter: RowFilter, offset: number, limit: number) =>
  call<DraftPage>("batch_draft_rows", { batch, filter, offset, limit });
export const batchSetDecimal = (batch: string, decimal: DecimalStyle) => call<DraftSummary>("batch_set_decimal", { batch, decimal });
export const batchSetMapping = (batch: string, choices: (string | null)[]) => call<DraftSummary>("batch_set_mapping", { batch, choices });
export const batchFixCell = (batch: string, row: number, column: number, text: string) =>
  call<FixedRow>("batch_fix_cell", { batch, row, column, text });
export const batchExclude = (batch: string, row: number, excluded: boolean) => call<DraftSummary>("batch_exclude", { batch, row, excluded });
export const batchDiscard = () => call<null>("batch_discard");
/** Writes the draft ahead of any send once the control totals match; `sameFileAgain` and
 * `payDuplicatesAgain` are the operator's explicit answers to the core's refusals. */
export const batchConfirm = (batch: string, controls: ControlTotal[], rate: number, sameFileAgain: boolean, payDuplicatesAgain: boolean) =>
  call<BatchRecord>("batch_confirm", { batch, controls, rate, sameFileAgain, payDuplicatesAgain });
export const batchList = () => call<BatchRecord[]>("batch_list");
export const batchStatus = (id: string) => call<BatchRecord>("batch_status", { id });
export const batchResults = (id: string) => call<ResultRow[]>("batch_results", { id });
/** Starts (or resumes) sending in the background; progress is read with `batchStatus`. */
export const batchSend = (id: string, rate: number | null) => call<BatchRecord>("batch_send", { id, rate });
export const batchPause = (id: string) => call<BatchRecord>("batch_pause", { id });
export const batchCancel = (id: string) => call<BatchRecord>("batch_cancel", { id });
/** The result file to a file chosen in the save dialog; `null`: closed. */
export const batchSaveResults = (id: string, xlsx: boolean) => call<Exported | null>("batch_save_results", { id, xlsx });
