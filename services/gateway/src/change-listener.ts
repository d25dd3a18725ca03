import { liveTopics } from "@samspill/events";
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
  subscriber.on("pmessage", (_pattern: string, channel: string) => {
    if (channel.startsWith(overviewPrefix)) onChange(channel.slice(overviewPrefix.length));
  });
  subscriber.on("message", (channel: string) => {
    if (channel === topics.outboxWake) onChange(null);
  });
  await subscriber.psubscribe(`${overviewPrefix}*`);
  await subscriber.subscribe(topics.outboxWake);
}
