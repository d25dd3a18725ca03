import {
  audienceClasses,
  diagnosisGroups,
  type ForumFlagKind,
  forumFlagKinds,
  offerFormats,
  priorityGroups,
} from "@samspill/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useMutation } from "urql";
import type { Me } from "../auth/session.js";
import { ErrorSummary } from "../components/ErrorSummary.js";
import { Field } from "../components/Field.js";
import { PageHeading } from "../components/PageHeading.js";
import { SelectField } from "../components/SelectField.js";
import { enumOptions, languageOptions } from "../i18n/labels.js";
import { ProblemAlert, settle, useFailure } from "../shared/failure.js";
import { useOrganisationOptions } from "../shared/organisations.js";
import { RequireSignIn } from "../shared/RequireSignIn.js";
import { forumCommunitiesOf } from "./flag-text.js";
import { RaiseFlagMutation } from "./queries.js";

// A forum member flags an offer, an agreement or a gap of the overview to the organisation that
// must answer. Links from the overview and from an offer fill the subject in through the address
// (?offer=…, or ?municipality=…&language=… for a gap), so the form asks only for the rest.

const gapKeys = [
  "municipality",
  "trust",
  "priorityGroup",
  "diagnosisGroup",
  "format",
  "language",
  "audience",
] as const;
type GapKey = (typeof gapKeys)[number];

export function RaiseFlagPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t("forumFlags.raiseTitle")}>{(me) => <RaiseFlagForm me={me} />}</RequireSignIn>
  );
}

function RaiseFlagForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const communities = forumCommunitiesOf(me.memberships);
  const organisations = useOrganisationOptions();
  const offerId = params.get("offer");
  const agreementId = params.get("agreement");
  const [community, setCommunity] = useState(params.get("community") ?? communities[0]?.value ?? "");
  const [kind, setKind] = useState<ForumFlagKind>(offerId ? "STALE_OFFER" : "GAP");
  const [gap, setGap] = useState<Record<GapKey, string>>(
    () => Object.fromEntries(gapKeys.map((k) => [k, params.get(k) ?? ""])) as Record<GapKey, string>,
  );
  const [ownerId, setOwnerId] = useState(params.get("owner") ?? "");
  const [dueOn, setDueOn] = useState("");
  const [note, setNote] = useState("");
  const failure = useFailure();
  const [{ fetching }, raise] = useMutation(RaiseFlagMutation);
  const subjectIsGap = !offerId && !agreementId;
  const anyOption = t("forumFlags.any");
  const labels: Record<string, string> = {
    healthCommunityId: t("forumFlags.community"),
    kind: t("forumFlags.kind"),
    ownerId: t("forumFlags.owner"),
    dueOn: t("forumFlags.dueOn"),
    note: t("forumFlags.note"),
    gap: t("forumFlags.gap"),
    offerId: t("forumFlags.offer"),
  };
  const setGapField = (key: GapKey) => (value: string) => setGap({ ...gap, [key]: value });
  // The gap's dimensions besides its place, each a choice of its vocabulary (or any value).
  const gapSelects: [Exclude<GapKey, "municipality" | "trust">, { value: string; label: string }[]][] = [
    ["priorityGroup", enumOptions(t, "priorityGroup", priorityGroups)],
    ["diagnosisGroup", enumOptions(t, "diagnosisGroup", diagnosisGroups)],
    ["format", enumOptions(t, "format", offerFormats)],
    ["language", languageOptions(t)],
    ["audience", audienceClasses.map((a) => ({ value: a, label: t(`forumFlags.audiences.${a}`) }))],
  ];

  const submit = async () => {
    const result = await raise({
      input: {
        healthCommunityId: community,
        kind,
        offerId,
        agreementId,
        gap: subjectIsGap
          ? {
              municipalityNumber: gap.municipality || null,
              hospitalTrustId: gap.trust || null,
              priorityGroup: (gap.priorityGroup || null) as never,
              diagnosisGroup: (gap.diagnosisGroup || null) as never,
              format: (gap.format || null) as never,
              language: gap.language || null,
              audience: gap.audience || null,
            }
          : null,
        ownerId,
        dueOn,
        note,
      },
    });
    const flag = settle(failure, result, "raiseForumFlag");
    if (flag) navigate(`/forum-flags/${flag.id}`, { state: { notice: "raised" } });
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/forum-flags?community=${encodeURIComponent(community)}`}>
          ← {t("forumFlags.backToList")}
        </Link>
      </p>
      <PageHeading>{t("forumFlags.raiseTitle")}</PageHeading>
      {communities.length === 0 ? (
        <p>{t("forumFlags.notForum")}</p>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <ErrorSummary errors={failure.errors} labels={labels} />
          <ProblemAlert problem={failure.problem} />
          <div className="form-grid">
            <SelectField
              id="field-healthCommunityId"
              label={t("forumFlags.community")}
              value={community}
              onChange={setCommunity}
              options={communities}
              errors={failure.errors.healthCommunityId}
            />
            <SelectField
              id="field-kind"
              label={t("forumFlags.kind")}
              value={kind}
              onChange={(v) => setKind(v as ForumFlagKind)}
              options={forumFlagKinds.map((k) => ({ value: k, label: t(`forumFlags.kinds.${k}`) }))}
              errors={failure.errors.kind}
            />
          </div>
          {offerId && (
            <p>
              {t("forumFlags.offer")}: <Link to={`/offers/${offerId}`}>{offerId}</Link>
            </p>
          )}
          {subjectIsGap && (
            <fieldset className="form-section">
              <legend>{t("forumFlags.gap")}</legend>
              <p className="hint">{t("forumFlags.gapHint")}</p>
              <div className="form-grid">
                <Field
                  name="gap.municipalityNumber"
                  label={t("forumFlags.gapPlace")}
                  value={gap.municipality}
                  onChange={setGapField("municipality")}
                  errors={failure.errors.gap}
                />
                {gapSelects.map(([key, options]) => (
                  <SelectField
                    key={key}
                    id={`field-gap.${key}`}
                    label={t(`forumFlags.${key}`)}
                    value={gap[key]}
                    onChange={setGapField(key)}
                    emptyLabel={anyOption}
                    options={options}
                  />
                ))}
              </div>
            </fieldset>
          )}
          <div className="form-grid">
            <SelectField
              id="field-ownerId"
              label={t("forumFlags.owner")}
              value={ownerId}
              onChange={setOwnerId}
              emptyLabel=""
              options={organisations}
              errors={failure.errors.ownerId}
            />
            <Field
              name="dueOn"
              type="date"
              label={t("forumFlags.dueOn")}
              value={dueOn}
              onChange={setDueOn}
              errors={failure.errors.dueOn}
              required
            />
          </div>
          <Field
            name="note"
            label={t("forumFlags.note")}
            hint={t("forumFlags.noteHint")}
            value={note}
            onChange={setNote}
            errors={failure.errors.note}
            multiline
            required
          />
          <div className="form-actions">
            <button type="submit" className="button" disabled={fetching}>
              {t("forumFlags.raise")}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
