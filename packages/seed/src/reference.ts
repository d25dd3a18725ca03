import { upsertOrganisation } from "@samspill/commands";
import type { Database } from "@samspill/database";
import { forEachConcurrently, type SeedContext, seedContext } from "./context.js";
import { loadMunicipalities, loadMunicipalityCentres, type MunicipalityRow } from "./municipalities.js";
import {
  hospitalTrustKeyByName,
  hospitalTrusts,
  type ReferenceOrganisation,
  regionalHealthAuthority,
} from "./region.data.js";

// The reference data every installation starts from, demo or not: the regional health authority,
// its hospital trusts, and the region's municipalities (the reference list with each one's trust,
// and an organisation for each). The migrate job loads it after every migration.
//
// It only adds what is missing. An organisation found by its seed id, municipality number or name
// is left as it is: after the first run the region's admins keep these rows (a name, a website,
// a written language), and a release must not undo their edits. Creating goes through the
// organisation command, so each new organisation has its audit entry and event; a second run
// finds everything and records nothing.

export interface ReferenceSummary {
  /** Organisations created by this run (0 when everything was there). */
  organisationsCreated: number;
  /** Municipality reference rows added or corrected by this run. */
  municipalitiesWritten: number;
  municipalities: number;
  hospitalTrusts: number;
}

/** A municipality's organisation, as the reference seed creates it. */
export const municipalityOrganisation = (m: MunicipalityRow) => ({
  kind: "MUNICIPALITY" as const,
  name: `${m.name} kommune`,
  municipalityNumber: m.number,
  parentId: null,
});

export async function seedReferenceData(
  db: Database,
  ctx = seedContext(db, new Date()),
): Promise<ReferenceSummary> {
  const municipalities = loadMunicipalities();
  const existing = await existingOrganisations(db, ctx, municipalities);
  let organisationsCreated = 0;
  /** The id an organisation has in this database: its own if it was there, else the seed's. */
  const ids = new Map<string, string>();
  const ensure = async (key: string, fields: { name: string; kind: string }, number?: string) => {
    const found =
      existing.byId.get(ctx.orgId(key)) ??
      existing.byNumber.get(number ?? "") ??
      existing.byName.get(fields.name);
    if (found) {
      ids.set(key, found);
      return;
    }
    await upsertOrganisation(ctx.unit, ctx.actor, { id: ctx.orgId(key), ...fields });
    ids.set(key, ctx.orgId(key));
    organisationsCreated += 1;
  };

  await ensure(regionalHealthAuthority.key, referenceFields(regionalHealthAuthority, null));
  for (const trust of hospitalTrusts)
    await ensure(trust.key, referenceFields(trust, ids.get(trust.parentKey ?? "") ?? null));

  const municipalitiesWritten = await seedMunicipalityRows(db, municipalities, (m) => {
    const trustKey = hospitalTrustKeyByName[m.hospitalTrust];
    if (!trustKey) throw new Error(`Unknown hospital trust ${m.hospitalTrust} for ${m.number}`);
    return ids.get(trustKey)!;
  });
  await forEachConcurrently(municipalities, (m) =>
    ensure(`mun:${m.number}`, municipalityOrganisation(m), m.number),
  );
  return {
    organisationsCreated,
    municipalitiesWritten,
    municipalities: municipalities.length,
    hospitalTrusts: hospitalTrusts.length,
  };
}

function referenceFields(o: ReferenceOrganisation, parentId: string | null) {
  return {
    kind: o.kind,
    name: o.name,
    shortName: o.shortName ?? null,
    orgNumber: o.orgNumber ?? null,
    website: o.website ?? null,
    parentId,
  };
}

/** The organisations already there that the reference data names, in one read. */
async function existingOrganisations(db: Database, ctx: SeedContext, municipalities: MunicipalityRow[]) {
  const reference = [regionalHealthAuthority, ...hospitalTrusts];
  const rows = await db.organisation.findMany({
    where: {
      OR: [
        {
          id: {
            in: [...reference.map((o) => o.key), ...municipalities.map((m) => `mun:${m.number}`)].map(
              ctx.orgId,
            ),
          },
        },
        {
          name: {
            in: [
              ...reference.map((o) => o.name),
              ...municipalities.map((m) => municipalityOrganisation(m).name),
            ],
          },
        },
        { municipalityNumber: { in: municipalities.map((m) => m.number) } },
      ],
    },
    select: { id: true, name: true, municipalityNumber: true },
  });
  return {
    byId: new Map(rows.map((o) => [o.id, o.id])),
    byName: new Map(rows.map((o) => [o.name, o.id])),
    byNumber: new Map(rows.flatMap((o) => (o.municipalityNumber ? [[o.municipalityNumber, o.id]] : []))),
  };
}

/**
 * The municipality reference rows: added when missing; name, county and trust corrected when the
 * list says otherwise. Coordinates are only filled in where there are none (an operator may have
 * loaded better ones). Reference data with no business meaning of its own, so written as it is,
 * and only where something differs: a second run writes nothing.
 */
async function seedMunicipalityRows(
  db: Database,
  municipalities: MunicipalityRow[],
  trustOf: (m: MunicipalityRow) => string,
): Promise<number> {
  const centres = loadMunicipalityCentres();
  const stored = new Map(
    (await db.municipality.findMany({ where: { number: { in: municipalities.map((m) => m.number) } } })).map(
      (row) => [row.number, row],
    ),
  );
  let written = 0;
  for (const m of municipalities) {
    const listed = { name: m.name, county: m.county, hospitalTrustId: trustOf(m) };
    const centre = centres.get(m.number);
    const row = stored.get(m.number);
    if (!row) {
      await db.municipality.create({
        data: {
          number: m.number,
          ...listed,
          latitude: centre?.latitude ?? null,
          longitude: centre?.longitude ?? null,
        },
      });
    } else {
      const differs = (Object.keys(listed) as (keyof typeof listed)[]).some((k) => row[k] !== listed[k]);
      const noCentre = row.latitude === null && row.longitude === null && centre !== undefined;
      if (!differs && !noCentre) continue;
      await db.municipality.update({
        where: { number: m.number },
        data: { ...listed, ...(noCentre ? centre : {}) },
      });
    }
    written += 1;
  }
  return written;
}
