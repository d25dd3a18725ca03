import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadMunicipalities, municipalitiesCsvUrl, parseMunicipalitiesCsv } from "./municipalities.js";
import { hospitalTrustKeyByName, hospitalTrusts } from "./region.data.js";

// The seed reads its own copy of the reference list so a running hub never needs ../shared; the
// test suite always has the original beside the clone (as CI does), and the copy must not drift.
const original = new URL("../../../../shared/data/municipalities-helse-midt-norge.csv", import.meta.url);

describe("the seed's municipality list", () => {
  it("holds the region's 65 municipalities, each with its hospital trust", () => {
    const rows = loadMunicipalities();
    expect(rows).toHaveLength(65);
    expect(new Set(rows.map((r) => r.number)).size).toBe(65);
  });

  it("names only the region's hospital trusts, and each of them", () => {
    const named = new Set(loadMunicipalities().map((m) => m.hospitalTrust));
    expect([...named].filter((name) => !hospitalTrustKeyByName[name])).toEqual([]);
    expect(hospitalTrusts.map((t) => t.name).sort()).toEqual([...named].sort());
  });

  it("equals the reference list in ../shared", () => {
    expect(loadMunicipalities()).toEqual(parseMunicipalitiesCsv(readFileSync(original, "utf8")));
    expect(readFileSync(municipalitiesCsvUrl, "utf8").trim()).toBe(readFileSync(original, "utf8").trim());
  });
});
