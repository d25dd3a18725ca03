import { type Role, roles } from "@samspill/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { ErrorSummary } from "../components/ErrorSummary.js";
import { Field } from "../components/Field.js";
import { SelectField } from "../components/SelectField.js";
import { formatDateTime } from "../format.js";
import { enumLabel } from "../i18n/labels.js";
import { ProblemAlert, settle, useFailure } from "../shared/failure.js";
import { type Invitation, InvitePersonMutation, RevokeInvitationMutation } from "./queries.js";

/** Inviting someone by address and role, and the invitations sent, open ones revocable. */
export function InvitationsSection({
  organisationId,
  invitations,
  onChanged,
}: {
  organisationId: string;
  invitations: readonly Invitation[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const failure = useFailure();
  const revokeFailure = useFailure();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("EDITOR");
  const [done, setDone] = useState<string | null>(null);
  const [{ fetching }, invite] = useMutation(InvitePersonMutation);
  const [, revoke] = useMutation(RevokeInvitationMutation);
  const labels = { email: t("people.email"), name: t("people.inviteName"), role: t("people.role") };

  async function submit() {
    const result = await invite({ input: { organisationId, email, name: name.trim() || null, role } });
    if (settle(failure, result, "invitePerson")) {
      setDone(t("people.invited", { email }));
      setEmail("");
      setName("");
      onChanged();
    }
  }

  async function revokeOne(invitation: Invitation) {
    if (settle(revokeFailure, await revoke({ id: invitation.id }), "revokeInvitation")) {
      setDone(t("people.revoked", { email: invitation.email }));
      onChanged();
    }
  }

  return (
    <section aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">{t("people.invitations")}</h2>
      <h3>{t("people.inviteTitle")}</h3>
      <p>{t("people.inviteLead")}</p>
      <ErrorSummary errors={failure.errors} labels={labels} />
      <ProblemAlert problem={failure.problem} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field
          name="email"
          type="email"
          label={labels.email}
          value={email}
          onChange={setEmail}
          required
          autoComplete="off"
          errors={failure.errors.email}
          idPrefix="invite"
        />
        <Field
          name="name"
          label={labels.name}
          value={name}
          onChange={setName}
          autoComplete="off"
          errors={failure.errors.name}
          idPrefix="invite"
        />
        <SelectField
          id="invite-role"
          label={labels.role}
          value={role}
          onChange={(v) => setRole(v as Role)}
          options={roles.map((r) => ({ value: r, label: enumLabel(t, "role", r) }))}
          errors={failure.errors.role}
        />
        <button type="submit" className="button" disabled={fetching}>
          {t("people.invite")}
        </button>
      </form>
      {done && <p role="status">{done}</p>}
      <ProblemAlert problem={revokeFailure.problem} />
      {invitations.length === 0 ? (
        <p>{t("people.noInvitations")}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("people.email")}</th>
              <th scope="col">{t("people.role")}</th>
              <th scope="col">{t("people.stateHeading")}</th>
              <th scope="col">{t("people.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((inv) => (
              <tr key={inv.id}>
                <th scope="row">
                  {inv.email}
                  {inv.name ? <span className="meta"> ({inv.name})</span> : null}
                </th>
                <td>{enumLabel(t, "role", inv.role)}</td>
                <td>
                  {t(`people.state.${inv.state}`)}
                  {inv.state === "OPEN" && (
                    <>
                      {" · "}
                      {inv.mailedAt
                        ? t("people.expires", { date: formatDateTime(inv.expiresAt) })
                        : t("people.notMailed")}
                    </>
                  )}
                  {inv.invitedBy && (
                    <span className="meta"> · {t("people.invitedBy", { name: inv.invitedBy.name })}</span>
                  )}
                </td>
                <td>
                  {inv.state === "OPEN" && (
                    <button
                      type="button"
                      className="button button-secondary"
                      aria-label={t("people.revokeInvitation", { email: inv.email })}
                      onClick={() => void revokeOne(inv)}
                    >
                      {t("people.revoke")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
