import {
  addHealthCommunityMembers,
  upsertMembership,
  upsertOrganisation,
  upsertPerson,
  upsertSubscription,
  upsertUnit,
} from "@samspill/commands";
import { forEachConcurrently, type SeedContext } from "./context.js";
import { seedId } from "./ids.js";
import { loadMunicipalities, type MunicipalityRow } from "./municipalities.js";
import {
  healthCommunities,
  hospitalTrustKeyByName,
  municipalUnits,
  nynorskMunicipalities,
  organisations,
  people,
} from "./organisations.data.js";
import { municipalityOrganisation } from "./reference.js";

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

/** The demo's organisations and units, on top of the reference data (seedReferenceData). */
export async function seedOrganisations(ctx: SeedContext): Promise<MunicipalityRow[]> {
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

  // The municipality rows and the organisations of the reference list are there (the reference
  // seed ran first); the demo gives some of them their written language.
  const municipalities = loadMunicipalities();
  await forEachConcurrently(municipalities, async (m) => {
    await upsertOrganisation(unit, actor, {
      id: orgId(`mun:${m.number}`),
      ...municipalityOrganisation(m),
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
