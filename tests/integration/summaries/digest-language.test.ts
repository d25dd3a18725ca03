import { systemActor, unitOf, upsertOrganisation, upsertPerson } from "@samspill/commands";
import type { Database } from "@samspill/database";
import { queueNames } from "@samspill/events";
import { graphql } from "@samspill/graphql";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { successData } from "../../support/answers.js";
import { testDatabase } from "../../support/db.js";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";
import { type MailHarness, startMailHarness, subscriber } from "./mail-harness.js";

// Mail goes out in the recipient's written language: their own choice (set through the
// gateway), else the organisation's (Volda writes nynorsk in the seed), else bokmål. The digest
// job runs for real and its mails are read back from an in-test SMTP server.

let db: Database;
let mail: MailHarness;
const suffix = Date.now().toString(36);
const title = `Meistringskurs ${suffix}`;
type Person = { id: string; email: string };
let chose: Person;
let member: Person;
let english: Person;
let bokmal: Person;

const createOffer = graphql(`mutation($input: CreateOfferInput!) {
  createOffer(input: $input) { __typename ... on MutationCreateOfferSuccess { data { id version } } ... on Error { message } }
}`);
const publish = graphql(`mutation($id: ID!, $version: Int!) {
  changeOfferStatus(id: $id, version: $version, status: PUBLISHED) { __typename }
}`);
const setMyLanguage = graphql(`mutation($language: WrittenLanguage) {
  setMyLanguage(language: $language) {
    __typename
    ... on MutationSetMyLanguageSuccess { data { chosen effective } }
    ... on Error { message }
  }
}`);
const myLanguage = graphql(`query { myLanguage { chosen effective } }`);

const asPerson = (person: Person, org?: string) =>
  testGateway(db, {
    ...viewerWith(org ? [{ org, role: "VIEWER" }] : []),
    personId: person.id,
  });

/** A membership of Volda kommune, whose written language is nynorsk. */
async function joinVolda(person: Person) {
  await db.membership.create({
    data: { personId: person.id, organisationId: orgId("mun:1577"), role: "VIEWER" },
  });
}

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  mail = await startMailHarness(db, "digest-language");
  const volda = { municipalityNumbers: ["1577"] };
  chose = await subscriber(db, "chose-nn", "WEEKLY_DIGEST", volda);
  member = await subscriber(db, "volda-member", "WEEKLY_DIGEST", volda);
  english = await subscriber(db, "english", "WEEKLY_DIGEST", volda);
  bokmal = await subscriber(db, "volda-bokmal", "WEEKLY_DIGEST", volda);
  await joinVolda(member);
  await joinVolda(bokmal);

  const editor = testGateway(db, viewerWith([{ org: "mun:1577", role: "EDITOR" }]));
  const created = await editor.query(createOffer, {
    input: {
      providerId: orgId("mun:1577"),
      title,
      summary: "Kurs for deg som vil meistre kvardagen betre.",
      textLanguage: "nn",
      kind: "GROUP_COURSE",
      diagnosisScope: "DIAGNOSIS_INDEPENDENT",
      format: "PHYSICAL",
      location: "Helsehuset i Volda",
      languages: ["nn"],
      audiences: ["PATIENTS"],
      municipalityNumbers: ["1577"],
      contactEmail: "kurs@volda.test",
    },
  });
  const offer = successData(created.data?.createOffer);
  await editor.query(publish, { id: offer!.id, version: offer!.version });
});

afterAll(async () => {
  await mail.stop();
  await db.$disconnect();
});

