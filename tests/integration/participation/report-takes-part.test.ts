import { seedId } from "@samspill/seed/ids";
import { describe, expect, it } from "vitest";
import { orgId, viewerWith } from "../../support/gateway.js";
import { db, useSeededDatabase } from "../../support/seeded.js";
import { ffoReporter, figures, reportAs } from "./report-fixtures.js";

// A reporter reports only on offers its organisation takes part in: its own, those under an
// agreement it is party to, and, for a user organisation, those with user representatives.

useSeededDatabase();

const reporterOf = (org: string) => viewerWith([{ org, role: "REPORTER" }]);
const noUserReps = seedId("offer:molde-bra-mat"); // Molde's published course, no user representatives

describe("which offers a reporter may report on", () => {
  it("refuses published offers the reporter's organisation has no part in, writing nothing", async () => {
    const before = await db.participationReport.count();
    const byUserOrganisation = await reportAs(ffoReporter(), { ...figures, offerId: noUserReps });
    expect(byUserOrganisation.data?.reportParticipation.__typename).toBe("ForbiddenError");
    const trondheim = orgId("mun:5001");
    const byOtherMunicipality = await reportAs(reporterOf("mun:5001"), {
      ...figures,
      reporterId: trondheim,
      offerId: seedId("offer:molde-hjertekurs"),
    });
    expect(byOtherMunicipality.data?.reportParticipation.__typename).toBe("ForbiddenError");
    expect(await db.participationReport.count()).toBe(before);
  });

  it("accepts the provider's own offer and a user organisation's report on a course with user representatives", async () => {
    const own = await reportAs(reporterOf("mun:1506"), {
      ...figures,
      reporterId: orgId("mun:1506"),
      offerId: noUserReps,
      periodStart: "2025-07-01",
      periodEnd: "2025-12-31",
    });
    expect(own.data?.reportParticipation.__typename).toBe("MutationReportParticipationSuccess");
    const ffo = await reportAs(ffoReporter(), {
      ...figures,
      periodStart: "2024-01-01",
      periodEnd: "2024-06-30",
    });
    expect(ffo.data?.reportParticipation.__typename).toBe("MutationReportParticipationSuccess");
  });
});
