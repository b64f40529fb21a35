// The new-cashout form. The country and method decide the fields, with their labels (from the
// core's form descriptors); checking is done by the core (`validate_cashout`), whose messages
// appear at the fields. Review shows the payout in words and exactly what will be sent; any
// edit withdraws it at once. Production asks once more. What happens after a refusal — a
// possible duplicate, a decline, nothing sent — is offered here, in the core's words.
import * as ipc from "../ipc";
import { h, mount, notice } from "../dom";
import { routeToken, type Route } from "../main";
import type { Bank } from "../bindings/Bank";
import type { CountryForm } from "../bindings/CountryForm";
import type { CreateCashout } from "../bindings/CreateCashout";
import type { CreateReview } from "../bindings/CreateReview";
import type { ErrorReport } from "../bindings/ErrorReport";
import type { FieldError } from "../bindings/FieldError";
import type { FieldSpec } from "../bindings/FieldSpec";
import type { MethodForm } from "../bindings/MethodForm";
import type { SavedBeneficiary } from "../bindings/SavedBeneficiary";
import { confirmDialog, errorNotice } from "./detail";
import { money, stamp } from "./status";
import { statusLabel } from "../diagram";
import { t, amountAsTyped } from "../i18n";

const bankCache = new Map<string, { banks: Bank[]; note: string | null }>();

/** Keeps what the operator typed when the view is left and re-opened. */
const kept: Record<string, string> = {};

/** A new payout that starts from an earlier one ("copy into a new payout", "pay again with
 * corrected details"): its request, the field to put the focus on, the payout it corrects
 * (linked in both histories when this one is sent) and what to tell the operator. */
type StartFrom = { request: CreateCashout; focus: string | null; corrects: string | null; note: string };
let startingFrom: StartFrom | null = null;

/** Opens the form next on a copy of `from.request` under a new external id (the desk
 * generates it: a new payout is never sent under the id of one that was). */
export function startFrom(from: StartFrom): void {
  startingFrom = from;
}

/** Whether the form holds a payout being typed (what starting from a copy would replace). */
export function hasDraft(): boolean {
  return Object.entries(kept).some(([k, v]) => v !== "" && !["country", "method", "notification_url", "currency", "document_type"].includes(k));
}

/** The request fields that say who is paid and where (what a saved beneficiary fills). */
const BENEFICIARY_FIELDS = ["document_id", "document_type", "beneficiary_name", "beneficiary_lastname", "email", "phone",
  "bank_code", "bank_account", "bank_branch", "account_type", "address"];

/** The form's values for a stored request, its payout method found from its bank code. */
function valuesOf(r: CreateCashout, forms: CountryForm[]): Record<string, string> {
  const form = forms.find((f) => f.code === r.country) ?? forms[0]!;
  const method = form.methods.find((m) => m.bank_code !== null && m.bank_code === r.bank_code) ?? form.methods.find((m) => m.pick_bank) ?? form.methods[0];
  const out: Record<string, string> = { country: form.code, method: method?.id ?? "" };
  const fields: (keyof CreateCashout)[] = ["currency", "amount", "document_id", "document_type", "beneficiary_name", "beneficiary_lastname",
    "email", "phone", "bank_code", "bank_account", "bank_branch", "account_type", "address", "notification_url", "comments"];
  for (const k of fields) {
    const v = r[k];
    if (v !== null && v !== undefined && v !== "") out[k] = String(v);
  }
  // The journal's canonical amount, as this operator types amounts.
  if (out.amount) out.amount = amountAsTyped(out.amount);
  if (r.on_hold) out.on_hold = "true";
  return out;
}

type FieldDef = { name: string; label: string; required: boolean; hint?: string; kind?: "text" | "select" | "checkbox"; options?: [string, string][] };

/** The request from the fields on screen. A field not shown (e.g. left from another payout
 * method) is never sent, whatever was typed in it earlier. */
export function requestFrom(values: Record<string, string>, shown: Set<string>, method: MethodForm | undefined, form: CountryForm): CreateCashout {
  const v = (k: string) => (shown.has(k) ? (values[k] ?? "").trim() || null : null);
  return {
    external_id: v("external_id") ?? "",
    country: form.code,
    currency: v("currency"),
    amount: v("amount"),
    document_id: v("document_id") ?? "",
    document_type: v("document_type"),
    beneficiary_name: v("beneficiary_name") ?? "",
    beneficiary_lastname: v("beneficiary_lastname"),
    email: v("email"),
    phone: v("phone"),
    bank_code: method?.bank_code ?? v("bank_code"),
    bank_account: v("bank_account"),
    bank_branch: v("bank_branch"),
    account_type: v("account_type"),
    address: v("address"),
    city: null,
    postal_code: null,
    beneficiary_birthdate: null,
    notification_url: v("notification_url") ?? "",
    comments: v("comments"),
    on_hold: shown.has("on_hold") && values.on_hold === "true",
  };
}

