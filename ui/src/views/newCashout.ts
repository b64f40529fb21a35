// The new-cashout form. The country and method decide the fields (from the core's form
// descriptors); checking is done by the core (`validate_cashout`), whose messages appear at
// the fields. Review shows exactly what will be sent; production asks once more.
import * as ipc from "../ipc";
import { h, mount, notice } from "../dom";
import { routeToken, type Route } from "../main";
import type { CountryForm } from "../bindings/CountryForm";
import type { CreateCashout } from "../bindings/CreateCashout";
import type { FieldError } from "../bindings/FieldError";
import type { MethodForm } from "../bindings/MethodForm";
import type { Bank } from "../bindings/Bank";
import { confirmDialog, errorNotice } from "./detail";

const bankCache = new Map<string, Bank[]>();

/** Keeps what the operator typed when the view is left and re-opened. */
const kept: Record<string, string> = {};

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

export async function renderNew(el: HTMLElement, go: (r: Route) => void): Promise<void> {
  const [forms, settings, status] = await Promise.all([ipc.countryForms(), ipc.getSettings(), ipc.appStatus()]);
  const values: Record<string, string> = { country: "BR", notification_url: settings.notification_url, ...kept };
  let errors: FieldError[] = [];
  let reviewed: CreateCashout | null = null;
  /** The core's review of `reviewed`: the body as it will be sent (credentials masked), and in
   * production the question to confirm. */
  let reviewBody = "";
  let confirmation: string | null = null;
  /** Counts edits and reviews: an answer to a review asked before the latest edit is stale. */
  let reviewSeq = 0;
  /** The operator left External id empty: the id on review was generated for them. */
  let idGenerated = false;
  /** A send is in flight: nothing else may be sent, edited or reviewed until it answers. */
  let sending = false;
  const token = routeToken();
  const current = () => token === routeToken();
  const banner = h("div", { id: "form-banner" });

  const formFor = () => forms.find((f) => f.code === values.country) ?? forms[0]!;
  const methodFor = (f: CountryForm) => f.methods.find((m) => m.id === values.method) ?? f.methods[0];

  const fieldEl = (d: FieldDef) => {
    const id = `f-${d.name}`;
    const own = errors.filter((e) => e.field === d.name);
    let input: HTMLInputElement | HTMLSelectElement;
    if (d.kind === "select") {
      input = h("select", { id, name: d.name }, ...(d.options ?? []).map(([v, l]) => h("option", { value: v, selected: values[d.name] === v }, l)));
      if (values[d.name] === undefined && d.options?.length) values[d.name] = d.options[0]![0];
    } else if (d.kind === "checkbox") {
      input = h("input", { id, name: d.name, type: "checkbox", checked: values[d.name] === "true" });
    } else {
      input = h("input", { id, name: d.name, type: "text", value: values[d.name] ?? "", "aria-invalid": own.length > 0 ? "true" : null });
    }
    if (own.length) input.setAttribute("aria-describedby", `${id}-error`);
    input.addEventListener("change", () => {
      values[d.name] = input instanceof HTMLInputElement && input.type === "checkbox" ? String(input.checked) : input.value;
      kept[d.name] = values[d.name]!;
      // Any edit invalidates the review: it must be done again before anything can be sent.
      const hadReview = reviewed !== null;
      reviewed = null;
      reviewSeq++;
      if (d.name === "country" || d.name === "method") errors = [];
      if (hadReview || d.name === "country" || d.name === "method") void draw();
    });
    return h("div", { class: `field${own.length ? " invalid" : ""}` },
      h("label", { for: id }, d.label + (d.required ? " *" : "")),
      input,
      d.hint && d.kind !== "select" ? h("span", { class: "hint" }, d.hint) : null,
      own.length ? h("span", { class: "field-error", id: `${id}-error` }, own.map((e) => e.message).join(" ")) : null);
  };

  const draw = async () => {
    const form = formFor();
    const method = methodFor(form);
    values.method = method?.id ?? "";
    // The bank list comes from the provider; the form does not wait for it: the picker is
    // filled in place when it arrives.
    const key = `${status.name}:${form.code}`;
    // PIX keys and wallets are payout methods of their own, not banks to pick.
    const usable = (list: Bank[]) => list.filter((b) => b.licensed && !form.methods.some((m) => m.bank_code === b.code));
    const banks: Bank[] = method?.pick_bank ? usable(bankCache.get(key) ?? []) : [];
    if (method?.pick_bank && !bankCache.has(key)) {
      ipc.listBanks(form.code).then(
        (list) => {
          bankCache.set(key, list);
          // Only into the picker of the country it was asked for, if it is still on screen.
          const picker = el.querySelector<HTMLSelectElement>("#f-bank_code");
          if (!picker || !current() || values.country !== form.code) return;
          picker.replaceChildren(...usable(list).map((b) => h("option", { value: b.code }, `${b.code} — ${b.name}`)));
          if (values.bank_code && usable(list).some((b) => b.code === values.bank_code)) picker.value = values.bank_code;
        },
        (e: unknown) => {
          // Not cached: the next draw asks again.
          if (current() && values.country === form.code) mount(banner, errorNotice(ipc.asReport(e), "banks-error"));
        },
      );
    }
    const common: FieldDef[] = [
      { name: "country", label: "Country", required: true, kind: "select", options: forms.map((f) => [f.code, `${f.name} (${f.code})`]) },
      { name: "method", label: "Payout method", required: true, kind: "select", options: form.methods.map((m) => [m.id, m.label]) },
      { name: "external_id", label: "External id", required: false, hint: "left empty: generated on review" },
      { name: "amount", label: "Amount", required: true, hint: "e.g. 150.25" },
      { name: "currency", label: "Currency", required: true, kind: "select", options: form.currencies.map((c) => [c, c]) },
      { name: "document_type", label: "Document type", required: false, kind: "select", options: form.document_types.map((d) => [d, d]) },
      { name: "document_id", label: "Document number", required: true },
      { name: "beneficiary_name", label: "Beneficiary first name", required: true },
      { name: "beneficiary_lastname", label: "Beneficiary last name", required: form.lastname_required },
    ];
    if (form.address_required) common.push({ name: "address", label: "Address", required: true });
    const methodFields: FieldDef[] = [];
    if (method?.pick_bank) methodFields.push({ name: "bank_code", label: "Bank", required: true, kind: "select", options: banks.map((b) => [b.code, `${b.code} — ${b.name}`]) });
    for (const f of method?.fields ?? []) {
      if (f.name === "account_type") methodFields.push({ name: f.name, label: f.label, required: f.required, kind: "select", options: form.account_types.map((c) => [c.code, `${c.code} — ${c.label}`]) });
      else methodFields.push({ name: f.name, label: f.label, required: f.required, hint: f.hint });
    }
    const extra: FieldDef[] = [
      { name: "notification_url", label: "Notification URL", required: true },
      { name: "comments", label: "Comments", required: false, hint: "sandbox rehearsals: sandbox:reject=814, sandbox:decline=514, …" },
      { name: "on_hold", label: "Create on hold for review", required: false, kind: "checkbox" },
    ];
    if (status.allows_check_digit_override) extra.push({ name: "override_check_digits", label: "Accept a failed national check digit (sandbox and staging only)", required: false, kind: "checkbox" });
    const unplaced = errors.filter((e) => ![...common, ...methodFields, ...extra].some((d) => d.name === e.field));
    const review = reviewed
      ? h("section", { "aria-labelledby": "review-title", id: "review" },
          h("h2", { id: "review-title" }, "Review: exactly what will be sent"),
          h("pre", { class: "review", id: "review-body" }, reviewBody),
          h("p", { class: "muted" }, `The body as the core will send it, byte for byte, except that the API Key shows only its last 4 characters and the passphrase is masked. Signed with the API Signature stored for ${status.name} (never shown). Environment: ${status.name} (${status.host}).`),
          h("div", { class: "row" },
            h("button", { type: "button", class: "primary", id: "send", disabled: sending, onclick: () => void send() }, `Send ${reviewed.amount ?? ""} ${reviewed.currency ?? form.currency}`),
            h("button", { type: "button", disabled: sending, onclick: () => { reviewed = null; void draw(); } }, "Edit")))
      : null;
    mount(el,
      h("h1", {}, "New cashout"),
      banner,
      h("form", { id: "new-cashout", onsubmit: (e: Event) => { e.preventDefault(); void check(); } },
        h("div", { class: "form-grid" }, ...common.map(fieldEl)),
        h("h2", {}, method?.label ?? ""),
        h("div", { class: "form-grid" }, ...methodFields.map(fieldEl)),
        h("h2", {}, "Notification and review"),
        h("div", { class: "form-grid" }, ...extra.map(fieldEl)),
        unplaced.length ? notice("validation", unplaced.map((e) => `${e.field}: ${e.message}`).join(" ")) : null,
        h("div", { class: "row" }, h("button", { type: "submit", class: "primary", id: "review-button", disabled: sending }, "Review"))),
      review);
    if (reviewed) document.getElementById("send")?.focus();
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

  const check = async () => {
    if (sending) return;
    const request = collect();
    idGenerated = request.external_id.trim() === "";
    mount(banner);
    const seq = ++reviewSeq;
    try {
      const review = await ipc.validateCashout(request, overrideOn());
      // Edited (or reviewed again) while the core was checking: this answer is for old values.
      if (seq !== reviewSeq || !current()) return;
      reviewed = review.request;
      reviewBody = review.body;
      confirmation = review.confirmation;
      errors = [];
      values.external_id = reviewed.external_id;
      kept.external_id = reviewed.external_id;
    } catch (e) {
      if (seq !== reviewSeq || !current()) return;
      const r = ipc.asReport(e);
      reviewed = null;
      errors = r.errors ?? [];
      if (r.code !== "validation") mount(banner, errorNotice(r, "form-error"));
      else mount(banner, notice("validation", `${errors.length} field${errors.length === 1 ? "" : "s"} to fix before anything is sent.`, "form-error"));
    }
    await draw();
    if (errors.length) (el.querySelector(".field.invalid input, .field.invalid select") as HTMLElement | null)?.focus();
  };

  const send = async () => {
    if (!reviewed || sending) return;
    const r = reviewed;
    if (confirmation) {
      const ok = await confirmDialog(confirmation, "Send payout");
      if (!ok) return;
    }
    sending = true;
    await draw();
    mount(banner, notice("info", "Sending…"));
    try {
      const view = await ipc.createCashout(r, overrideOn(), idGenerated);
      sending = false;
      for (const k of Object.keys(kept)) delete kept[k];
      if (current()) void go({ view: "detail", which: view.cashout_id ? { id: view.cashout_id } : { external_id: view.external_id ?? r.external_id } });
      return;
    } catch (e) {
      sending = false;
      const rep = ipc.asReport(e);
      if (rep.code === "outcome_unknown") {
        // The form (with its external_id) is kept: if the provider never got it, sending the
        // same review again resumes the same intent instead of paying under a new id.
        kept.external_id = r.external_id;
        if (current()) void go({ view: "detail", which: { external_id: rep.external_id ?? r.external_id } });
        return;
      }
      if (!current()) return;
      errors = rep.errors ?? [];
      reviewed = null;
      await draw();
      mount(banner, errorNotice(rep, "form-error"));
    }
  };

  await draw();
}
