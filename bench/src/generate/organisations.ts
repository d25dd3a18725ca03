import type { Org, Row } from "./model.js";
import type { Random } from "./random.js";
import type { Scale } from "./scale.js";
import {
  hospitalTrusts,
  municipalityNames,
  regionalAuthorities,
  universities,
  userOrganisations,
} from "./words.js";

// Every organisation of the data set: the regional authorities, the hospital trusts with their
// catchments of uneven size, the municipalities, user organisations, universities and one health
// community per trust, with the learning and mastery centres and healthy living centres.

export interface Organisations {
  rhfs: Org[];
  trusts: Org[];
  municipalities: Org[];
  userOrgs: Org[];
  unis: Org[];
  communities: Org[];
  /** The municipalities in each trust's catchment. */
  catchment: Org[][];
  /** Reference rows for the municipalities (loaded as they are, not as business data). */
  municipalityRows: { number: string; name: string; county: string; hospitalTrustId: string }[];
  /** Rows without a municipality: loaded before the municipalities, which name their trust. */
  independent: Row<"organisations">[];
  /** The municipalities' own organisations, their members and units: loaded after them. */
  municipal: Row<"organisations">[];
  communityMembers: Row<"communityMembers">[];
  units: Row<"units">[];
}

export function buildOrganisations(
  r: Random,
  scale: Scale,
  tag: string,
  taken: ReadonlySet<string>,
): Organisations {
  const numbers = freeMunicipalityNumbers(r, taken, scale.municipalities);
  const names = municipalityNames(scale.municipalities);
  const rhfs: Org[] = regionalAuthorities.map((name) => ({
    id: r.uuid(),
    kind: "REGIONAL_HEALTH_AUTHORITY",
    name: `${name}${tag}`,
    trust: -1,
  }));
  const trustDefs = Array.from({ length: scale.hospitalTrusts }, (_, i) => {
    const [name, region, county] = hospitalTrusts[i % hospitalTrusts.length]!;
    const suffix = i < hospitalTrusts.length ? "" : ` ${Math.floor(i / hospitalTrusts.length) + 1}`;
    return { name: `${name}${suffix}`, region, county };
  });
  const trusts: Org[] = trustDefs.map((t, i) => ({
    id: r.uuid(),
    kind: "HOSPITAL_TRUST",
    name: `${t.name}${tag}`,
    trust: i,
  }));
  // Catchments of uneven size, every trust with at least one municipality.
  const weights = trusts.map(() => r.int(6, 36));
  const trustOf = numbers.map((_, i) => (i < trusts.length ? i : r.weighted(weights)));
  const municipalities: Org[] = numbers.map((number, i) => ({
    id: r.uuid(),
    kind: "MUNICIPALITY",
    name: `${names[i]} kommune${tag}`,
    trust: trustOf[i]!,
    municipalityNumber: number,
  }));
  const userOrgs: Org[] = userOrganisations.map((name) => ({
    id: r.uuid(),
    kind: "USER_ORGANISATION",
    name: `${name}${tag}`,
    trust: r.int(0, trusts.length - 1),
  }));
  const unis: Org[] = universities.map((name) => ({
    id: r.uuid(),
    kind: "UNIVERSITY",
    name: `${name}${tag}`,
    trust: r.int(0, trusts.length - 1),
  }));
  const communities: Org[] = trusts.map((_, i) => ({
    id: r.uuid(),
    kind: "HEALTH_COMMUNITY",
    name: `Helsefellesskapet ${trustDefs[i]!.name.replace(/ HF$/, "")}${tag}`,
    trust: i,
  }));
  const parentOf = (o: Org) => (o.kind === "HOSPITAL_TRUST" ? rhfs[trustDefs[o.trust]!.region]!.id : null);
  const row = (o: Org): Row<"organisations"> => ({
    id: o.id,
    kind: o.kind,
    name: o.name,
    parentId: parentOf(o),
    municipalityNumber: o.municipalityNumber ?? null,
  });
  const communityMembers = communities.map((c, i) => ({
    healthCommunityId: c.id,
    organisationIds: [
      trusts[i]!.id,
      ...municipalities.filter((m) => m.trust === i).map((m) => m.id),
      ...r.sample(userOrgs, 2).map((u) => u.id),
    ],
  }));
  const unitOwners = [...trusts, ...municipalities];
  for (const o of unitOwners) o.unitId = r.uuid();
  return {
    rhfs,
    trusts,
    municipalities,
    userOrgs,
    unis,
    communities,
    catchment: trusts.map((_, i) => municipalities.filter((m) => m.trust === i)),
    municipalityRows: municipalities.map((m, i) => ({
      number: m.municipalityNumber!,
      name: `${names[i]}${tag}`,
      county: trustDefs[m.trust]!.county,
      hospitalTrustId: trusts[m.trust]!.id,
    })),
    independent: [...rhfs, ...trusts, ...userOrgs, ...unis, ...communities].map(row),
    municipal: municipalities.map(row),
    communityMembers,
    units: unitOwners.map((o) => ({
      id: o.unitId!,
      organisationId: o.id,
      ...(o.kind === "HOSPITAL_TRUST"
        ? { kind: "LEARNING_AND_MASTERY_CENTRE" as const, name: "Lærings- og mestringssenteret" }
        : { kind: "HEALTHY_LIVING_CENTRE" as const, name: "Frisklivssentralen" }),
    })),
  };
}

/** Four-digit numbers in county ranges, none of them already in the database. */
function freeMunicipalityNumbers(r: Random, taken: ReadonlySet<string>, count: number): string[] {
  const counties = [3, 11, 15, 18, 31, 32, 33, 34, 39, 40, 42, 46, 50, 55, 56];
  const chosen = new Set<string>();
  let county = 0;
  let guard = 0;
  while (chosen.size < count) {
    const prefix = counties[county++ % counties.length]!;
    const number = String(prefix * 100 + r.int(1, 99)).padStart(4, "0");
    if (!taken.has(number)) chosen.add(number);
    if (++guard > count * 200) throw new Error("Not enough free municipality numbers");
  }
  return [...chosen].sort();
}
