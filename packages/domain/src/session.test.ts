import { describe, expect, it } from "vitest";
import { addSessionInput, cancelSessionInput, sessionIssues, updateSessionInput } from "./session.js";
import { parseInput } from "./validation.js";

const offerId = "0195f3a0-1c2d-7e3f-8a4b-5c6d7e8f9a01";
const at = (time: string) => new Date(`2027-02-01T${time}:00Z`);

describe("session inputs", () => {
  it("parses times to dates and trims the text", () => {
    const input = parseInput(addSessionInput, {
      offerId,
      startsAt: "2027-02-01T10:00:00Z",
      endsAt: "2027-02-01T12:00:00Z",
      location: "  Molde rådhus ",
    });
    expect(input).toMatchObject({ startsAt: at("10:00"), endsAt: at("12:00"), location: "Molde rådhus" });
  });

  it("refuses unknown fields, a non-http link and negative counts", () => {
    expect(() => parseInput(updateSessionInput, { id: offerId, version: 1, colour: "red" })).toThrow();
    expect(() => parseInput(updateSessionInput, { id: offerId, version: 1, onlineUrl: "ftp://x" })).toThrow();
    expect(() => parseInput(updateSessionInput, { id: offerId, version: 1, capacity: -1 })).toThrow();
    expect(() => parseInput(cancelSessionInput, { id: "not-a-uuid", version: 1 })).toThrow();
  });
});

describe("sessionIssues", () => {
  it("wants the end after the start and no more registrations than places", () => {
    expect(
      sessionIssues({ startsAt: at("10:00"), endsAt: at("12:00"), capacity: 3, registrations: 3 }),
    ).toEqual([]);
    expect(
      sessionIssues({ startsAt: at("12:00"), endsAt: at("12:00"), capacity: 3, registrations: 4 }).map(
        (i) => [i.field, i.code],
      ),
    ).toEqual([
      ["endsAt", "ends_before_start"],
      ["registrations", "over_capacity"],
    ]);
  });

  it("leaves out what it cannot judge: no capacity means unlimited places", () => {
    expect(sessionIssues({ capacity: null, registrations: 500 })).toEqual([]);
    expect(sessionIssues({ endsAt: at("09:00") })).toEqual([]);
  });
});
