import { type UnitKind, unitKinds } from "@samspill/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { Field } from "../components/Field.js";
import { SelectField } from "../components/SelectField.js";
import { ProblemAlert, settle, useFailure } from "../shared/failure.js";
import { optional } from "./OrganisationFields.js";
import { CreateUnitMutation, type OrganisationUnit, UpdateUnitMutation } from "./queries.js";

interface UnitValues {
  kind: UnitKind;
  name: string;
  email: string;
  address: string;
}

const blank: UnitValues = { kind: "DEPARTMENT", name: "", email: "", address: "" };

/** The organisation's units: listed, each editable in place, and a form to add one. */
export function UnitsSection({
  organisationId,
  units,
  onChanged,
}: {
  organisationId: string;
  units: readonly OrganisationUnit[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  return (
    <section aria-labelledby="units-heading">
      <h2 id="units-heading">{t("people.units")}</h2>
      {units.length === 0 ? (
        <p>{t("people.noUnits")}</p>
      ) : (
        <ul className="card-list">
          {units.map((u) => (
            <li key={u.id} className="card">
              {editing === u.id ? (
                <UnitForm
                  idPrefix={`unit-${u.id}`}
                  initial={{ kind: u.kind, name: u.name, email: u.email ?? "", address: u.address ?? "" }}
                  target={{ unitId: u.id }}
                  submitLabel={t("people.saveUnit")}
                  onCancel={() => setEditing(null)}
                  onSaved={() => {
                    setEditing(null);
                    onChanged();
                  }}
                />
              ) : (
                <>
                  <h3>{u.name}</h3>
                  <p className="meta">
                    {t(`people.unitKinds.${u.kind}`)}
                    {u.email ? ` · ${u.email}` : ""}
                    {u.address ? ` · ${u.address}` : ""}
                  </p>
                  <button type="button" className="button button-secondary" onClick={() => setEditing(u.id)}>
                    {t("people.editUnit", { name: u.name })}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3>{t("people.addUnit")}</h3>
      <UnitForm
        key={units.length}
        idPrefix="new-unit"
        initial={blank}
        target={{ organisationId }}
        submitLabel={t("people.addUnit")}
        onSaved={(name) => {
          setAdded(name);
          onChanged();
        }}
      />
      {added && <p role="status">{t("people.unitAdded", { name: added })}</p>}
    </section>
  );
}

/** Adds a unit to `organisationId`, or edits the unit `unitId`. */
type Target = { organisationId: string } | { unitId: string };

function UnitForm({
  idPrefix,
  target,
  initial,
  submitLabel,
  onSaved,
  onCancel,
}: {
  idPrefix: string;
  target: Target;
  initial: UnitValues;
  submitLabel: string;
  onSaved: (name: string) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const failure = useFailure();
  const [values, setValues] = useState(initial);
  const [{ fetching: creating }, create] = useMutation(CreateUnitMutation);
  const [{ fetching: updating }, update] = useMutation(UpdateUnitMutation);
  const set = (key: keyof UnitValues) => (value: string) => setValues({ ...values, [key]: value });

  async function submit() {
    const fields = {
      kind: values.kind,
      name: values.name,
      email: optional(values.email),
      address: optional(values.address),
    };
    const done =
      "unitId" in target
        ? settle(failure, await update({ input: { id: target.unitId, ...fields } }), "updateUnit")
        : settle(
            failure,
            await create({ input: { organisationId: target.organisationId, ...fields } }),
            "createUnit",
          );
    if (done) {
      onSaved(values.name);
      setValues(initial);
    }
  }

  // Field errors stand next to their fields (several unit forms share the page, so no summary).
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <ProblemAlert problem={failure.problem} />
      <SelectField
        id={`${idPrefix}-kind`}
        label={t("people.unitKind")}
        value={values.kind}
        onChange={(v) => setValues({ ...values, kind: v as UnitKind })}
        options={unitKinds.map((k) => ({ value: k, label: t(`people.unitKinds.${k}`) }))}
        errors={failure.errors.kind}
      />
      <Field
        idPrefix={idPrefix}
        name="name"
        label={t("people.unitName")}
        value={values.name}
        onChange={set("name")}
        required
        errors={failure.errors.name}
      />
      <Field
        idPrefix={idPrefix}
        name="email"
        type="email"
        label={t("people.email")}
        value={values.email}
        onChange={set("email")}
        errors={failure.errors.email}
      />
      <Field
        idPrefix={idPrefix}
        name="address"
        label={t("people.address")}
        value={values.address}
        onChange={set("address")}
        errors={failure.errors.address}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={creating || updating}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t("people.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
