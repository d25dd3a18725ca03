import type { Database } from "@samspill/database";
import type { OfferFormat, OfferKind } from "@samspill/domain";
import { describeFilter, offerWhere, type SubscriberFilter } from "./filters.js";
import type { HalfYear } from "./periods.js";

// The half-yearly summary of offers (plan 2.4.4 c: "send poster and link to the web page
// internally and externally every half-year"): every published offer in the subscriber's
// filter, by provider, with its dates in the half-year, laid out to print as a poster.

export interface PosterOffer {
  id: string;
  title: string;
  summary: string;
  kind: OfferKind;
  format: OfferFormat;
  location: string | null;
  languages: string[];
  /** Session starts in the half-year, at most six. */
  sessions: Date[];
  howToJoin: string | null;
  contact: string | null;
  registrationUrl: string | null;
}

export interface PosterProvider {
  name: string;
  offers: PosterOffer[];
}

export interface HalfYearlyContent {
  recipientName: string;
  half: HalfYear;
  filterNames: string[];
  /** The filter itself: its groups are named again in the recipient's language. */
  filter: SubscriberFilter;
  providers: PosterProvider[];
  offerCount: number;
}

export async function buildHalfYearly(
  db: Database,
  input: { recipientName: string; filter: SubscriberFilter; half: HalfYear },
): Promise<HalfYearlyContent> {
  const { half } = input;
  const dayAfter = new Date(half.end.getTime() + 86_400_000);
  const [offers, filterNames] = await Promise.all([
    db.offer.findMany({
      where: { status: "PUBLISHED", ...offerWhere(input.filter) },
      orderBy: [{ provider: { name: "asc" } }, { title: "asc" }, { id: "asc" }],
      select: {
        id: true,
        title: true,
        summary: true,
        kind: true,
        format: true,
        location: true,
        languages: true,
        howToJoin: true,
        contactName: true,
        contactEmail: true,
        contactPhone: true,
        registrationUrl: true,
        provider: { select: { name: true } },
        sessions: {
          where: { cancelled: false, startsAt: { gte: half.start, lt: dayAfter } },
          orderBy: { startsAt: "asc" },
          take: 6,
          select: { startsAt: true },
        },
      },
    }),
    describeFilter(db, input.filter),
  ]);
  const providers: PosterProvider[] = [];
  for (const o of offers) {
    let provider = providers.at(-1);
    if (provider?.name !== o.provider.name) {
      provider = { name: o.provider.name, offers: [] };
      providers.push(provider);
    }
    provider.offers.push({
      id: o.id,
      title: o.title,
      summary: o.summary,
      kind: o.kind,
      format: o.format,
      location: o.location,
      languages: o.languages,
      sessions: o.sessions.map((s) => s.startsAt),
      howToJoin: o.howToJoin,
      contact: [o.contactName, o.contactPhone, o.contactEmail].filter(Boolean).join(", ") || null,
      registrationUrl: o.registrationUrl,
    });
  }
  return {
    recipientName: input.recipientName,
    half,
    filterNames,
    filter: input.filter,
    providers,
    offerCount: offers.length,
  };
}
