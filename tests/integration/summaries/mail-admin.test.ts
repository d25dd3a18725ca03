import type { Database } from "@samspill/database";
import { graphql } from "@samspill/graphql";
import { seedDemoData } from "@samspill/seed";
import { seedId } from "@samspill/seed/ids";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { testGateway, viewerWith } from "../../support/gateway.js";

// What the web app's mail page reads besides sentMails: one captured mail by id and the people
// whose digest an admin may preview, each limited to what the admin may see.

let db: Database;
const suffix = Date.now().toString(36);
let toKari: string;
let toPer: string;

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  const capture = (to: string, subject: string) =>
    db.capturedMail.create({
      data: {
        from: "Samspill <ikke-svar@samspill.localhost>",
        to: [to],
        subject,
        text: `${subject}\n\nHei!`,
        html: `<p>${subject}</p>`,
        headers: {},
        size: 200,
      },
      select: { id: true },
    });
  toKari = (await capture("kari.nordmann@molde.kommune.no", `Til Kari ${suffix}`)).id;
  toPer = (await capture("per.solberg@stolav.no", `Til Per ${suffix}`)).id;
});

afterAll(async () => {
  await db.$disconnect();
});

const sentMail = graphql(`query($id: ID!) { sentMail(id: $id) { id subject to text html } }`);

describe("sentMail", () => {
  it("gives RHF admins any captured mail, with both parts", async () => {
    const rhf = testGateway(db, viewerWith([{ org: "rhf:hmn", role: "ADMIN" }]));
    const answer = await rhf.query(sentMail, { id: toPer });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.sentMail).toMatchObject({
      id: toPer,
      subject: `Til Per ${suffix}`,
      to: ["per.solberg@stolav.no"],
      text: expect.stringContaining("Hei!"),
    });
  });

  it("gives other admins only mail to their organisation's members", async () => {
    const molde = testGateway(db, viewerWith([{ org: "mun:1506", role: "ADMIN" }]));
    const own = await molde.query(sentMail, { id: toKari });
    expect(own.data?.sentMail?.subject).toBe(`Til Kari ${suffix}`);
    const other = await molde.query(sentMail, { id: toPer });
    expect(other.errors).toBeUndefined();
    expect(other.data?.sentMail).toBeNull();
  });

  it("answers null for an id that is not a mail, and refuses non-admins", async () => {
    const rhf = testGateway(db, viewerWith([{ org: "rhf:hmn", role: "ADMIN" }]));
    expect((await rhf.query(sentMail, { id: "not-a-uuid" })).data?.sentMail).toBeNull();
    const editor = testGateway(db, viewerWith([{ org: "rhf:hmn", role: "EDITOR" }]));
    const refused = await editor.query(sentMail, { id: toKari });
    expect(refused.data?.sentMail ?? null).toBeNull();
    expect(refused.errors?.length).toBeGreaterThan(0);
  });
});

const recipients = graphql(`{ digestRecipients { personId name email organisations active } }`);

describe("digestRecipients", () => {
  it("lists every weekly subscriber to RHF admins, by name, with their organisations", async () => {
    const rhf = testGateway(db, viewerWith([{ org: "rhf:hmn", role: "ADMIN" }]));
    const answer = await rhf.query(recipients);
    expect(answer.errors).toBeUndefined();
    const list = answer.data!.digestRecipients;
    const names = list.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(["Kari Nordmann", "Per Solberg", "Eva Strand"]));
    const at = (name: string) => names.indexOf(name);
    expect(at("Eva Strand")).toBeLessThan(at("Kari Nordmann"));
    expect(at("Kari Nordmann")).toBeLessThan(at("Per Solberg"));
    expect(list.find((r) => r.name === "Lise Vik")).toMatchObject({
      personId: seedId("person:lise"),
      email: "lise.vik@helse-mr.no",
      organisations: expect.arrayContaining(["Helse Møre og Romsdal HF"]),
    });
  });

  it("lists only their members to other admins, and refuses non-admins", async () => {
    const molde = testGateway(db, viewerWith([{ org: "mun:1506", role: "ADMIN" }]));
    const answer = await molde.query(recipients);
    expect(answer.errors).toBeUndefined();
    const names = answer.data!.digestRecipients.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(["Kari Nordmann", "Ola Hansen"]));
    expect(names).not.toContain("Per Solberg");

    const editor = testGateway(db, viewerWith([{ org: "mun:1506", role: "EDITOR" }]));
    const refused = await editor.query(recipients);
    expect(refused.errors?.length).toBeGreaterThan(0);
  });
});
