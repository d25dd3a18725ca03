import { builder } from "../builder.js";

// The overview's enums: what its columns are, and the kinds of gap it lists.

export const OverviewDimensionEnum = builder.enumType("OverviewDimension", {
  description: "What the columns of the overview matrix are.",
  values: ["PRIORITY_GROUP", "DIAGNOSIS_GROUP", "FORMAT", "LANGUAGE"] as const,
});

export const GapKindEnum = builder.enumType("OverviewGapKind", {
  values: {
    MUNICIPALITY_WITHOUT_OFFER: { description: "Not one published offer serves the municipality." },
    PRIORITY_GROUP_WITHOUT_OFFER: {
      description: "No municipality in scope has an offer for the priority group.",
    },
    PRIORITY_GROUP_MISSING_IN_MUNICIPALITY: {
      description: "The municipality has offers, but none for this priority group.",
    },
  } as const,
});
