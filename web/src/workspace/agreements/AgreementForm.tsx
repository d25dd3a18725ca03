import { type AgreementStatus, agreementStatuses, type PartyRole, partyRoles } from "@samspill/domain";
import type { TFunction } from "i18next";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "../../components/Field.js";
import { SelectField } from "../../components/SelectField.js";
import { enumOptions } from "../../i18n/labels.js";
import type { FieldErrors } from "../../shared/mutations.js";
import type { AllOrganisationsData } from "../../shared/organisations.js";
import { type Agreement, roleForKind } from "./queries.js";

export interface AgreementFormValues {
  title: string;
  subAgreement: string;
  description: string;
  validFrom: string;
  validTo: string;
  status: AgreementStatus;
  documentUrl: string;
  parties: { organisationId: string; role: PartyRole }[];
  /** Empty when registering: whoever registers the agreement coordinates it. */
  coordinatorId: string;
}

export function valuesFromAgreement(a: Agreement): AgreementFormValues {
  return {
    title: a.title,
    subAgreement: a.subAgreement ?? "",
    description: a.description,
    validFrom: a.validFrom,
    validTo: a.validTo ?? "",
    status: a.status,
    documentUrl: a.documentUrl ?? "",
    parties: a.parties.map((p) => ({ organisationId: p.organisation.id, role: p.role })),
    coordinatorId: a.coordinator.id,
  };
}

export function toAgreementInput(v: AgreementFormValues) {
  const optional = (s: string) => (s.trim() === "" ? null : s.trim());
  return {
    title: v.title,
    subAgreement: optional(v.subAgreement),
    description: v.description,
    validFrom: v.validFrom,
    validTo: optional(v.validTo),
    status: v.status,
    documentUrl: optional(v.documentUrl),
    // A row left without an organisation is not a party yet.
    parties: v.parties.filter((p) => p.organisationId),
    ...(v.coordinatorId ? { coordinatorId: v.coordinatorId } : {}),
  };
}

export function agreementLabels(t: TFunction): Record<string, string> {
  return {
    title: t("agreements.title_field"),
    subAgreement: t("agreements.subAgreement"),
    description: t("agreements.description"),
    validFrom: t("agreements.validFrom"),
    validTo: t("agreements.validTo"),
    status: t("agreements.status"),
    documentUrl: t("agreements.documentUrl"),
    parties: t("agreements.parties"),
    coordinatorId: t("agreements.coordinatorField"),
    responsibilities: t("agreements.responsibilities"),
    offers: t("agreements.offers"),
    offerId: t("agreements.offers"),
  };
}

interface AgreementFormProps {
  values: AgreementFormValues;
  onChange: (values: AgreementFormValues) => void;
  onSubmit: () => void;
  errors: FieldErrors;
  organisations: AllOrganisationsData["organisations"]["edges"][number]["node"][];
  submitLabel: string;
  saving: boolean;
  /** Why the viewer may not change these fields; the form is then shown disabled, with it. */
  readOnlyReason?: string;
}

