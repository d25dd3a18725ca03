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
