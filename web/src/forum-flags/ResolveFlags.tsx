import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMutation, useQuery } from "urql";
import { Field } from "../components/Field.js";
import { QueryStatus } from "../components/Status.js";
import { formatDate } from "../format.js";
import { ProblemAlert, settle, useFailure } from "../shared/failure.js";
import { useFlagSubject } from "./flag-text.js";
import { FlagsQuery, ResolveFlagsMutation } from "./queries.js";

// In a health community's forum meeting: tick the open flags the meeting decided on and write the
// decision. The gateway records the decision in this meeting and marks the flags resolved by it.

/** One decision resolves at most 50 flags: the page of open flags shown holds that many. */
const openShown = 50;

export function ResolveFlags({
  meetingPointId,
  communityId,
  onResolved,
}: {
  meetingPointId: string;
  communityId: string;
  onResolved: (notice: string) => void;
}) {
  const { t } = useTranslation();
  const subject = useFlagSubject();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: FlagsQuery,
    variables: { community: communityId, state: "OPEN", first: openShown, after: null },
  });
  const [chosen, setChosen] = useState<string[]>([]);
  const [decision, setDecision] = useState("");
  const failure = useFailure();
  const [{ fetching: saving }, resolve] = useMutation(ResolveFlagsMutation);
  const flags = data?.forumFlags.edges.map((e) => e.node) ?? [];
  return (
    <section aria-labelledby="resolve-flags-heading">
      <h2 id="resolve-flags-heading">{t("forumFlags.resolveHeading")}</h2>
      <QueryStatus fetching={fetching && !data} error={error} />
      {data && flags.length === 0 && <p>{t("forumFlags.noOpen")}</p>}
      {flags.length > 0 && (
        <form
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const result = await resolve({ input: { meetingPointId, flagIds: chosen, decision } });
            if (settle(failure, result, "resolveForumFlags")) {
              setChosen([]);
              setDecision("");
              refetch({ requestPolicy: "network-only" });
              onResolved(t("forumFlags.resolvedNotice"));
            }
          }}
        >
          <p className="hint">{t("forumFlags.resolveIntro")}</p>
          <ProblemAlert problem={failure.problem} />
          <fieldset className="form-section">
            <legend>{t("forumFlags.title")}</legend>
            {failure.errors.flagIds && <p className="field-error">{failure.errors.flagIds.join(" ")}</p>}
            {flags.map((f) => (
              <div key={f.id} className="checkbox">
                <input
                  type="checkbox"
                  id={`resolve-${f.id}`}
                  checked={chosen.includes(f.id)}
                  onChange={(e) =>
                    setChosen(e.target.checked ? [...chosen, f.id] : chosen.filter((id) => id !== f.id))
                  }
                />
                <label htmlFor={`resolve-${f.id}`}>
                  {t(`forumFlags.kinds.${f.kind}`)}: {subject(f)} – {f.owner.name}, {formatDate(f.dueOn)}
                </label>{" "}
                <Link to={`/forum-flags/${f.id}`}>↗</Link>
              </div>
            ))}
          </fieldset>
          <Field
            name="decision"
            idPrefix="resolve"
            label={t("forumFlags.decision")}
            value={decision}
            onChange={setDecision}
            errors={failure.errors.decision}
            multiline
            required
          />
          <button type="submit" className="button" disabled={saving || chosen.length === 0}>
            {t("forumFlags.resolve")}
          </button>
        </form>
      )}
    </section>
  );
}
