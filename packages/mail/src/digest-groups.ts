import type { Database } from "@samspill/database";
import type { WrittenLanguage } from "@samspill/domain";
import {
  buildDigest,
  type DigestContent,
  type DigestLookups,
  filterKey,
  isEmptyDigest,
} from "./digest-content.js";
import type { SubscriberFilter } from "./filters.js";
import type { OfferEvent } from "./offer-changes.js";
import { osloDate } from "./oslo.js";
import type { DigestTemplate, DigestTemplates } from "./templates/digest.js";
import type { RenderedMail } from "./templates/render.js";

// A weekly digest run mails thousands of subscribers, and most say the same as many others: the
// same filter, the same events since their last digest, the same agreements (none, for the
// public). Such subscribers form a group; its content is built and rendered once per language,
// and each recipient's mail is that text with their own name and unsubscribe link filled in.

/** One subscriber of a run, as far as their digest depends on them. */
export interface DigestReader {
  name: string;
  filter: SubscriberFilter;
  /** Where their window starts (digestSince). */
  since: Date;
  /** Their organisations: a digest lists only the expiring agreements one of them is party to. */
  organisationIds: readonly string[];
  language: WrittenLanguage;
  /** Their signed unsubscribe page. */
  unsubscribeUrl: string;
}

export interface DigestRun {
  until: Date;
  /** The offer events of every window of the run (loadOfferEvents). */
  events: readonly OfferEvent[];
  /** The run's lookups, with its catalogue (digestLookups, loadDigestCatalogue). */
  lookups: DigestLookups;
  templates: DigestTemplates;
}

export interface GroupedDigests {
  /** The reader's mail, or null when their digest has nothing to tell. */
  mailFor(reader: DigestReader): Promise<RenderedMail | null>;
  /** Content groups built so far (to report how well the run grouped). */
  readonly groups: number;
}

/**
 * Equal for two readers exactly when their digests say the same but for the name: the filter,
 * the events in the window and the Oslo date it starts on (the mail names it), and the
 * agreements shown to them.
 */
async function groupKey(run: DigestRun, reader: DigestReader): Promise<string> {
  const agreements = await run.lookups.agreements(reader.filter, run.until);
  const shown = agreements.filter((a) => a.partyIds.some((id) => reader.organisationIds.includes(id)));
  return [
    filterKey(reader.filter),
    run.lookups.window(run.events, reader.since, run.until),
    osloDate(reader.since),
    shown.map((a) => a.id).join(","),
  ].join("|");
}

/**
 * Sorts readers so that those who may share a group come one after the other: the same filter,
 * window start, organisations and language. groupedDigests keeps only the last groups it built,
 * so a chunk read in this order renders each group once while holding a few at a time.
 */
export function digestReaderOrder(
  reader: Pick<DigestReader, "filter" | "since" | "organisationIds" | "language">,
) {
  return [
    filterKey(reader.filter),
    osloDate(reader.since),
    [...reader.organisationIds].sort().join(","),
    reader.language,
  ].join("|");
}

/**
 * Groups remembered at once. A chunk of 500 national subscribers formed some 320 groups; keeping
 * every one's rendered text (about 60 KB each, per language) for the whole chunk held tens of MB
 * per chunk. In digestReaderOrder the groups in use are the few the mail lanes are on.
 */
export const rememberedGroups = 32;

/** Remembers the promises of the last `max` keys used; a failure is forgotten, so it is tried again. */
export function recentMemo<T>(max: number) {
  const memo = new Map<string, Promise<T>>();
  return {
    get size() {
      return memo.size;
    },
    remembered(key: string, make: () => Promise<T>): Promise<T> {
      let found = memo.get(key);
      if (found) {
        // Used again: it moves to the end, the newest.
        memo.delete(key);
      } else {
        found = make();
        found.catch(() => {
          if (memo.get(key) === found) memo.delete(key);
        });
      }
      memo.set(key, found);
      if (memo.size > max) memo.delete(memo.keys().next().value as string);
      return found;
    },
  };
}

export function groupedDigests(db: Database, run: DigestRun): GroupedDigests {
  const contents = recentMemo<DigestContent>(rememberedGroups);
  const templates = recentMemo<DigestTemplate | null>(rememberedGroups);
  let built = 0;
  return {
    get groups() {
      return built;
    },
    async mailFor(reader) {
      const key = await groupKey(run, reader);
      const template = await templates.remembered(`${key}|${reader.language}`, async () => {
        const content = await contents.remembered(key, () => {
          built += 1;
          return buildDigest(db, {
            // The name is filled in per reader; the group's content has none.
            recipientName: "",
            recipientOrganisationIds: reader.organisationIds,
            filter: reader.filter,
            since: reader.since,
            until: run.until,
            events: run.events,
            lookups: run.lookups,
          });
        });
        return isEmptyDigest(content) ? null : run.templates(content, reader.language, true);
      });
      return template ? template.fill(reader.name, reader.unsubscribeUrl) : null;
    },
  };
}
