import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { Field } from "../components/Field.js";
import { ListPager } from "../components/ListPager.js";
import { SelectField } from "../components/SelectField.js";
import { QueryStatus } from "../components/Status.js";
import { type FieldErrors, isSuccess, toFieldErrors, useIssueText } from "../shared/mutations.js";
import { DeletePamResultMutation, PamResultsQuery, RecordPamResultsMutation } from "./pam-queries.js";

// The provider's entry of PAM results from the evaluation tool, one participant and phase at a
// time, under the tool's participant code. The gateway refuses codes that look like a name or
// contact details and scores outside their level; its messages are shown at the fields.

const refetch = { additionalTypenames: ["PamResult"] };
/** Results (participants) listed a page. */
const pageSize = 200;

export function PamEntry({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const issueText = useIssueText();
  const [offset, setOffset] = useState(0);
  const [{ data, fetching, error }] = useQuery({
    query: PamResultsQuery,
    variables: { sessionId, limit: pageSize, offset },
    context: refetch,
  });
  const [, record] = useMutation(RecordPamResultsMutation);
  const [, remove] = useMutation(DeletePamResultMutation);
  const [pseudonym, setPseudonym] = useState("");
  const [phase, setPhase] = useState<"START" | "END">("START");
  const [level, setLevel] = useState("1");
  const [score, setScore] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState("");

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setStatus("");
    const result = await record(
      {
        input: {
          sessionId,
          results: [{ pseudonym, phase, level: Number(level), score: score === "" ? null : Number(score) }],
        },
      },
      refetch,
    );
    const answer = result.data?.recordPamResults;
    if (isSuccess(answer)) {
      setErrors({});
      setPseudonym("");
      setScore("");
      setStatus(t("courses.entry.saved"));
    } else if (answer?.__typename === "ValidationError") {
      // Issues name results.0.<field>; show them at the field.
      setErrors(
        toFieldErrors(
          answer.issues.map((i) => ({ ...i, field: i.field.replace(/^(input\.)?results\.\d+\./, "") })),
          issueText,
        ),
      );
    } else setStatus(answer?.message ?? result.error?.message ?? t("courses.entry.failed"));
  };

  return (
    <section aria-labelledby="pam-entry-heading">
      <h2 id="pam-entry-heading">{t("courses.entry.heading")}</h2>
      <p className="hint">{t("courses.entry.intro")}</p>
      <form onSubmit={submit} noValidate>
        <Field
          name="pseudonym"
          label={t("courses.entry.pseudonym")}
          hint={t("courses.entry.pseudonymHint")}
          value={pseudonym}
          onChange={setPseudonym}
          required
          autoComplete="off"
          errors={errors.pseudonym}
        />
        <SelectField
          id="field-phase"
          label={t("courses.entry.phase")}
          value={phase}
          options={[
            { value: "START", label: t("courses.entry.start") },
            { value: "END", label: t("courses.entry.end") },
          ]}
          onChange={(v) => setPhase(v as "START" | "END")}
          errors={errors.phase}
        />
        <SelectField
          id="field-level"
          label={t("courses.entry.level")}
          value={level}
          options={[1, 2, 3, 4].map((n) => ({
            value: String(n),
            label: t("courses.pam.levelN", { level: n }),
          }))}
          onChange={setLevel}
          errors={errors.level}
        />
        <Field
          name="score"
          type="number"
          min={0}
          label={t("courses.entry.score")}
          hint={t("courses.entry.scoreHint")}
          value={score}
          onChange={setScore}
          errors={errors.score}
        />
        <button type="submit" className="button">
          {t("courses.entry.save")}
        </button>
        <p role="status">{status}</p>
      </form>
      <QueryStatus fetching={fetching && !data} error={error} />
      {data && data.pamResults.length > 0 && (
        <table className="data-table compact">
          <caption>{t("courses.entry.listCaption", { count: data.pamResults.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("courses.entry.pseudonym")}</th>
              <th scope="col">{t("courses.entry.start")}</th>
              <th scope="col">{t("courses.entry.end")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("courses.entry.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.pamResults.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.pseudonym}</th>
                <td>
                  {r.levelStart === null
                    ? "–"
                    : `${r.levelStart}${r.scoreStart === null ? "" : ` (${r.scoreStart})`}`}
                </td>
                <td>
                  {r.levelEnd === null
                    ? "–"
                    : `${r.levelEnd}${r.scoreEnd === null ? "" : ` (${r.scoreEnd})`}`}
                </td>
                <td>
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => remove({ id: r.id }, refetch)}
                  >
                    {t("courses.entry.remove", { pseudonym: r.pseudonym })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && (
        <ListPager offset={offset} pageSize={pageSize} shown={data.pamResults.length} onOffset={setOffset} />
      )}
    </section>
  );
}
