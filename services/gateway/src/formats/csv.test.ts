import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { neutraliseFormula, offerCsvColumns, offersToCsv } from "./csv.js";
import { allOffers, copdFilm, diabetesCourse, kidCourse, now, withOffer } from "./testing/fixtures.js";

function readCsv(text: string, delimiter = ";"): string[][] {
  return parse(text, { bom: true, delimiter, relax_column_count: false }) as string[][];
}

const headers = offerCsvColumns.map((c) => c.header);

describe("CSV of catalogue search results", () => {
  const text = offersToCsv(allOffers, { now });
  const [header, ...rows] = readCsv(text);

  it("starts with a UTF-8 BOM, separates with ; and ends records with CRLF", () => {
    expect(text.startsWith("\uFEFFID;Tittel;")).toBe(true);
    expect(text.split("\r\n")).toHaveLength(allOffers.length + 2);
    expect(text.endsWith("\r\n")).toBe(true);
  });

  it("round-trips through a CSV parser with the right columns", () => {
    expect(header).toEqual(headers);
    expect(header).toEqual([
      "ID",
      "Tittel",
      "Tilbyder",
      "Type",
      "Diagnoseomfang",
      "Diagnosekoder (ICD-10)",
      "Prioriterte grupper",
      "Målgrupper",
      "Format",
      "Språk",
      "Kommuner",
      "Status",
      "Neste samling",
      "Kontakt",
    ]);
    expect(rows).toHaveLength(3);
    const byColumn = rows.map((row) => Object.fromEntries(offerCsvColumns.map((c, i) => [c.key, row[i]])));
    expect(byColumn[0]).toEqual({
      id: diabetesCourse.id,
      title: "Diabetesskolen: leve godt med diabetes type 2",
      provider: "Helse Møre og Romsdal HF",
      kind: "Gruppekurs",
      diagnosisScope: "Diagnosespesifikt",
      diagnosisCodes: "E11",
      priorityGroups: "Personer med flere kroniske lidelser",
      audiences: "Pasienter, Pårørende",
      format: "Hybrid (fysisk og digitalt)",
      languages: "Bokmål, Nynorsk",
      municipalities: "Molde (1506), Ålesund (1508)",
      status: "Publisert",
      nextSession: "2025-05-14 09:00",
      contact: "Kari Nordmann, lms.alesund@helse-mr.no, +47 70 10 50 00",
    });
    expect(byColumn[1]).toMatchObject({
      diagnosisScope: "Diagnoseuavhengig",
      languages: "Bokmål, Engelsk, Arabisk",
      nextSession: "2026-01-13 18:00",
    });
    expect(byColumn[2]).toMatchObject({ kind: "Digital ressurs", nextSession: "", contact: "" });
  });

  it("skips cancelled and past sessions when naming the next one", () => {
    const afterFirst = new Date("2025-05-15T00:00:00Z");
    const [, row] = readCsv(offersToCsv([diabetesCourse], { now: afterFirst }));
    expect(row?.[12]).toBe("");
  });

  it("quotes text with delimiters, quotes and newlines so it survives the round trip", () => {
    const title = 'Kurs; "mestring", del 1\nog del 2 – æøå';
    const [, row] = readCsv(offersToCsv([withOffer(kidCourse, { title })], { now }));
    expect(row?.[1]).toBe(title);
  });

  it("neutralises cells a spreadsheet would run as a formula", () => {
    const title = '=HYPERLINK("x")';
    const [, row] = readCsv(offersToCsv([withOffer(copdFilm, { title })], { now }));
    expect(row?.[1]).toBe(`'=HYPERLINK("x")`);
    const phoneOnly = withOffer(copdFilm, { contactPhone: "+47 73 86 80 00" });
    expect(readCsv(offersToCsv([phoneOnly], { now }))[1]?.[13]).toBe("'+47 73 86 80 00");
    expect(neutraliseFormula("-2+3")).toBe("'-2+3");
    expect(neutraliseFormula("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutraliseFormula("  =1+1")).toBe("'  =1+1");
    expect(neutraliseFormula("\tcmd")).toBe("'\tcmd");
    expect(neutraliseFormula("Kurs = mestring")).toBe("Kurs = mestring");
  });

  it("keeps HTML in user text as literal text", () => {
    const title = "<b>Kurs</b> & <i>samtale</i>";
    const [, row] = readCsv(offersToCsv([withOffer(kidCourse, { title })], { now }));
    expect(row?.[1]).toBe(title);
  });

  it("writes comma-separated RFC 4180 when asked", () => {
    const commas = offersToCsv(allOffers, { now, delimiter: "," });
    expect(commas.startsWith("\uFEFFID,Tittel,")).toBe(true);
    expect(readCsv(commas, ",")).toEqual(readCsv(text));
  });
});
