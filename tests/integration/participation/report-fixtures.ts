import { graphql, type VariablesOf } from "@samspill/graphql";
import { seedId } from "@samspill/seed/ids";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";
import { db } from "../../support/seeded.js";

// What the participation-report tests share: FFO's reporter, the offer it reports on, a set of
// figures and the report mutation.

export const ffoReporter = () => ({
  ...viewerWith([{ org: "uo:ffo", role: "REPORTER" }], "Sigrid Moe"),
  personId: seedId("person:sigrid"),
});
export const ffo = orgId("uo:ffo");
export const diabetes = seedId("offer:stolav-diabetes2");

export const report = graphql(`mutation Report($input: ReportParticipationInput!) {
  reportParticipation(input: $input) {
    __typename
    ... on MutationReportParticipationSuccess {
      data { id version reporter { id } offer { id } meetingPointId totalParticipants patients carers userRepsDelivery notes periodStart periodEnd }
    }
    ... on ValidationError { issues { field code message messageNb } }
    ... on NotFoundError { entityType entityId }
    ... on ForbiddenError { message }
  }
}`);

export const figures = {
  reporterId: ffo,
  offerId: diabetes,
  periodStart: "2025-01-01",
  periodEnd: "2025-06-30",
  patients: 14,
  carers: 6,
  userRepsPlanning: 1,
  userRepsDelivery: 2,
  userRepsEvaluation: 1,
  notes: "To kurs, begge med brukerrepresentant",
};

export async function reportAs(
  viewer: ReturnType<typeof viewerWith> | null,
  input: VariablesOf<typeof report>["input"],
) {
  const result = await testGateway(db, viewer).query(report, { input });
  return result;
}