/** The core's field spec as one of the form's inputs. */
function defOf(f: FieldSpec, form: CountryForm): FieldDef {
  switch (f.name) {
    case "currency": return { ...f, kind: "select", options: form.currencies.map((c) => [c, c]) };
    case "document_type": return { ...f, kind: "select", options: form.document_types.map((d) => [d, d]) };
    case "account_type": return { ...f, kind: "select", options: form.account_types.map((c) => [c.code, `${c.code} — ${c.label}`]) };
    default: return { ...f };
  }
}

export async function renderNew(el: HTMLElement, go: (r: Route) => void): Promise<void> {
  const [forms, settings, status] = await Promise.all([ipc.countryForms(), ipc.getSettings(), ipc.appStatus()]);
  // Saved beneficiaries are offered when there are any; the form works without them.
  let saved: SavedBeneficiary[] = await ipc.listBeneficiaries().catch(() => []);
  const from = startingFrom;
  startingFrom = null;
  if (from) {
    // What was typed for another payout gives way to the copy (external id left blank: new).
    for (const k of Object.keys(kept)) delete kept[k];
    Object.assign(kept, valuesOf(from.request, forms));
  }
  /** The payout this one corrects, until it is sent (or the operator unlinks it). */
  let corrects = from?.corrects ?? null;
  const values: Record<string, string> = { country: "BR", notification_url: settings.notification_url, ...kept };
  let errors: FieldError[] = [];
  let review: CreateReview | null = null;
  /** Counts edits and reviews: an answer to a review asked before the latest edit is stale. */
  let reviewSeq = 0;
  /** A send is in flight: nothing else may be sent, edited or reviewed until it answers. */
  let sending = false;
  const token = routeToken();
  const current = () => token === routeToken();
  const banner = h("div", { id: "form-banner" });

  const formFor = () => forms.find((f) => f.code === values.country) ?? forms[0]!;
  const methodFor = (f: CountryForm) => f.methods.find((m) => m.id === values.method) ?? f.methods[0];

  /** The review last sent and refused as a possible duplicate: what "pay again on purpose"
   * sends. An edit drops it (and its banner): the payout on screen is no longer that one. */
  let refused: CreateReview | null = null;

  /** Withdraws the review on screen at once: it no longer shows what would be sent. */
  const withdraw = () => {
    reviewSeq++;
    if (refused) {
      refused = null;
      banner.querySelector("#duplicate")?.remove();
    }
    if (!review) return;
    review = null;
    el.querySelector("#review")?.remove();
  };

  const fieldEl = (d: FieldDef) => {
    const id = `f-${d.name}`;
    const own = errors.filter((e) => e.field === d.name);
    const warned = (review?.warnings ?? []).filter((w) => w.field === d.name);
    let input: HTMLInputElement | HTMLSelectElement;
    if (d.kind === "select") {
      input = h("select", { id, name: d.name }, ...(d.options ?? []).map(([v, l]) => h("option", { value: v, selected: values[d.name] === v }, l)));
      if (values[d.name] === undefined && d.options?.length) values[d.name] = d.options[0]![0];
    } else if (d.kind === "checkbox") {
      input = h("input", { id, name: d.name, type: "checkbox", checked: values[d.name] === "true" });
    } else {
      input = h("input", { id, name: d.name, type: "text", value: values[d.name] ?? "", "aria-invalid": own.length > 0 ? "true" : null });
    }
    const described = [own.length ? `${id}-error` : null, warned.length ? `${id}-warning` : null].filter(Boolean).join(" ");
    if (described) input.setAttribute("aria-describedby", described);
    const edited = () => {
      values[d.name] = input instanceof HTMLInputElement && input.type === "checkbox" ? String(input.checked) : input.value;
      kept[d.name] = values[d.name]!;
      // Any edit withdraws the review at once: it must be done again before anything is sent.
      withdraw();
    };
    // Every keystroke counts as an edit, not only leaving the field.
    input.addEventListener("input", edited);
    input.addEventListener("change", () => {
      edited();
      if (d.name === "country" || d.name === "method") {
        errors = [];
        if (d.name === "country") delete values.method;
        void draw();
      }
    });
    return h("div", { class: `field${own.length ? " invalid" : ""}${warned.length ? " warned" : ""}` },
      h("label", { for: id }, d.label + (d.required ? " *" : "")),
      input,
      d.hint && d.kind !== "select" ? h("span", { class: "hint" }, d.hint) : null,
      own.length ? h("span", { class: "field-error", id: `${id}-error` }, own.map((e) => e.message).join(" ")) : null,
      warned.length ? h("span", { class: "field-warning", id: `${id}-warning` }, warned.map((w) => w.message).join(" ")) : null);
  };

  const banksFor = (form: CountryForm, method: MethodForm | undefined): Bank[] => {
    const key = `${status.name}:${form.code}`;
    // PIX keys and wallets are payout methods of their own, not banks to pick.
    // A bank code already chosen (typed, copied from an earlier payout or a saved beneficiary)
    // that the list does not offer stays chosen, marked so: it is never swapped for another
    // bank; the review and the provider say whether it can be paid.
    const usable = (list: Bank[]) => {
      const offered = list.filter((b) => b.licensed && !form.methods.some((m) => m.bank_code === b.code));
      const chosen = values.bank_code;
      return chosen && !offered.some((b) => b.code === chosen)
        ? [{ code: chosen, name: t("new-bank-not-listed"), licensed: false } as Bank, ...offered]
        : offered;
    };
    if (!method?.pick_bank) return [];
    const cached = bankCache.get(key);
    if (!cached) {
      // The bank list comes from the provider; the form does not wait for it: the picker is
      // filled in place when it arrives.
      ipc.listBanks(form.code).then(
        (choices) => {
          bankCache.set(key, { banks: choices.banks, note: choices.note });
          // Only into the picker of the country it was asked for, if it is still on screen.
          const picker = el.querySelector<HTMLSelectElement>("#f-bank_code");
          if (!picker || !current() || values.country !== form.code) return;
          picker.replaceChildren(...usable(choices.banks).map((b) => h("option", { value: b.code }, `${b.code} — ${b.name}`)));
          if (values.bank_code && usable(choices.banks).some((b) => b.code === values.bank_code)) picker.value = values.bank_code;
          values.bank_code = picker.value;
          mount(el.querySelector("#banks-note") ?? h("div"), choices.note ? notice("info", choices.note, "banks-fallback") : null);
        },
        (e: unknown) => {
          // Not cached: the next draw asks again.
          if (current() && values.country === form.code) mount(banner, errorNotice(ipc.asReport(e), "banks-error"));
        },
      );
      return [];
    }
    return usable(cached.banks);
  };

  const reviewSection = (r: CreateReview, form: CountryForm) =>
    h("section", { "aria-labelledby": "review-title", id: "review" },
      h("h2", { id: "review-title" }, t("new-review-title")),
      r.id_note ? notice("info", r.id_note, "review-id-note") : null,
      h("dl", { class: "facts review-summary", id: "review-summary" },
        ...r.summary.flatMap((l) => [h("dt", {}, l.label), h("dd", {}, l.value)])),
      r.warnings.length
        ? h("div", { class: "notice notice-warning", role: "status", id: "review-warnings" },
            h("strong", {}, t("new-review-warnings")),
            h("ul", {}, ...r.warnings.map((w) => h("li", {}, w.message))))
        : null,
      h("pre", { class: "review", id: "review-body" }, r.body),
      h("p", { class: "muted" }, t("new-review-body-note", { environment: status.name })),
      h("div", { class: "row" },
        h("button", { type: "button", class: "primary", id: "send", disabled: sending, onclick: () => void send() }, t("new-send", { amount: r.amount_shown })),
        h("button", { type: "button", id: "edit", disabled: sending, onclick: () => { withdraw(); focusFirst(); } }, t("new-edit"))));

  /** The saved beneficiary the fields were last filled from (shown chosen in the picker). */
  let savedChosen = "";
  /** The saved beneficiaries, to fill the beneficiary's fields from one (the amount and the
   * rest stay as typed). Every field of the beneficiary is replaced, so nothing of another
   * person's is left behind; the review checks the details again like any typed ones. */
  const savedPicker = () => {
    if (saved.length === 0) return null;
    const picker = h("select", { id: "f-saved" },
      h("option", { value: "" }, t("new-saved-choose")),
      ...saved.map((b) => h("option", { value: b.label, selected: b.label === savedChosen },
        `${b.label} — ${[b.details.beneficiary_name, b.details.beneficiary_lastname].filter(Boolean).join(" ")}${b.payee ? `, ${b.payee.account_label} ${b.payee.account_masked}` : ""}`)));
    picker.addEventListener("change", async () => {
      const chosen = saved.find((b) => b.label === picker.value);
      if (!chosen) return;
      // The core makes the request a saved beneficiary starts (its details, nothing else).
      let request: CreateCashout;
      try {
        request = await ipc.beneficiaryRequest(chosen.label);
      } catch (e) {
        mount(banner, errorNotice(ipc.asReport(e), "form-error"));
        return;
      }
      savedChosen = chosen.label;
      for (const k of BENEFICIARY_FIELDS) { delete values[k]; delete kept[k]; }
      // Another person now: this payout no longer corrects the one it was copied from.
      corrects = null;
      const filled = valuesOf(request, forms);
      Object.assign(values, filled);
      Object.assign(kept, filled);
      errors = [];
      withdraw();
      void draw().then(() => {
        mount(banner, h("div", { class: "notice notice-info", role: "status", id: "saved-used" },
          h("p", {}, t("new-saved-used", { label: chosen.label, who: chosen.saved_by })),
          h("div", { class: "row" }, h("button", {
            type: "button", id: "saved-delete",
            onclick: async () => {
              if (!(await confirmDialog(t("new-saved-delete-ask", { label: chosen.label }), t("new-saved-delete-confirm")))) return;
              try {
                saved = await ipc.deleteBeneficiary(chosen.label);
                savedChosen = "";
                mount(banner, notice("ok", t("new-saved-deleted", { label: chosen.label }), "saved-deleted"));
                await draw();
              } catch (e) {
                mount(banner, errorNotice(ipc.asReport(e), "form-error"));
              }
            },
          }, t("new-saved-delete", { label: chosen.label })))));
        (document.getElementById("f-amount") as HTMLElement | null)?.focus();
      });
    });
    return h("div", { class: "row", id: "saved-row" }, h("label", { for: "f-saved" }, t("new-saved-label")), picker);
  };

  const focusFirst = () => (el.querySelector("#new-cashout input, #new-cashout select") as HTMLElement | null)?.focus();

  const draw = async () => {
    // Focus stays where the operator was: the element with the same id after the redraw.
    const focused = document.activeElement instanceof HTMLElement && el.contains(document.activeElement) ? document.activeElement.id : "";
    const form = formFor();
    const method = methodFor(form);
    values.method = method?.id ?? "";
    const banks = banksFor(form, method);
    const common: FieldDef[] = [
      { name: "country", label: t("new-field-country"), required: true, kind: "select", options: forms.map((f) => [f.code, `${f.name} (${f.code})`]) },
      { name: "method", label: t("new-field-method"), required: true, kind: "select", options: form.methods.map((m) => [m.id, m.label_shown]) },
      ...form.common.filter((f) => f.name !== "notification_url" && f.name !== "comments").map((f) => defOf(f, form)),
    ];
    const methodFields: FieldDef[] = [];
    if (method?.pick_bank) methodFields.push({ name: "bank_code", label: t("new-field-bank"), required: true, kind: "select", options: banks.map((b) => [b.code, `${b.code} — ${b.name}`]) });
    for (const f of method?.fields ?? []) methodFields.push(defOf(f, form));
    const extra: FieldDef[] = [
      ...form.common.filter((f) => f.name === "notification_url" || f.name === "comments").map((f) => defOf(f, form)),
      { name: "on_hold", label: t("new-field-on-hold"), required: false, kind: "checkbox" },
    ];
    if (status.allows_check_digit_override) extra.push({ name: "override_check_digits", label: t("new-field-override-check-digits"), required: false, kind: "checkbox" });
    const unplaced = errors.filter((e) => ![...common, ...methodFields, ...extra].some((d) => d.name === e.field));
    const cached = bankCache.get(`${status.name}:${form.code}`);
    mount(el,
      h("h1", {}, t("new-title")),
      banner,
      savedPicker(),
      h("form", { id: "new-cashout", onsubmit: (e: Event) => { e.preventDefault(); void check(); } },
        h("div", { class: "form-grid" }, ...common.map(fieldEl)),
        // The method in the operator's language (`label` is its English name, for batch files).
        h("h2", {}, method?.label_shown ?? ""),
        h("div", { class: "form-grid" }, ...methodFields.map(fieldEl)),
        h("div", { id: "banks-note" }, method?.pick_bank && cached?.note ? notice("info", cached.note, "banks-fallback") : null),
        h("h2", {}, t("new-section-notification")),
        h("div", { class: "form-grid" }, ...extra.map(fieldEl)),
        unplaced.length ? notice("validation", unplaced.map((e) => `${e.field}: ${e.message}`).join(" ")) : null,
        h("div", { class: "row" }, h("button", { type: "submit", class: "primary", id: "review-button", disabled: sending }, t("new-review")))),
      review ? reviewSection(review, form) : null);
    if (focused) document.getElementById(focused)?.focus();
  };

  const collect = () => {
    const shown = new Set<string>();
    for (const input of el.querySelectorAll<HTMLInputElement | HTMLSelectElement>("#new-cashout [name]")) {
      values[input.name] = input instanceof HTMLInputElement && input.type === "checkbox" ? String(input.checked) : input.value;
      kept[input.name] = values[input.name]!;
      shown.add(input.name);
    }
    shownFields = shown;
    return requestFrom(values, shown, methodFor(formFor()), formFor());
  };
  let shownFields = new Set<string>();
  /** The override counts only while its checkbox is on screen (never in production). */
  const overrideOn = () => shownFields.has("override_check_digits") && values.override_check_digits === "true";

  /** Moves the focus to the first field in error, or else to the banner that says why. */
  const focusProblem = () => {
    const invalid = el.querySelector(".field.invalid input, .field.invalid select") as HTMLElement | null;
    if (invalid) { invalid.focus(); return; }
    const said = banner.querySelector<HTMLElement>("[role=alert], [role=status], button");
    if (said) { if (!said.hasAttribute("tabindex") && said.tagName !== "BUTTON") said.setAttribute("tabindex", "-1"); said.focus(); }
  };

  const check = async () => {
    if (sending) return;
    refused = null;
    const request = collect();
    mount(banner);
    const seq = ++reviewSeq;
    try {
      const r = await ipc.validateCashout(request, overrideOn());
      // Edited (or reviewed again) while the core was checking: this answer is for old values.
      if (seq !== reviewSeq || !current()) return;
      review = r;
      errors = [];
      values.external_id = r.request.external_id;
      kept.external_id = r.request.external_id;
      // The normalised values (e.g. a PIX e-mail key in lower case) are what will be sent.
      await draw();
      document.getElementById("send")?.focus();
    } catch (e) {
      if (seq !== reviewSeq || !current()) return;
      review = null;
      showRefusal(ipc.asReport(e));
      await draw();
      focusProblem();
    }
  };

  /** A refusal of a review or a send: at the fields when it names them, with what the
   * operator can do next when the core says so. */
  const showRefusal = (r: ErrorReport) => {
    errors = r.errors ?? (r.field ? [{ field: r.field, code: r.code, message: r.message }] : []);
    if (r.code === "validation") {
      mount(banner, notice("validation", t("new-fields-to-fix", { count: errors.length }), "form-error"));
    } else if (r.code === "possible_duplicate" && r.external_id) {
      errors = [];
      mount(banner, duplicateNotice(r.message, r.external_id));
    } else if (r.code === "api_error" && r.field) {
      // Declined, the field the provider blamed marked. Whether the corrected payout keeps
      // its external id is the core's to say, on the next review.
      mount(banner, errorNotice(r, "form-error"),
        notice("info", t("new-decline-next"), "decline-next"));
    } else {
      mount(banner, errorNotice(r, "form-error"));
    }
  };

  /** The core refused a payout identical to a recent one: open that one, or pay again on
   * purpose — naming it, after seeing it. */
  const duplicateNotice = (message: string, earlierId: string) =>
    h("div", { class: "notice notice-api", role: "alert", id: "duplicate" },
      h("p", {}, message),
      h("div", { class: "row" },
        h("button", { type: "button", id: "open-earlier", onclick: () => void go({ view: "detail", which: { external_id: earlierId } }) }, t("new-open-earlier")),
        h("button", { type: "button", class: "danger", id: "pay-again", onclick: () => void payAgain(earlierId) }, t("new-pay-again"))));

  const payAgain = async (earlierId: string) => {
    const again = refused;
    if (!again) return;
    const earlier = await ipc.recordedCashout({ external_id: earlierId }).catch(() => null);
    const state = earlier?.status ? statusLabel(earlier.status) : t("new-earlier-phase", { phase: earlier?.phase ?? "none" });
    const what = !earlier
      ? t("new-pay-again-earlier-unrecorded", { id: earlierId })
      : earlier.beneficiary
        ? t("new-pay-again-earlier", { amount: money(earlier), beneficiary: earlier.beneficiary, id: earlierId, requested: stamp(earlier.created_at), state })
        : t("new-pay-again-earlier-same-beneficiary", { amount: money(earlier), id: earlierId, requested: stamp(earlier.created_at), state });
    // In production the core's question (amount, beneficiary, environment) is asked too.
    const question = [what, t("new-pay-again-ask"), again.confirmation].filter(Boolean).join(" ");
    const ok = await confirmDialog(question, t("new-pay-again-confirm"));
    // Edited meanwhile: the payout on screen is no longer the one refused.
    if (!ok || refused !== again) return;
    await send(earlierId);
  };

  const send = async (payAgainOf: string | null = null) => {
    const sent = payAgainOf ? refused : review;
    if (!sent || sending) return;
    const r = sent.request;
    if (!payAgainOf && sent.confirmation) {
      const ok = await confirmDialog(sent.confirmation, t("new-send-confirm"));
      if (!ok) return;
    }
    sending = true;
    await draw();
    mount(banner, notice("info", t("new-sending")));
    try {
      const view = await ipc.createCashout(r, overrideOn(), payAgainOf, corrects);
      sending = false;
      refused = null;
      corrects = null;
      for (const k of Object.keys(kept)) delete kept[k];
      if (current()) void go({ view: "detail", which: view.cashout_id ? { id: view.cashout_id } : { external_id: view.external_id ?? r.external_id } });
      return;
    } catch (e) {
      sending = false;
      const rep = ipc.asReport(e);
      if (rep.code === "outcome_unknown") {
        // The form (with its external_id) is kept: sending the same review again resumes the
        // same intent instead of paying under a new id.
        kept.external_id = r.external_id;
        if (current()) void go({ view: "detail", which: { external_id: rep.external_id ?? r.external_id } });
        return;
      }
      if (!current()) return;
      review = null;
      refused = rep.code === "possible_duplicate" ? sent : null;
      if (rep.code === "not_sent") {
        errors = [];
        await draw();
        mount(banner, notSentNotice(rep, r.external_id));
        (document.getElementById("retry-send") as HTMLElement | null)?.focus();
        return;
      }
      showRefusal(rep);
      await draw();
      focusProblem();
    }
  };

  /** Nothing left this machine: say so, and offer to send it again under the same id. */
  const notSentNotice = (rep: ErrorReport, externalId: string) =>
    h("div", { class: "notice notice-network", role: "alert", id: "not-sent" },
      h("p", {}, rep.message),
      h("div", { class: "row" },
        h("button", {
          type: "button", class: "primary", id: "retry-send",
          onclick: async () => {
            mount(banner, notice("info", t("new-sending-again")));
            try {
              const view = await ipc.resendCashout({ external_id: externalId });
              for (const k of Object.keys(kept)) delete kept[k];
              if (current()) void go({ view: "detail", which: view.cashout_id ? { id: view.cashout_id } : { external_id: externalId } });
            } catch (e2) {
              const again = ipc.asReport(e2);
              if (again.code === "outcome_unknown") { if (current()) void go({ view: "detail", which: { external_id: externalId } }); return; }
              if (current()) mount(banner, again.code === "not_sent" ? notSentNotice(again, externalId) : errorNotice(again, "form-error"));
            }
          },
        }, t("new-retry")),
        h("button", { type: "button", id: "open-not-sent", onclick: () => void go({ view: "detail", which: { external_id: externalId } }) }, t("new-open-not-sent"))));

  await draw();
  if (from) {
    mount(banner, h("div", { class: "notice notice-info", role: "status", id: "start-from" },
      h("p", {}, from.note),
      corrects
        ? h("div", { class: "row" },
            h("button", { type: "button", id: "unlink-corrects", onclick: () => { corrects = null; el.querySelector("#start-from")?.remove(); } }, t("new-unlink", { id: corrects })))
        : null));
    // The field to fix has the focus; else the first field.
    const target = from.focus ? (document.getElementById(`f-${from.focus}`) as HTMLElement | null) : null;
    if (target) target.focus();
    else focusFirst();
  }
}