describe("the written language of mails", () => {
  it("is the seeded nynorsk of Volda and bokmål of Molde", async () => {
    const [volda, molde] = await Promise.all(
      ["mun:1577", "mun:1506"].map((key) =>
        db.organisation.findUniqueOrThrow({ where: { id: orgId(key) }, select: { language: true } }),
      ),
    );
    expect([volda?.language, molde?.language]).toEqual(["nn", "nb"]);
  });

  it("is set by a signed-in person for themselves, and refused to others", async () => {
    const answer = await asPerson(chose).query(setMyLanguage, { language: "nn" });
    expect(successData(answer.data?.setMyLanguage)).toEqual({ chosen: "nn", effective: "nn" });
    successData((await asPerson(english).query(setMyLanguage, { language: "en" })).data?.setMyLanguage);
    successData(
      (await asPerson(bokmal, "mun:1577").query(setMyLanguage, { language: "nb" })).data?.setMyLanguage,
    );
    const read = await asPerson(member, "mun:1577").query(myLanguage);
    expect(read.data?.myLanguage).toEqual({ chosen: null, effective: "nn" });

    const audit = await db.auditEntry.findFirst({
      where: { action: "person.language", entityId: chose.id },
      select: { changes: true },
    });
    expect(audit?.changes).toEqual({ language: { from: null, to: "nn" } });
    const event = await db.outboxEvent.findFirst({
      where: { type: "person.language_changed", aggregateId: chose.id },
    });
    expect(event?.payload).toEqual({ id: chose.id, language: "nn" });

    // No stored person behind the caller (an API token's organisation, a test viewer): refused.
    const refused = await testGateway(db, viewerWith([{ org: "mun:1577", role: "ADMIN" }])).query(
      setMyLanguage,
      { language: "en" },
    );
    expect(refused.data?.setMyLanguage.__typename).toBe("ForbiddenError");
    const bad = await asPerson(chose).query(setMyLanguage, { language: "de" as "nn" });
    expect(bad.errors?.length).toBeGreaterThan(0);
  });

  it("is settable by the import command on people and organisations", async () => {
    const unit = unitOf(db);
    const id = "01936f3c-0000-7000-8000-00000000aa01";
    await upsertPerson(unit, systemActor(), {
      id,
      name: "Import Person",
      email: `import-${suffix}@test.no`,
      language: "en",
    });
    expect((await db.person.findUniqueOrThrow({ where: { id } })).language).toBe("en");
    await upsertOrganisation(unit, systemActor(), {
      id: orgId("mun:1520"),
      kind: "MUNICIPALITY",
      name: "Ørsta kommune",
      municipalityNumber: "1520",
      language: "nn",
    });
    expect((await db.organisation.findUniqueOrThrow({ where: { id: orgId("mun:1520") } })).language).toBe(
      "nn",
    );
  });

  it("sends each digest in the recipient's language", async () => {
    await mail.run(queueNames.summaries, "summary.weekly-digest", { at: new Date().toISOString() });

    for (const person of [chose, member]) {
      const [message] = mail.to(person.email);
      expect(message, person.email).toBeDefined();
      expect(message!.subject).toMatch(
        /^Samspill: \d+ (nytt eller endra tilbod|nye eller endra tilbod), veke \d+$/,
      );
      expect(message!.html).toMatch(/<html[^>]* lang="nn"/);
      // The plain text writes headings in capitals.
      expect(message!.text).toContain("NYE TILBOD");
      expect(message!.text).toContain("Her er det som er nytt sidan");
      expect(message!.text).toContain("Du får denne e-posten fordi du abonnerer på vekeoppsummeringa");
      expect(message!.text).toContain("pasient- og pårørandeopplæring i Helse Midt-Noreg");
      expect(message!.text).toContain(title);
      for (const bokmål of ["Nye tilbud", "nytt siden", "ukentlig oppsummering", "Helse Midt-Norge"]) {
        expect(message!.text.toLowerCase()).not.toContain(bokmål.toLowerCase());
      }
    }

    const [inEnglish] = mail.to(english.email);
    expect(inEnglish!.subject).toMatch(/^Samspill: \d+ new or changed offers?, week \d+$/);
    expect(inEnglish!.html).toMatch(/<html[^>]* lang="en"/);
    expect(inEnglish!.text).toContain("NEW OFFERS");

    // Their own bokmål wins over Volda's nynorsk.
    const [inBokmal] = mail.to(bokmal.email);
    expect(inBokmal!.subject).toMatch(
      /^Samspill: \d+ (nytt eller endret tilbud|nye eller endrede tilbud), uke \d+$/,
    );
    expect(inBokmal!.html).toMatch(/<html[^>]* lang="nb"/);
    expect(inBokmal!.text).toContain("NYE TILBUD");
  });
});
