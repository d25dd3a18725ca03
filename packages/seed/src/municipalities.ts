import { readFileSync } from "node:fs";

export interface MunicipalityRow {
  number: string;
  name: string;
  county: string;
  hospitalTrust: string;
}

// A copy of ../shared/data/municipalities-helse-midt-norge.csv (SSB classification 131,
// 2024-01-01) kept in the repo so a clone seeds without the shared folder; a test checks
// the copy against the original when it is there.
export const municipalitiesCsvUrl = new URL("./municipalities.csv", import.meta.url);

export function parseMunicipalitiesCsv(text: string): MunicipalityRow[] {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  if (header !== "number,name,county,hospital_trust") throw new Error(`Unexpected CSV header: ${header}`);
  return lines.map((line) => {
    const [number, name, county, hospitalTrust] = line.split(",");
    if (!number || !name || !county || !hospitalTrust) throw new Error(`Bad municipality row: ${line}`);
    return { number, name, county, hospitalTrust };
  });
}

export function loadMunicipalities(): MunicipalityRow[] {
  return parseMunicipalitiesCsv(readFileSync(municipalitiesCsvUrl, "utf8"));
}

// Approximate coordinates (WGS 84, two decimals: about a kilometre) of each municipality's
// administrative centre, written for this project from public maps; the shared reference data
// has none. The catalogue measures distance from them; an operator may load better ones.
const centresCsvUrl = new URL("./municipality-centres.csv", import.meta.url);

export function loadMunicipalityCentres(): Map<string, { latitude: number; longitude: number }> {
  const [header, ...lines] = readFileSync(centresCsvUrl, "utf8").trim().split(/\r?\n/);
  if (header !== "number,latitude,longitude") throw new Error(`Unexpected CSV header: ${header}`);
  return new Map(
    lines.map((line) => {
      const [number, latitude, longitude] = line.split(",");
      if (!number || !latitude || !longitude) throw new Error(`Bad centre row: ${line}`);
      return [number, { latitude: Number(latitude), longitude: Number(longitude) }];
    }),
  );
}
