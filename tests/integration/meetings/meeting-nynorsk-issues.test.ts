import { graphql } from "@samspill/graphql";
import { describe, expect, it } from "vitest";
import { validationIssues } from "../../support/answers.js";
import { testGateway } from "../../support/gateway.js";
import { db, useSeededDatabase } from "../../support/seeded.js";
import { expectNothingWritten, hmrEditor, meetingInput } from "./meeting-fixtures.js";

// A nynorsk reader's form shows `messageNn`: the gateway answers every issue in nynorsk too, for
// zod's own checks and for the domain's rules alike.

useSeededDatabase();

const create = graphql(`mutation($input: CreateMeetingPointInput!) { createMeetingPoint(input: $input) {
  __typename ... on ValidationError { issues { field code messageNb messageNn } } } }`);

describe("validation issues in nynorsk", () => {
  it("names every bad field in nynorsk as well as bokmål", async () => {
    await expectNothingWritten(async () => {
      const input = await meetingInput({ title: "", endsAt: "2031-05-12T07:00:00.000Z" });
      const response = await testGateway(db, hmrEditor).query(create, { input });
      expect(response.errors).toBeUndefined();
      const issues = validationIssues(response.data!.createMeetingPoint)!;
      expect(issues).toEqual([
        {
          field: "title",
          code: "too_small",
          messageNb: "For lite(n): forventet string til å ha >=1 tegn",
          messageNn: "For lite(n): venta at string skulle ha >=1 teikn",
        },
        {
          field: "endsAt",
          code: "ends_before_start",
          messageNb: "Et møte kan ikke slutte før det begynner",
          messageNn: "Eit møte kan ikkje slutte før det byrjar",
        },
      ]);
    });
  });
});