export function AgreementForm({
  values,
  onChange,
  onSubmit,
  errors,
  organisations,
  submitLabel,
  saving,
  readOnlyReason,
}: AgreementFormProps) {
  const { t } = useTranslation();
  const ids = useId();
  const set =
    <K extends keyof AgreementFormValues>(key: K) =>
    (value: AgreementFormValues[K]) =>
      onChange({ ...values, [key]: value });
  const setParty = (index: number, party: AgreementFormValues["parties"][number]) =>
    set("parties")(values.parties.map((p, i) => (i === index ? party : p)));
  const partyErrors = errors.parties?.join(" ");
  const partyName = (id: string) => organisations.find((o) => o.id === id)?.name ?? "";

  return (
    <form
      className="agreement-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {readOnlyReason && (
        <p id={`${ids}-read-only`} className="notice">
          {readOnlyReason}
        </p>
      )}
      {/* A disabled fieldset disables every control in it: shown, not editable. */}
      <fieldset
        className="form-plain"
        disabled={Boolean(readOnlyReason)}
        aria-describedby={readOnlyReason ? `${ids}-read-only` : undefined}
      >
        <fieldset className="form-section">
          <legend>{t("agreements.about")}</legend>
          <Field
            name="title"
            label={t("agreements.title_field")}
            value={values.title}
            onChange={set("title")}
            errors={errors.title}
            required
          />
          <Field
            name="subAgreement"
            label={t("agreements.subAgreement")}
            hint={t("agreements.subAgreementHint")}
            value={values.subAgreement}
            onChange={set("subAgreement")}
            errors={errors.subAgreement}
          />
          <Field
            name="description"
            label={t("agreements.description")}
            value={values.description}
            onChange={set("description")}
            errors={errors.description}
            multiline
          />
          <div className="form-grid">
            <Field
              name="validFrom"
              type="date"
              label={t("agreements.validFrom")}
              value={values.validFrom}
              onChange={set("validFrom")}
              errors={errors.validFrom}
              required
            />
            <Field
              name="validTo"
              type="date"
              label={t("agreements.validTo")}
              hint={t("agreements.validToHint")}
              value={values.validTo}
              onChange={set("validTo")}
              errors={errors.validTo}
            />
          </div>
          <SelectField
            id="field-status"
            label={t("agreements.status")}
            value={values.status}
            onChange={(v) => set("status")(v as AgreementStatus)}
            options={enumOptions(t, "agreementStatus", agreementStatuses)}
            errors={errors.status}
          />
          <Field
            name="documentUrl"
            type="url"
            label={t("agreements.documentUrl")}
            value={values.documentUrl}
            onChange={set("documentUrl")}
            errors={errors.documentUrl}
          />
        </fieldset>

        <fieldset
          id="field-parties"
          className={`form-section${partyErrors ? " has-error" : ""}`}
          tabIndex={partyErrors ? -1 : undefined}
          aria-describedby={partyErrors ? `${ids}-parties-error` : undefined}
        >
          <legend>{t("agreements.parties")}</legend>
          {partyErrors && (
            <p id={`${ids}-parties-error`} className="field-error">
              {partyErrors}
            </p>
          )}
          {values.parties.map((party, index) => {
            const rowId = `${ids}-party-${index}`;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until an organisation is chosen
              <fieldset key={index} className="repeat-row">
                <legend>{t("agreements.partyNumber", { number: index + 1 })}</legend>
                <div className="form-grid">
                  <SelectField
                    id={`${rowId}-org`}
                    label={t("agreements.party")}
                    value={party.organisationId}
                    onChange={(organisationId) => {
                      const chosen = organisations.find((o) => o.id === organisationId);
                      setParty(index, { organisationId, role: roleForKind(chosen?.kind) });
                    }}
                    options={organisations.map((o) => ({ value: o.id, label: o.name }))}
                    emptyLabel={t("agreements.chooseOrganisation")}
                  />
                  <SelectField
                    id={`${rowId}-role`}
                    label={t("agreements.partyRole")}
                    value={party.role}
                    onChange={(role) => setParty(index, { ...party, role: role as PartyRole })}
                    options={enumOptions(t, "partyRole", partyRoles)}
                  />
                </div>
                <button
                  type="button"
                  className="button button-danger"
                  onClick={() => set("parties")(values.parties.filter((_, i) => i !== index))}
                >
                  {t("agreements.removeParty")}
                  <span className="visually-hidden"> {index + 1}</span>
                </button>
              </fieldset>
            );
          })}
          <button
            type="button"
            className="button button-secondary"
            onClick={() => set("parties")([...values.parties, { organisationId: "", role: "MUNICIPALITY" }])}
          >
            {t("agreements.addParty")}
          </button>
          {values.coordinatorId && (
            <SelectField
              id="field-coordinatorId"
              label={t("agreements.coordinatorField")}
              hint={t("agreements.coordinatorHint")}
              value={values.coordinatorId}
              onChange={set("coordinatorId")}
              options={values.parties
                .filter((p) => p.organisationId)
                .map((p) => ({ value: p.organisationId, label: partyName(p.organisationId) }))}
              errors={errors.coordinatorId}
            />
          )}
        </fieldset>

        {!readOnlyReason && (
          <div className="form-actions">
            <button type="submit" className="button" disabled={saving}>
              {saving ? t("offerForm.saving") : submitLabel}
            </button>
          </div>
        )}
      </fieldset>
    </form>
  );
}
