import type { Prisma } from "@samspill/database";

// The row shapes the open-format mappers read. Routes load them with these includes, so the
// mappers never query and the compiler keeps both sides in step.

export const offerExportInclude = {
  provider: true,
  unit: true,
  municipalities: { include: { municipality: true }, orderBy: { municipalityNumber: "asc" } },
  sessions: { orderBy: { startsAt: "asc" } },
} satisfies Prisma.OfferInclude;

export type OfferForExport = Prisma.OfferGetPayload<{ include: typeof offerExportInclude }>;
export type SessionForExport = OfferForExport["sessions"][number];

export const meetingPointExportInclude = {
  organiser: true,
  healthCommunity: true,
  participants: { include: { organisation: true }, orderBy: { organisationId: "asc" } },
} satisfies Prisma.MeetingPointInclude;

export type MeetingPointForExport = Prisma.MeetingPointGetPayload<{
  include: typeof meetingPointExportInclude;
}>;

export interface ExportOptions {
  /** The hub's public URL (PUBLIC_URL), e.g. `https://samspill.no`; links in exports point there. */
  baseUrl: string;
  /** The moment the export describes: decides "next session" and alerts. Defaults to now. */
  now?: Date;
}

/** The hub's public page for an offer. */
export function offerPageUrl(baseUrl: string, offerId: string): string {
  return `${trimSlash(baseUrl)}/offers/${encodeURIComponent(offerId)}`;
}

/** The hub's public page for a meeting point. */
export function meetingPointPageUrl(baseUrl: string, meetingPointId: string): string {
  return `${trimSlash(baseUrl)}/meeting-points/${encodeURIComponent(meetingPointId)}`;
}

export function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
