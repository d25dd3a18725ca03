import type { Database } from "@samspill/database";
import type { Role } from "@samspill/domain";
import { escapeHtml, htmlPage } from "../pages.js";
import { newIdentityChoice } from "./demo-identities.js";

const roleNames: Record<Role, string> = {
  ADMIN: "administrator",
  EDITOR: "redaktør",
  REPORTER: "rapportør",
  FORUM_MEMBER: "forummedlem",
  VIEWER: "leser",
};

export interface DemoUser {
  subject: string;
  name: string;
  /** "Molde kommune (redaktør) – Leder, Frisklivssentralen": one line per membership. */
  roles: string[];
}

/** The people the demo provider can sign in: every Person with an OpenID subject. */
export async function loadDemoUsers(db: Database): Promise<DemoUser[]> {
  const people = await db.person.findMany({
    where: { oidcSubject: { not: null } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      name: true,
      oidcSubject: true,
      memberships: {
        orderBy: { createdAt: "asc" },
        select: { role: true, title: true, organisation: { select: { name: true } } },
      },
    },
  });
  return people.map((p) => ({
    subject: p.oidcSubject ?? "",
    name: p.name,
    roles: p.memberships.map(
      (m) => `${m.organisation.name} (${roleNames[m.role]})${m.title ? ` – ${m.title}` : ""}`,
    ),
  }));
}

export interface LoginPageInput {
  action: string;
  abortAction: string;
  users: DemoUser[];
  selected?: string;
  error?: string;
}

export function loginPage({ action, abortAction, users, selected, error }: LoginPageInput): string {
  const options = users
    .map((u, i) => {
      const id = `bruker-${i}`;
      const checked = u.subject === selected ? " checked" : "";
      const required = i === 0 ? " required" : "";
      const roles = u.roles.length > 0 ? u.roles.join("; ") : "Ingen roller i noen organisasjon";
      return `<li><label for="${id}"><input type="radio" id="${id}" name="subject" value="${escapeHtml(u.subject)}"${checked}${required}>
<span><span class="who">${escapeHtml(u.name)}</span><span class="what">${escapeHtml(roles)}</span></span></label></li>`;
    })
    .join("\n");
  const errorBlock = error ? `<p class="error" role="alert" id="feil">${escapeHtml(error)}</p>` : "";
  const body = `<h1>Logg inn i Samspill (demo)</h1>
<p class="note"><strong>Kun for lokal utvikling og demonstrasjon.</strong> Denne innloggingen sjekker ikke identitet.
I drift logger du inn med HelseID eller ID-porten.</p>
${errorBlock}
<form method="post" action="${escapeHtml(action)}"${error ? ' aria-describedby="feil"' : ""}>
<fieldset>
<legend>Velg hvem du vil logge inn som</legend>
${users.length > 0 ? `<ul>\n${options}\n</ul>` : "<p>Ingen demobrukere finnes. Last inn demodata først.</p>"}
</fieldset>
<fieldset>
<legend>Eller logg inn for første gang</legend>
<p>Som en ny bruker hos innloggingstjenesten, for eksempel etter en invitasjon.</p>
<ul><li><label for="ny-bruker"><input type="radio" id="ny-bruker" name="subject" value="${newIdentityChoice}"${selected === newIdentityChoice ? " checked" : ""}>
<span class="who">Ny demobruker</span></label></li></ul>
<p class="field"><label class="text" for="nytt-navn">Navn på den nye demobrukeren</label>
<input type="text" id="nytt-navn" name="newName" autocomplete="name" maxlength="200"></p>
</fieldset>
<div class="actions">
<button type="submit" class="primary">Logg inn</button>
<button type="submit" class="secondary" formaction="${escapeHtml(abortAction)}" formnovalidate>Avbryt</button>
</div>
</form>`;
  return htmlPage("Logg inn i Samspill (demo)", body);
}
