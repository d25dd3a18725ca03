import { type MeetingKind, meetingKinds } from "@samspill/domain";
import { graphql } from "@samspill/graphql";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { Field } from "../../components/Field.js";
import { SelectField } from "../../components/SelectField.js";
import { fromLocalInput, toLocalInput } from "../../format.js";
import { enumOptions } from "../../i18n/labels.js";
import type { FieldErrors } from "../../shared/mutations.js";
import type { MeetingPoint } from "./queries.js";

export interface MeetingFormValues {
  title: string;
  kind: MeetingKind;
  startsAt: string;
  endsAt: string;
  location: string;
  onlineUrl: string;
  agenda: string;
  agreementId: string;
  healthCommunityId: string;
}

export function valuesFromMeeting(m: MeetingPoint): MeetingFormValues {
  return {
    title: m.title,
    kind: m.kind,
    startsAt: toLocalInput(m.startsAt),
    endsAt: toLocalInput(m.endsAt),
    location: m.location ?? "",
    onlineUrl: m.onlineUrl ?? "",
    agenda: m.agenda,
    agreementId: m.agreement?.id ?? "",
    healthCommunityId: m.healthCommunity?.id ?? "",
  };
}

export function toMeetingInput(v: MeetingFormValues) {
  const optional = (s: string) => (s.trim() === "" ? null : s.trim());
  return {
    title: v.title,
    kind: v.kind,
    startsAt: fromLocalInput(v.startsAt),
    endsAt: fromLocalInput(v.endsAt),
    location: optional(v.location),
    onlineUrl: optional(v.onlineUrl),
    agenda: v.agenda,
    agreementId: optional(v.agreementId),
    healthCommunityId: optional(v.healthCommunityId),
  };
}

export function meetingLabels(t: TFunction): Record<string, string> {
  const keys = [
    "kind",
    "startsAt",
    "endsAt",
    "location",
    "onlineUrl",
    "agenda",
    "agreementId",
    "healthCommunityId",
    "participants",
    "minutes",
  ] as const;
  return {
    ...Object.fromEntries(keys.map((k) => [k, t(`meetings.${k}`)])),
    title: t("meetings.title_field"),
    participantIds: t("meetings.participants"),
    organisationIds: t("meetings.participants"),
    text: t("meetings.followUpText"),
    dueOn: t("meetings.dueOn"),
    responsibleOrgId: t("meetings.responsibleOrg"),
  };
}

const ChoicesQuery = graphql(`
  query MeetingChoices($organisationId: ID, $first: Int) {
    agreements(filter: { organisationId: $organisationId }, first: $first) {
      edges {
        node {
          id
          title
        }
      }
    }
    healthCommunities: organisations(kind: HEALTH_COMMUNITY, first: $first) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

interface MeetingFormProps {
  organiserId: string;
  values: MeetingFormValues;
  onChange: (values: MeetingFormValues) => void;
  onSubmit: () => void;
  errors: FieldErrors;
  submitLabel: string;
  saving: boolean;
  /** More fields (the participants when registering), placed before the submit button. */
  children?: ReactNode;
}

export function MeetingForm({
  organiserId,
  values,
  onChange,
  onSubmit,
  errors,
  submitLabel,
  saving,
  children,
}: MeetingFormProps) {
  const { t } = useTranslation();
  const [{ data }] = useQuery({
    query: ChoicesQuery,
    variables: { organisationId: organiserId, first: 100 },
  });
  const set =
    <K extends keyof MeetingFormValues>(key: K) =>
    (value: MeetingFormValues[K]) =>
      onChange({ ...values, [key]: value });
  const select = (
    key: "agreementId" | "healthCommunityId",
    none: string,
    options: { value: string; label: string }[],
  ) => (
    <SelectField
      id={`field-${key}`}
      label={t(`meetings.${key}`)}
      value={values[key]}
      onChange={set(key)}
      options={options}
      emptyLabel={none}
      errors={errors[key]}
    />
  );

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <fieldset className="form-section">
        <legend>{t("meetings.about")}</legend>
        <Field
          name="title"
          label={t("meetings.title_field")}
          value={values.title}
          onChange={set("title")}
          errors={errors.title}
          required
        />
        <SelectField
          id="field-kind"
          label={t("meetings.kind")}
          value={values.kind}
          onChange={(v) => set("kind")(v as MeetingKind)}
          options={enumOptions(t, "meetingKind", meetingKinds)}
          errors={errors.kind}
        />
        <div className="form-grid">
          <Field
            name="startsAt"
            type="datetime-local"
            label={t("meetings.startsAt")}
            value={values.startsAt}
            onChange={set("startsAt")}
            errors={errors.startsAt}
            required
          />
          <Field
            name="endsAt"
            type="datetime-local"
            label={t("meetings.endsAt")}
            value={values.endsAt}
            onChange={set("endsAt")}
            errors={errors.endsAt}
            required
          />
        </div>
        <Field
          name="location"
          label={t("meetings.location")}
          value={values.location}
          onChange={set("location")}
          errors={errors.location}
        />
        <Field
          name="onlineUrl"
          type="url"
          label={t("meetings.onlineUrl")}
          value={values.onlineUrl}
          onChange={set("onlineUrl")}
          errors={errors.onlineUrl}
        />
        <Field
          name="agenda"
          label={t("meetings.agenda")}
          value={values.agenda}
          onChange={set("agenda")}
          errors={errors.agenda}
          multiline
        />
        {select(
          "agreementId",
          t("meetings.noAgreement"),
          (data?.agreements.edges ?? []).map(({ node }) => ({ value: node.id, label: node.title })),
        )}
        {select(
          "healthCommunityId",
          t("meetings.noHealthCommunity"),
          (data?.healthCommunities.edges ?? []).map(({ node }) => ({ value: node.id, label: node.name })),
        )}
      </fieldset>
      {children}
      <div className="form-actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? t("offerForm.saving") : submitLabel}
        </button>
      </div>
    </form>
  );
}
