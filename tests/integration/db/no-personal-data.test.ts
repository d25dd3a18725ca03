import { readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { repoRoot } from "../../setup/provision.js";

// The hub holds aggregates about education offers, never data about patients or carers. This
// scans the data model (schema.prisma) and the live database (information_schema) for fields that
// would hold personal health data or identify a patient, so such a column cannot be added
// without this test failing first.
//
// What is allowed, and why:
// - Person rows are the hub's own users: staff of the member organisations and user
//   representatives acting for an organisation. They hold exactly the contact details needed to
//   sign in and be reached (name, e-mail, phone, the OpenID subject) and nothing else: no birth
//   date, no national identity number, no health information. Any other Person column fails.
// - Fields naming patients, carers, participants or respondents are aggregate counts (Int):
//   ParticipationReport.patients is how many patients took part, PamEvaluation.respondentsBefore
//   how many answered. Such a field of any other type (a name, an id, a text) fails.
// - Diagnosis codes and groups describe what an offer is for (Offer) or which offers a staff
//   member wants to hear about (Subscription): the one model linked to a person that has them
//   is allowed by name below. Health fields on any other model linked to a person fail.
// - MeetingParticipant lists organisations at a meeting point, not people.
// - SessionSignUp (issue 14) is a person's own course sign-up, made with their consent: a name,
//   how to reach them and practical needs (interpreter, accessibility), no health information.
//   Its personal fields are cleared a set time after the course (tests/integration/sign-ups).

interface ScannedField {
  name: string;
  /** Prisma type name (String, Int, a model or enum) or the column's SQL type. */
  type: string;
  list: boolean;
  /** A relation to another model (Prisma schema only; columns never are). */
  relation: boolean;
}

interface ScannedModel {
  name: string;
  fields: ScannedField[];
  /** Links to a person: a relation to Person, or a foreign key to its table. */
  linksToPerson: boolean;
}

interface Violation {
  model: string;
  field?: string;
  reason: string;
}

// `language` is the written language (nb, nn, en) the person reads the hub and its mails in.
const PERSON_FIELDS = new Set([
  "id",
  "name",
  "email",
  "phone",
  "oidcSubject",
  "language",
  "createdAt",
  "updatedAt",
]);
const ALLOWED_MODELS: Record<string, Set<string>> = {
  MeetingParticipant: new Set(["meetingPointId", "meetingPoint", "organisationId", "organisation"]),
};
// Diagnosis groups that describe what a staff member follows (a digest's filter) or which cell
// of the overview a forum flagged as a gap: about offers, not about the person who chose them.
const ALLOWED_HEALTH_FIELDS = new Set(["Subscription.diagnosisGroups", "ForumFlag.gapDiagnosisGroup"]);
// A health community (helsefellesskap) is a forum of organisations, not anyone's health.
const HEALTH_COMMUNITY = /healthcommunit(y|ies)|helsefellesskap/g;

/** Lower case, no separators, Norwegian letters folded, so "fødsels_nummer" is "fodselsnummer". */
function normalise(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/å/g, "a")
    .replace(/[^a-z0-9]/g, "");
}

// Direct identifiers of a person: fødselsnummer, D-/H-number, birth date, journal numbers.
const IDENTIFIER =
  /fodselsnummer|fodselsnr|personnummer|personnr|nationalid|identitynumber|socialsecurity|^ssn$|^fnr$|^dnummer$|^hnummer$|birth|fodsel|^dob$|^fodt$|^age$|^alder$|journal|medicalrecord|healthrecord|^epj$|^gender$|^sex$|^kjonn$/;
// Words for the people the hub must only count.
const SUBJECT =
  /patient|pasient|carer|parorende|participant|deltaker|respondent|client|klient|citizen|innbygger|resident|beboer/;
// Health information, allowed only where it is not about a person.
const HEALTH =
  /diagnos|icd|condition|medication|medisin|legemiddel|symptom|treatment|behandling|allerg|disease|sykdom|illness|helse|health|disabilit|funksjonsnedsett|activation|pamscore/;
const COUNT_TYPES = /^(Int|BigInt|Decimal|Float|integer|bigint|smallint|numeric|real|double precision)$/;

/** Every field or column of the model that looks like personal health data or a patient identifier. */
function findPersonalData(models: readonly ScannedModel[]): Violation[] {
  const violations: Violation[] = [];
  const allowedRelationTargets = new Set(Object.keys(ALLOWED_MODELS));
  for (const model of models) {
    const modelName = normalise(model.name);
    const allowedFields = ALLOWED_MODELS[model.name];
    if (allowedFields) {
      for (const f of model.fields)
        if (!allowedFields.has(f.name))
          violations.push({ model: model.name, field: f.name, reason: "not in this model's allow-list" });
    } else if (
      SUBJECT.test(modelName) ||
      IDENTIFIER.test(modelName) ||
      /^(diagnosis|journal)/.test(modelName)
    ) {
      violations.push({ model: model.name, reason: "a model about patients, carers or their health" });
    }
    for (const field of model.fields) {
      const name = normalise(field.name);
      const at = { model: model.name, field: field.name };
      if (model.name === "Person" && !field.relation && !PERSON_FIELDS.has(field.name)) {
        violations.push({
          ...at,
          reason: "Person holds only a user's name, e-mail, phone and sign-in subject",
        });
        continue;
      }
      if (IDENTIFIER.test(name)) {
        violations.push({ ...at, reason: "a direct identifier of a person" });
        continue;
      }
      const aggregate =
        COUNT_TYPES.test(field.type) || (field.relation && allowedRelationTargets.has(field.type));
      if (SUBJECT.test(name) && !aggregate) {
        violations.push({
          ...at,
          reason: "names a patient, carer or participant but is not an aggregate count",
        });
        continue;
      }
      if (
        (model.linksToPerson || model.name === "Person") &&
        HEALTH.test(name.replace(HEALTH_COMMUNITY, "")) &&
        !ALLOWED_HEALTH_FIELDS.has(`${model.name}.${field.name}`)
      ) {
        violations.push({ ...at, reason: "health information on a model that is about a person" });
      }
    }
  }
  return violations;
}

