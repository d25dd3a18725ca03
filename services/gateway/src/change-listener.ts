import { liveTopics, overviewChange } from "@samspill/events";
import type { Redis } from "ioredis";

/**
 * Hears what changes the hub's data, for the caches (overview-cache.ts, response-cache.ts): the
 * worker's "overview changed" for a hospital trust, and the relay wake-up every gateway publishes
 * after a committed mutation (`null`: anything may have changed). Needs a connection of its own,
 * as a subscribed one can do nothing else.
 */
export async function listenForChanges(
  subscriber: Redis,
  prefix: string,
  onChange: (hospitalTrustId: string | null) => void,
): Promise<void> {
  const topics = liveTopics(prefix);
  const overviewPrefix = `${topics.overviewChanged}:`;
  subscriber.on("pmessage", (_pattern: string, channel: string, message: string) => {
    if (!channel.startsWith(overviewPrefix) || !changedOverview(message)) return;
    onChange(channel.slice(overviewPrefix.length));
  });
  subscriber.on("message", (channel: string) => {
    if (channel === topics.outboxWake) onChange(null);
  });
  await subscriber.psubscribe(`${overviewPrefix}*`);
  await subscriber.subscribe(topics.outboxWake);
}

/**
 * Whether an overview announcement changed anything: the projector also announces events that
 * left the overview as it was, and dropping a cache for those would only make the next reader
 * recompute the same figures. A message that cannot be read is taken as a change, as dropping a
 * cache once too often costs less than serving a stale one.
 */
function changedOverview(message: string): boolean {
  try {
    const parsed = overviewChange.safeParse(JSON.parse(message));
    return !parsed.success || parsed.data.changed;
  } catch {
    return true;
  }
}
