import type { VariablesOf } from "@samspill/graphql";
import { type KeyboardEvent, useEffect, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { RadioGroup } from "../components/RadioGroup.js";
import { SelectField } from "../components/SelectField.js";
import { formatDate } from "../format.js";
import type { FieldErrors } from "../shared/mutations.js";
import { ReportableMeetingsQuery, type ReportableOffer, ReportableOffersQuery } from "./queries.js";
import type { NewReportValues } from "./report-form.js";

const offerResults = 10;
const meetingLimit = 100;

interface SubjectPickerProps {
  reporterId: string;
  values: NewReportValues;
  onChange: (values: NewReportValues) => void;
  errors: FieldErrors;
}

/** What the report is about: an offer found by searching, or one of the reporter's meeting points. */
export function SubjectPicker({ reporterId, values, onChange, errors }: SubjectPickerProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="form-section">
      <legend>{t("participation.subject")}</legend>
      <RadioGroup
        id="field-subjectKind"
        legend={t("participation.subjectKind")}
        options={[
          { value: "offer", label: t("participation.subjectOffer") },
          { value: "meeting", label: t("participation.subjectMeeting") },
        ]}
        value={values.subjectKind}
        onChange={(subjectKind) => onChange({ ...values, subjectKind })}
      />
      {values.subjectKind === "offer" ? (
        <OfferSearch
          chosen={values.offer}
          onChoose={(offer) => onChange({ ...values, offer })}
          errors={errors.offerId}
        />
      ) : (
        <MeetingChoice
          reporterId={reporterId}
          value={values.meetingPointId}
          onChange={(meetingPointId) => onChange({ ...values, meetingPointId })}
          errors={errors.meetingPointId}
        />
      )}
    </fieldset>
  );
}

/** Waits until typing pauses, so the catalogue is not searched on every key. */
function useSettled(value: string, ms = 300): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

function OfferSearch({
  chosen,
  onChoose,
  errors,
}: {
  chosen: ReportableOffer | null;
  onChoose: (offer: ReportableOffer) => void;
  errors: string[] | undefined;
}) {
  const { t } = useTranslation();
  const base = useId();
  const [text, setText] = useState("");
  const needle = useSettled(text.trim());
  // Courses are reported after they ran, so paused and archived offers count too (the gateway
  // shows those of other providers only while published).
  const variables = useMemo(
    (): VariablesOf<typeof ReportableOffersQuery> => ({
      filter: { text: needle, statuses: ["PUBLISHED", "PAUSED", "ARCHIVED"] },
      first: offerResults,
    }),
    [needle],
  );
  const [{ data, fetching }] = useQuery({
    query: ReportableOffersQuery,
    variables,
    pause: needle.length < 2,
  });
  const found = needle.length >= 2 ? (data?.offers.edges.map((e) => e.node) ?? []) : [];
  const shown = chosen && !found.some((o) => o.id === chosen.id) ? [chosen, ...found] : found;
  const errorId = errors?.length ? `${base}-error` : undefined;
  const hintId = `${base}-hint`;
  return (
    <div className={`field${errorId ? " has-error" : ""}`}>
      <label htmlFor="field-offerId">{t("participation.offerSearch")}</label>
      <p id={hintId} className="hint">
        {t("participation.offerSearchHint")}
      </p>
      {errorId && (
        <p id={errorId} className="field-error">
          {errors?.join(" ")}
        </p>
      )}
      <input
        id="field-offerId"
        type="search"
        value={text}
        maxLength={200}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ")}
        onChange={(e) => setText(e.target.value)}
        // The search is live; Enter must not send the whole report.
        onKeyDown={(e: KeyboardEvent) => e.key === "Enter" && e.preventDefault()}
      />
      <p className="hint" aria-live="polite">
        {needle.length >= 2 && !fetching && data
          ? t("participation.offersFound", { count: data.offers.totalCount })
          : ""}
      </p>
      {shown.length > 0 && (
        <fieldset className="radio-group">
          <legend>{t("participation.offerId")}</legend>
          {shown.map((offer) => (
            <div key={offer.id}>
              <input
                type="radio"
                id={`${base}-${offer.id}`}
                name={`${base}-offer`}
                checked={chosen?.id === offer.id}
                onChange={() => onChoose(offer)}
              />
              <label htmlFor={`${base}-${offer.id}`}>
                {t("participation.offerOption", { title: offer.title, provider: offer.provider.name })}
              </label>
            </div>
          ))}
        </fieldset>
      )}
    </div>
  );
}

function MeetingChoice({
  reporterId,
  value,
  onChange,
  errors,
}: {
  reporterId: string;
  value: string;
  onChange: (id: string) => void;
  errors: string[] | undefined;
}) {
  const { t } = useTranslation();
  const variables = useMemo(
    () => ({ filter: { organisationId: reporterId }, first: meetingLimit }),
    [reporterId],
  );
  const [{ data }] = useQuery({ query: ReportableMeetingsQuery, variables });
  const meetings = data?.meetingPoints.edges.map((e) => e.node) ?? [];
  if (data && meetings.length === 0) return <p>{t("participation.noMeetings")}</p>;
  return (
    <SelectField
      id="field-meetingPointId"
      label={t("participation.meetingPointId")}
      value={value}
      onChange={onChange}
      emptyLabel={t("participation.chooseMeeting")}
      options={meetings.map((m) => ({
        value: m.id,
        label: t("participation.meetingOption", { title: m.title, date: formatDate(m.startsAt) }),
      }))}
      errors={errors}
    />
  );
}
