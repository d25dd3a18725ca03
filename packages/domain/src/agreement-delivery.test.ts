import { describe, expect, it } from "vitest";
import {
  type LinkedOffer,
  offersByResponsibility,
  type ResponsibilityCriteria,
} from "./agreement-delivery.js";

const trust = "trust";
const municipality = "municipality";
const offer = (id: string, over: Partial<LinkedOffer> = {}): LinkedOffer => ({
  id,
  providerId: trust,
  kind: "GROUP_COURSE",
  diagnosisScope: "DIAGNOSIS_SPECIFIC",
  audiences: ["PATIENTS"],
  priorityGroups: [],
  ...over,
});
const responsibility = (id: string, over: Partial<ResponsibilityCriteria> = {}): ResponsibilityCriteria => ({
  id,
  organisationId: trust,
  diagnosisScope: null,
  offerKinds: [],
  audiences: [],
  priorityGroups: [],
  ...over,
});

describe("offersByResponsibility", () => {
  const offers = [
    offer("course"),
    offer("family", { kind: "FAMILY_OFFER", audiences: ["CHILDREN_AND_YOUTH"] }),
    offer("friskliv", { providerId: municipality, diagnosisScope: "DIAGNOSIS_INDEPENDENT" }),
  ];

  it("fulfils a responsibility by the party's own linked offers that fit every criterion it names", () => {
    const found = offersByResponsibility(
      [
        responsibility("any"),
        responsibility("specific", { diagnosisScope: "DIAGNOSIS_SPECIFIC", offerKinds: ["GROUP_COURSE"] }),
        responsibility("youth", { audiences: ["CHILDREN_AND_YOUTH", "PARENTS"] }),
        responsibility("municipal", { organisationId: municipality }),
      ],
      offers,
    );
    expect(Object.fromEntries(found)).toEqual({
      any: ["course", "family"],
      specific: ["course"],
      youth: ["family"],
      municipal: ["friskliv"],
    });
  });

  it("leaves a gap where no linked offer of the party fits", () => {
    const found = offersByResponsibility(
      [
        responsibility("elderly", { priorityGroups: ["FRAIL_ELDERLY"] }),
        responsibility("independent", { diagnosisScope: "DIAGNOSIS_INDEPENDENT" }),
      ],
      offers,
    );
    expect(Object.fromEntries(found)).toEqual({ elderly: [], independent: [] });
  });
});
