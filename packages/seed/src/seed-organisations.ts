import {
  addHealthCommunityMembers,
  upsertMembership,
  upsertOrganisation,
  upsertPerson,
  upsertSubscription,
  upsertUnit,
} from "@samspill/commands";
import type { Database } from "@samspill/database";
import { forEachConcurrently, type SeedContext } from "./context.js";
import { seedId } from "./ids.js";
import { loadMunicipalities, loadMunicipalityCentres, type MunicipalityRow } from "./municipalities.js";
import {
  healthCommunities,
  hospitalTrustKeyByName,
  municipalUnits,
  nynorskMunicipalities,
  organisations,
  people,
} from "./organisations.data.js";

type OrganisationSeed = (typeof organisations)[number];

/** Generations of organisations, parents first, so every parent id a command is given exists. */
function generations(list: readonly OrganisationSeed[]): OrganisationSeed[][] {
  const byKey = new Map(list.map((o) => [o.key, o]));
  const depth = (o: OrganisationSeed): number => {
    const parent = o.parentKey ? byKey.get(o.parentKey) : undefined;
    return parent ? 1 + depth(parent) : 0;
  };
  const deepest = Math.max(...list.map(depth));
  return Array.from({ length: deepest + 1 }, (_, d) => list.filter((o) => depth(o) === d));
}

/** The region's organisations, their units and the municipalities (a plain reference list). */
export async function seedOrganisations(db: Database, ctx: SeedContext): Promise<MunicipalityRow[]> {
  const { unit, actor, orgId, unitId } = ctx;
  for (const generation of generations(organisations)) {
    await forEachConcurrently(generation, async (o) => {
      await upsertOrganisation(unit, actor, {
        id: orgId(o.key),
        kind: o.kind,
        name: o.name,
        shortName: o.shortName ?? null,
        orgNumber: o.orgNumber ?? null,
        website: o.website ?? null,
        parentId: o.parentKey ? orgId(o.parentKey) : null,
      });
      for (const u of o.units ?? []) {
        const fields = {
          organisationId: orgId(o.key),
          kind: u.kind,
          name: u.name,
          address: u.address ?? null,
        };
        await upsertUnit(unit, actor, { id: unitId(o.key, u.key), ...fields });
      }
    });
  }

  const municipalities = loadMunicipalities();
  const centres = loadMunicipalityCentres();
  await forEachConcurrently(municipalities, async (m) => {
    const trustKey = hospitalTrustKeyByName[m.hospitalTrust];
    if (!trustKey) throw new Error(`Unknown hospital trust ${m.hospitalTrust} for ${m.number}`);
    // Reference data with no business meaning of its own: loaded as it is.
    const reference = {
      name: m.name,
      county: m.county,
      hospitalTrustId: orgId(trustKey),
      latitude: centres.get(m.number)?.latitude ?? null,
      longitude: centres.get(m.number)?.longitude ?? null,
    };
    await db.municipality.upsert({
      where: { number: m.number },
      create: { number: m.number, ...reference },
      update: reference,
    });
    await upsertOrganisation(unit, actor, {
      id: orgId(`mun:${m.number}`),
      kind: "MUNICIPALITY",
      name: `${m.name} kommune`,
      municipalityNumber: m.number,
      parentId: null,
      language: nynorskMunicipalities.has(m.number) ? "nn" : "nb",
    });
  });
  await forEachConcurrently(municipalUnits, async (u) => {
    const orgKey = `mun:${u.municipality}`;
    const fields = { organisationId: orgId(orgKey), kind: u.kind, name: u.name, address: u.address ?? null };
    await upsertUnit(unit, actor, { id: unitId(orgKey, u.key), ...fields });
  });

  for (const hc of healthCommunities) {
    const trusts = new Set(hc.hospitalTrusts);
    const memberKeys = [
      ...hc.hospitalTrusts,
      ...municipalities
        .filter((m) => trusts.has(hospitalTrustKeyByName[m.hospitalTrust]!))
        .map((m) => `mun:${m.number}`),
      ...hc.userOrgs,
    ];
    await addHealthCommunityMembers(unit, actor, {
      healthCommunityId: orgId(hc.key),
      organisationIds: memberKeys.map(orgId),
    });
  }
  return municipalities;
}

/** The demo's people, their roles and their weekly digest. */
export async function seedPeople(ctx: SeedContext): Promise<void> {
  const { unit, actor, orgId, unitId } = ctx;
  await forEachConcurrently(people, async (p) => {
    const id = seedId(`person:${p.key}`);
    await upsertPerson(unit, actor, { id, name: p.name, email: p.email, oidcSubject: p.subject });
    for (const m of p.memberships) {
      await upsertMembership(unit, actor, {
        id: seedId(`membership:${p.key}:${m.org}:${m.role}`),
        personId: id,
        organisationId: orgId(m.org),
        role: m.role,
        unitId: m.unit ? unitId(m.org, m.unit) : null,
        title: m.title ?? null,
      });
    }
    await upsertSubscription(unit, actor, {
      id: seedId(`subscription:${p.key}:WEEKLY_DIGEST`),
      personId: id,
      kind: "WEEKLY_DIGEST",
      municipalityNumbers: p.memberships.flatMap((m) => (m.org.startsWith("mun:") ? [m.org.slice(4)] : [])),
    });
  });
}
