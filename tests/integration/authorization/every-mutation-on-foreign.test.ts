import type { Database } from "@samspill/database";
import { schema } from "@samspill/gateway";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { graphQLClient } from "../../support/graphql-client.js";
import { type Caller, gatewayFor, headersOf, outsiders } from "./callers.js";
import { leaks, ownerKey } from "./foreign-objects.js";
import { byOwner, type MutationRow, type Vars } from "./mutation-row.js";
import { accessRows } from "./mutation-rows-access.js";
import { meetingRows } from "./mutation-rows-meetings.js";
import { offerRows } from "./mutation-rows-offers.js";
import { reportRows } from "./mutation-rows-reports.js";
import { createMutationTargets, type MutationTargets } from "./mutation-targets.js";
import { mutationScopes, tokensLacking } from "./token-callers.js";

// Every mutation, aimed at a real object of another organisation (made through the commands in
// foreign-objects.ts and mutation-targets.ts) by every kind of outsider: each is refused and the
// object re-read afterwards is as it was. The same call then succeeds for the owner (or whoever
// the row names), and changes what the row re-reads: so a refusal is about who asks, not about a
// broken call or an object that is not there. A mutation without a row fails the suite.

const rows: Record<string, MutationRow> = { ...offerRows, ...meetingRows, ...reportRows, ...accessRows };
const fields = Object.fromEntries(
  Object.values(schema.getMutationType()?.getFields() ?? {}).map((f) => [f.name, f]),
);

type Answer = {
  data?: { result?: { __typename: string; message?: string } | null } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
};

/** The call with exactly `variables`, answering the union member (and its message when an error). */
function document(name: string, variables: Vars): string {
  const field = fields[name];
  if (!field) throw new Error(`no Mutation field ${name}`);
  const args = field.args.filter((a) => a.name in variables);
  const decl = args.map((a) => `$${a.name}: ${String(a.type)}`).join(", ");
  const call = args.map((a) => `${a.name}: $${a.name}`).join(", ");
  return `mutation${decl ? `(${decl})` : ""} { result: ${name}${call ? `(${call})` : ""} { __typename ... on Error { message } } }`;
}

/** Refused as the schema does it: the typed ForbiddenError, or a top-level authorisation error. */
function refused(answer: Answer): boolean {
  if (answer.data?.result) return answer.data.result.__typename === "ForbiddenError";
  return (answer.errors ?? []).some(
    (e) => e.extensions?.code === "FORBIDDEN" || /not authori[sz]ed|forbidden/i.test(e.message),
  );
}

let db: Database;
let targets: MutationTargets;
let callers: Caller[];
let tokensWithout: Map<string, string>;
beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  targets = await createMutationTargets(db);
  callers = await outsiders(db, targets);
  tokensWithout = await tokensLacking(db, ownerKey);
});
afterAll(() => db.$disconnect());

const gateways = new Map<string, ReturnType<typeof gatewayFor>>();
function send(caller: Caller, name: string, variables: Vars): Promise<Answer> {
  const app = gateways.get(caller.name) ?? gatewayFor(db, caller);
  gateways.set(caller.name, app);
  const client = graphQLClient(app.fetch, "http://gateway.test/graphql", headersOf(caller));
  return client.send(document(name, variables), variables) as Promise<Answer>;
}

/**
 * The owner's own ADMIN token holding every scope but the one `name` needs. Its role lets it
 * past the command's role check, and the unit of work asks for the scope when the change is
 * recorded: a rule the call breaks on the way (a ValidationError or ConflictError) may answer
 * first. That is no refusal, but it must still change nothing.
 */
const lackingScope = (name: string): Caller => {
  const scope = mutationScopes[name] ?? "read";
  return {
    name: `the owner's ADMIN token lacking ${scope}`,
    viewer: null,
    bearer: tokensWithout.get(scope) ?? "",
  };
};
const stoppedByRule = (answer: Answer) =>
  /^(Validation|Conflict)Error$/.test(answer.data?.result?.__typename ?? "");

const counts = async () => ({ audit: await db.auditEntry.count(), outbox: await db.outboxEvent.count() });

describe("every mutation on a real object of another organisation", () => {
  it("has a row for each Mutation field, and no row for a field that is gone", () => {
    expect(Object.keys(fields).sort()).toEqual(Object.keys(rows).sort());
  });

  it("refuses every outsider, and the object is unchanged afterwards", async () => {
    const problems: string[] = [];
    const tally = { refused: 0, stoppedByRule: 0, ownThings: 0 };
    for (const [name, row] of Object.entries(rows)) {
      const variables = row.outsiderArgs?.(targets, db) ?? (await row.args(targets, db));
      const lacking = lackingScope(name);
      for (const caller of [...callers, lacking]) {
        const where = `${caller.name} → ${name}`;
        const before = { state: await row.state(targets, db), writes: await counts() };
        const answer = await send(caller, name, variables);
        const after = { state: await row.state(targets, db), writes: await counts() };
        for (const e of answer.errors ?? [])
          if (/Unexpected error/.test(e.message)) problems.push(`${where}: ${e.message}`);
        const leaked = leaks(targets, answer, variables);
        if (leaked.length > 0) problems.push(`${where} leaks ${leaked.join(", ")}`);
        if (JSON.stringify(after.state) !== JSON.stringify(before.state))
          problems.push(`${where} changed the object: ${JSON.stringify(answer).slice(0, 200)}`);
        else if (row.ownThings) tally.ownThings++;
        else if (JSON.stringify(after.writes) !== JSON.stringify(before.writes))
          problems.push(`${where} wrote an audit entry or event: ${JSON.stringify(answer).slice(0, 200)}`);
        else if (refused(answer)) tally.refused++;
        else if (caller === lacking && stoppedByRule(answer)) tally.stoppedByRule++;
        else problems.push(`${where} not refused: ${JSON.stringify(answer).slice(0, 200)}`);
      }
    }
    console.log(
      `[security] ${Object.keys(rows).length} mutations on foreign objects × ${callers.length + 1} outsiders: ${tally.refused} refused, ${tally.stoppedByRule} stopped by a rule before the scope check, ${tally.ownThings} on the caller's own things, ${problems.length} problems`,
    );
    expect(problems).toEqual([]);
  }, 300_000);

  it("lets the owner (or the row's named caller) make the same call, which changes the object", async () => {
    const failed: string[] = [];
    for (const [name, row] of Object.entries(rows)) {
      const viewer = (row.by ?? byOwner)(targets);
      const before = JSON.stringify(await row.state(targets, db));
      const answer = await send({ name: `control ${name}`, viewer }, name, await row.args(targets, db));
      const after = JSON.stringify(await row.state(targets, db));
      if (!/Success$/.test(answer.data?.result?.__typename ?? ""))
        failed.push(`${name}: ${JSON.stringify(answer).slice(0, 300)}`);
      else if (!row.keepsState && after === before)
        failed.push(`${name}: succeeded, yet its object reads the same`);
    }
    expect(failed).toEqual([]);
  }, 300_000);
});
