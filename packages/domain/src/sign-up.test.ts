import { describe, expect, it } from "vitest";
import { DomainValidationError } from "./errors.js";
import { placeForNewSignUp, retainUntil, signUpInput, signUpOpen, updateSignUpInput } from "./sign-up.js";
import { parseInput } from "./validation.js";

const session = "0193a0a0-0000-7000-8000-000000000001";
const valid = { sessionId: session, role: "PATIENT", name: "Kari", email: "kari@example.no", consent: true };

function issues(raw: unknown, schema: typeof signUpInput | typeof updateSignUpInput = signUpInput) {
  try {
    parseInput(schema, raw);
    return [];
  } catch (error) {
    if (!(error instanceof DomainValidationError)) throw error;
    return error.issues.map((i) => `${i.field}:${i.code}`);
  }
}

describe("sign-up input", () => {
  it("takes a sign-up with a way to reach the person and their consent", () => {
    expect(issues(valid)).toEqual([]);
    expect(issues({ ...valid, email: null, phone: "+47 91234567" })).toEqual([]);
  });

  it("names the field: no contact, no consent, an interpreter without a language", () => {
    expect(issues({ ...valid, email: null })).toEqual(["email:contact_required"]);
    expect(issues({ ...valid, consent: false })).toHaveLength(1);
    expect(issues({ ...valid, needsInterpreter: true })).toEqual(["interpreterLanguage:language_required"]);
    expect(issues({ token: "short" }, updateSignUpInput)).toHaveLength(1);
  });
});

describe("where a new sign-up lands", () => {
  it("takes a free seat only when nobody is in line, and a request for referral courses", () => {
    const base = { requiresReferral: false, capacity: 2, seatsTaken: 1, waiting: 0 };
    expect(placeForNewSignUp(base)).toBe("CONFIRMED");
    expect(placeForNewSignUp({ ...base, waiting: 1 })).toBe("WAITING");
    expect(placeForNewSignUp({ ...base, seatsTaken: 2 })).toBe("WAITING");
    expect(placeForNewSignUp({ ...base, capacity: null, waiting: 3 })).toBe("CONFIRMED");
    expect(placeForNewSignUp({ ...base, requiresReferral: true })).toBe("REQUESTED");
  });

  it("closes at the deadline, else at the start, and for a cancelled session", () => {
    const startsAt = new Date("2027-03-01T10:00:00Z");
    const now = new Date("2027-02-20T10:00:00Z");
    expect(signUpOpen({ cancelled: false, startsAt, signUpDeadline: null }, now)).toBe(true);
    expect(
      signUpOpen({ cancelled: false, startsAt, signUpDeadline: new Date("2027-02-15T00:00:00Z") }, now),
    ).toBe(false);
    expect(signUpOpen({ cancelled: true, startsAt, signUpDeadline: null }, now)).toBe(false);
  });

  it("keeps personal data the set months after the session", () => {
    expect(retainUntil(new Date("2027-03-01T12:00:00Z"), 6).toISOString()).toBe("2027-09-01T12:00:00.000Z");
  });
});
