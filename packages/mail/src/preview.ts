import type { Database } from "@samspill/database";
import { buildDigest, digestSince, isEmptyDigest } from "./digest-content.js";
import { withCatchments } from "./filters.js";
import { loadOfferEvents } from "./offer-changes.js";
import { isoWeekKey, weekLabel } from "./periods.js";
import { recipientLanguage } from "./recipient-language.js";
import { renderDigest } from "./templates/digest.js";

export interface DigestPreview {
  periodKey: string;
  since: Date;
  subject: string;
  html: string;
  text: string;
  /** True when the digest would not be sent because nothing in the subscriber's filter changed. */
  empty: boolean;
  /** False when the subscription is switched off. */
  active: boolean;
}

/**
 * The digest the person would get if the weekly job ran now, rendered exactly as the job
 * renders it but not sent and not recorded. Null when the person has no weekly subscription.
 */
export async function previewDigest(
  db: Database,
  personId: string,
  options: { publicUrl: string; smallCountThreshold: number; at?: Date },
): Promise<DigestPreview | null> {
  const at = options.at ?? new Date();
  const subscription = await db.subscription.findUnique({
    where: { personId_kind: { personId, kind: "WEEKLY_DIGEST" } },
    include: {
      person: { select: { name: true, email: true, memberships: { select: { organisationId: true } } } },
    },
  });
  if (!subscription) return null;
  const last = await db.sentSummary.findFirst({
    where: { kind: "WEEKLY_DIGEST", recipient: subscription.person.email, sentAt: { lt: at } },
    orderBy: { sentAt: "desc" },
    select: { sentAt: true },
  });
  const since = digestSince(last?.sentAt ?? null, at);
  const content = await buildDigest(db, {
    recipientName: subscription.person.name,
    recipientOrganisationIds: subscription.person.memberships.map((m) => m.organisationId),
    filter: (await withCatchments(db, [subscription]))[0] ?? subscription,
    since,
    until: at,
    events: await loadOfferEvents(db, since, at),
  });
  const periodKey = isoWeekKey(at);
  // In the person's written language, as the weekly job would send it.
  const language = await recipientLanguage(db, personId);
  const mail = await renderDigest({
    content,
    publicUrl: options.publicUrl,
    weekLabel: weekLabel(periodKey, language),
    smallCountThreshold: options.smallCountThreshold,
    language,
  });
  return { periodKey, since, ...mail, empty: isEmptyDigest(content), active: subscription.active };
}
