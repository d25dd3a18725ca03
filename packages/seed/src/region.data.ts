import type { OrganisationKind } from "@samspill/domain";

// The region's own organisations, which every installation needs before anyone can sign in: the
// regional health authority (its admins run the hub) and its hospital trusts (each municipality
// of municipalities.csv belongs to one's catchment by name). The reference seed loads them; the
// demo seed adds their units on top.

export interface ReferenceOrganisation {
  key: string;
  kind: OrganisationKind;
  name: string;
  shortName?: string;
  orgNumber?: string;
  parentKey?: string;
  website?: string;
}

export const RHF = "rhf:hmn";
export const HMR = "hf:hmr";
export const STOLAV = "hf:stolav";
export const HNT = "hf:hnt";

export const regionalHealthAuthority: ReferenceOrganisation = {
  key: RHF,
  kind: "REGIONAL_HEALTH_AUTHORITY",
  name: "Helse Midt-Norge RHF",
  shortName: "HMN",
  orgNumber: "983658725",
  website: "https://www.helse-midt.no",
};

export const hospitalTrusts: readonly ReferenceOrganisation[] = [
  {
    key: HMR,
    kind: "HOSPITAL_TRUST",
    name: "Helse Møre og Romsdal HF",
    shortName: "HMR",
    parentKey: RHF,
    website: "https://helse-mr.no",
  },
  {
    key: STOLAV,
    kind: "HOSPITAL_TRUST",
    name: "St. Olavs hospital HF",
    shortName: "St. Olav",
    parentKey: RHF,
    website: "https://stolav.no",
  },
  {
    key: HNT,
    kind: "HOSPITAL_TRUST",
    name: "Helse Nord-Trøndelag HF",
    shortName: "HNT",
    parentKey: RHF,
    website: "https://hnt.no",
  },
];

export function hospitalTrust(key: string): ReferenceOrganisation {
  const trust = hospitalTrusts.find((t) => t.key === key);
  if (!trust) throw new Error(`No hospital trust ${key}`);
  return trust;
}

/** The trust a municipality of the reference list names (its hospital_trust column). */
export const hospitalTrustKeyByName: Record<string, string> = Object.fromEntries(
  hospitalTrusts.map((t) => [t.name, t.key]),
);