/** The models of a Prisma schema with their fields; enough of the grammar for this scan. */
function scanPrismaSchema(source: string): ScannedModel[] {
  const blocks = [...source.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)];
  const modelNames = new Set(blocks.map((b) => b[1] as string));
  return blocks.map(([, name, body]) => {
    const fields: ScannedField[] = [];
    for (const raw of (body as string).split("\n")) {
      const line = raw.replace(/\/\/.*$/, "").trim();
      const match = /^(\w+)\s+(\w+)(\[\])?(\?)?/.exec(line);
      if (!match || line.startsWith("@@")) continue;
      const type = match[2] as string;
      fields.push({
        name: match[1] as string,
        type,
        list: Boolean(match[3]),
        relation: modelNames.has(type),
      });
    }
    return {
      name: name as string,
      fields,
      linksToPerson: fields.some((f) => f.relation && f.type === "Person"),
    };
  });
}

/** The tables of the live database as models, with a foreign key to "Person" as the person link. */
async function scanDatabase(url: string): Promise<ScannedModel[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query<{ table_name: string; column_name: string; data_type: string }>(
      `SELECT table_name, column_name, data_type FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'
        ORDER BY table_name, ordinal_position`,
    );
    const personLinks = await client.query<{ table_name: string }>(
      `SELECT DISTINCT c.conrelid::regclass::text AS table_name FROM pg_constraint c
        WHERE c.contype = 'f' AND c.confrelid = '"Person"'::regclass`,
    );
    const linked = new Set(personLinks.rows.map((r) => r.table_name.replace(/"/g, "")));
    const byTable = new Map<string, ScannedField[]>();
    for (const c of columns.rows) {
      const fields = byTable.get(c.table_name) ?? [];
      fields.push({ name: c.column_name, type: c.data_type, list: c.data_type === "ARRAY", relation: false });
      byTable.set(c.table_name, fields);
    }
    return [...byTable].map(([name, fields]) => ({ name, fields, linksToPerson: linked.has(name) }));
  } finally {
    await client.end();
  }
}

const schemaSource = readFileSync(join(repoRoot, "packages/database/prisma/schema.prisma"), "utf8");

describe("no personal health data in the model", () => {
  it("finds nothing in schema.prisma", () => {
    const models = scanPrismaSchema(schemaSource);
    // A scan that parsed nothing would pass vacuously.
    expect(models.length).toBeGreaterThan(30);
    expect(models.find((m) => m.name === "Person")?.fields.map((f) => f.name)).toContain("email");
    expect(findPersonalData(models)).toEqual([]);
  });

  it("finds nothing in the live database's columns", async () => {
    const models = await scanDatabase(inject("databaseUrl"));
    expect(models.find((m) => m.name === "ParticipationReport")?.fields.length).toBeGreaterThan(10);
    expect(models.filter((m) => m.linksToPerson).map((m) => m.name)).toContain("Subscription");
    expect(findPersonalData(models)).toEqual([]);
  });

  it("catches patient identifiers and per-person health data in a deliberately bad schema", () => {
    const bad = `
model Person {
  id          String   @id
  name        String
  email       String
  dateOfBirth DateTime
  memberships Membership[]
}
model Membership {
  id        String @id
  personId  String
  person    Person @relation(fields: [personId], references: [id])
  diagnosis String?
}
model Patient {
  id   String @id
  name String
}
model ParticipationReport {
  id            String  @id
  patients      Int
  patientName   String?
  fodselsnummer String  // fødselsnummer of the participant
}
model MeetingParticipant {
  meetingPointId String
  personName     String
}
model Offer {
  id             String   @id
  diagnosisCodes String[]
  contactName    String?
}`;
    const found = findPersonalData(scanPrismaSchema(bad)).map((v) => `${v.model}.${v.field ?? "*"}`);
    expect(found.sort()).toEqual(
      [
        "Person.dateOfBirth",
        "Membership.diagnosis",
        "Patient.*",
        "ParticipationReport.patientName",
        "ParticipationReport.fodselsnummer",
        "MeetingParticipant.personName",
      ].sort(),
    );
  });

  it("allows aggregate counts, staff contact details and what an offer is for", () => {
    const good = `
model Person {
  id          String @id
  name        String
  email       String
  phone       String?
  oidcSubject String?
}
model ParticipationReport {
  id                String @id
  patients          Int
  carers            Int
  respondentsBefore Int
}
model Offer {
  id              String   @id
  diagnosisGroups String[]
  contactPhone    String?
}`;
    expect(findPersonalData(scanPrismaSchema(good))).toEqual([]);
  });
});
