import { describe, expect, it } from "vitest";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";
import { db, useSeededDatabase } from "../../support/seeded.js";
import {
  createMeeting,
  hmrEditor,
  listQuery,
  MOLDE_D5,
  moldeEditor,
  mrForum,
  oneQuery,
  trondelagForum,
  trondheimEditor,
  type Viewer,
} from "./meeting-fixtures.js";

// Meeting points through HTTP: who sees which, and how the list filters.

useSeededDatabase();

describe("who sees which meeting point", () => {
  const idsFor = async (viewer: Viewer, filter: Record<string, unknown> = {}) => {
    const response = await testGateway(db, viewer).query(listQuery, { filter, first: 100 });
    expect(response.errors).toBeUndefined();
    return response.data!.meetingPoints.edges.map((e) => e.node.id);
  };

  it("shows the organiser's and participants' members and the community's forum, nobody else", async () => {
    const meeting = await createMeeting();
    for (const viewer of [hmrEditor, viewerWith([{ org: "mun:1508", role: "VIEWER" }]), mrForum]) {
      expect(await idsFor(viewer)).toContain(meeting.id);
    }
    for (const viewer of [
      trondheimEditor,
      trondelagForum,
      viewerWith([{ org: "hf-community:mr", role: "VIEWER" }]),
    ]) {
      expect(await idsFor(viewer)).not.toContain(meeting.id);
      const one = await testGateway(db, viewer).query(oneQuery, {
        id: meeting.id,
      });
      expect(one.errors).toBeUndefined();
      expect(one.data!.meetingPoint).toBeNull();
    }
    const anonymous = await testGateway(db).query(listQuery, {});
    expect(anonymous.errors?.[0]?.message).toMatch(/not authorized/i);
  });

  it("shows the agreement only to those who may see it", async () => {
    const meeting = await createMeeting({ participantIds: [orgId("mun:1506"), orgId("uni:ntnu")] });
    const molde = await testGateway(db, moldeEditor).query(oneQuery, {
      id: meeting.id,
    });
    expect(molde.data!.meetingPoint!.agreement?.title).toBe(MOLDE_D5);
    // NTNU takes part in the meeting but is no party to the agreement, nor in the health community.
    const ntnu = await testGateway(db, viewerWith([{ org: "uni:ntnu", role: "VIEWER" }])).query(oneQuery, {
      id: meeting.id,
    });
    expect(ntnu.data!.meetingPoint!.title).toBe(meeting.title);
    expect(ntnu.data!.meetingPoint!.agreement).toBeNull();
  });

  it("filters by organisation, health community, period and kind", async () => {
    const meeting = await createMeeting();
    const network = await createMeeting({
      kind: "PROFESSIONAL_NETWORK",
      healthCommunityId: null,
      agreementId: null,
      startsAt: "2031-09-01T08:00:00.000Z",
      endsAt: "2031-09-01T10:00:00.000Z",
      participantIds: [orgId("mun:1577")],
    });
    const rhfAndCommunity = viewerWith([
      { org: "hf:hmr", role: "VIEWER" },
      { org: "hf-community:mr", role: "FORUM_MEMBER" },
    ]);
    const volda = await idsFor(rhfAndCommunity, { organisationId: orgId("mun:1577") });
    expect(volda).toContain(network.id);
    expect(volda).not.toContain(meeting.id);
    const forum = await idsFor(rhfAndCommunity, {
      healthCommunityId: orgId("hf-community:mr"),
      kind: "HEALTH_COMMUNITY_FORUM",
    });
    expect(forum).toContain(meeting.id);
    expect(forum).not.toContain(network.id);
    const may = await idsFor(rhfAndCommunity, { from: "2031-05-01T00:00:00Z", to: "2031-05-31T23:59:59Z" });
    expect(may).toContain(meeting.id);
    expect(may).not.toContain(network.id);
    const networks = await idsFor(rhfAndCommunity, {
      kind: "PROFESSIONAL_NETWORK",
      from: "2031-01-01T00:00:00Z",
    });
    expect(networks).toContain(network.id);
    expect(networks).not.toContain(meeting.id);
  });
});
