import { type Role, roles } from "@samspill/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { enumLabel } from "../i18n/labels.js";
import { ProblemAlert, settle, useFailure } from "../shared/failure.js";
import { type Member, RemoveMembershipMutation, UpdateMembershipMutation } from "./queries.js";

/**
 * The organisation's members with their roles: a role changes with its select and "Change role",
 * a membership goes with "Remove" after a confirmation. The gateway refuses to take the last
 * admin away and says why (a ValidationError shown in the alert).
 */
export function MembersSection({
  members,
  onChanged,
}: {
  members: readonly Member[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const failure = useFailure();
  const [done, setDone] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Record<string, Role>>({});
  const [, update] = useMutation(UpdateMembershipMutation);
  const [, remove] = useMutation(RemoveMembershipMutation);
  const issues = Object.values(failure.errors).flat();

  async function changeRole(m: Member) {
    const role = chosen[m.id] ?? m.role;
    if (settle(failure, await update({ input: { id: m.id, role } }), "updateMembership")) {
      setDone(t("people.roleChanged", { name: m.person.name }));
      onChanged();
    }
  }

  async function removeMember(m: Member) {
    const role = enumLabel(t, "role", m.role);
    if (!window.confirm(t("people.confirmRemove", { name: m.person.name, role }))) return;
    if (settle(failure, await remove({ id: m.id }), "removeMembership")) {
      setDone(t("people.removed", { name: m.person.name, role }));
      onChanged();
    }
  }

  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">{t("people.members")}</h2>
      <ProblemAlert problem={failure.problem} />
      {issues.length > 0 && (
        <div className="alert alert-error" role="alert">
          <p>{issues.join(" ")}</p>
        </div>
      )}
      {done && <p role="status">{done}</p>}
      {members.length === 0 ? (
        <p>{t("people.noMembers")}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("people.person")}</th>
              <th scope="col">{t("people.role")}</th>
              <th scope="col">{t("people.unit")}</th>
              <th scope="col">{t("people.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <th scope="row">
                  {m.person.name}
                  <br />
                  <span className="meta">{m.person.email}</span>
                </th>
                <td>
                  <label className="visually-hidden" htmlFor={`role-${m.id}`}>
                    {t("people.roleOf", { name: m.person.name })}
                  </label>
                  <select
                    id={`role-${m.id}`}
                    value={chosen[m.id] ?? m.role}
                    onChange={(e) => setChosen({ ...chosen, [m.id]: e.target.value as Role })}
                  >
                    {roles.map((r) => (
                      <option key={r} value={r}>
                        {enumLabel(t, "role", r)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>{m.unit?.name ?? t("people.noUnit")}</td>
                <td>
                  <div className="actions">
                    <button
                      type="button"
                      className="button button-secondary"
                      disabled={(chosen[m.id] ?? m.role) === m.role}
                      onClick={() => void changeRole(m)}
                    >
                      {t("people.changeRole")}
                    </button>
                    <button
                      type="button"
                      className="button button-secondary"
                      aria-label={t("people.removeMember", {
                        name: m.person.name,
                        role: enumLabel(t, "role", m.role),
                      })}
                      onClick={() => void removeMember(m)}
                    >
                      {t("people.remove")}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
