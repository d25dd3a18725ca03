import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import {
  liveTopics,
  type OrganisationEventMessage,
  type OverviewChange,
  organisationEventMessage,
  overviewChange,
} from "@samspill/events";
import { getOperationAST } from "graphql";
import { createPubSub, type Plugin, Repeater } from "graphql-yoga";
import type { Redis } from "ioredis";
import type { z } from "zod";

// Live updates. The worker publishes overview changes and organisation events to Redis; every
// gateway instance receives them through graphql-yoga's pub/sub over a Redis event target and
// streams them to its subscribers over SSE. Messages are checked against the shared zod schemas,
// so a malformed one is dropped instead of reaching a client.

export interface GatewayPubSub {
  overviewChanged(hospitalTrustId: string): AsyncIterable<OverviewChange>;
  organisationEvents(organisationId: string): AsyncIterable<OrganisationEventMessage>;
  /** Tells outbox relays that a mutation just committed, so they need not wait for their poll. */
  wakeRelay(): void;
  /** Ends every open subscription (so SSE responses finish and the server can close). */
  close(): Promise<void>;
}

export interface PubSubOptions {
  /** The deployment's hash-tagged prefix, e.g. `{samspill}`; must match the worker's. */
  prefix: string;
  /** Without Redis, messages stay in this process (tests, a single instance without a worker). */
  redis?: { publish: Redis; subscribe: Redis };
}

type Topics = Record<string, [string, unknown]>;

export function createGatewayPubSub(options: PubSubOptions): GatewayPubSub {
  const topics = liveTopics(options.prefix);
  const pubsub = createPubSub<Topics>(
    options.redis
      ? {
          eventTarget: createRedisEventTarget({
            publishClient: options.redis.publish,
            subscribeClient: options.redis.subscribe,
          }),
        }
      : {},
  );
  const open = new Set<() => void>();

  function stream<S extends z.ZodType>(
    topic: string,
    id: string,
    schema: S,
    pass: (message: z.output<S>) => boolean = () => true,
  ): AsyncIterable<z.output<S>> {
    return new Repeater<z.output<S>>(async (push, stop) => {
      const source = pubsub.subscribe(topic, id);
      const end = () => stop();
      open.add(end);
      const pump = (async () => {
        for await (const message of source) {
          const parsed = schema.safeParse(message);
          if (parsed.success && pass(parsed.data)) await push(parsed.data);
        }
      })();
      await stop;
      open.delete(end);
      await source.return();
      await pump;
    });
  }

  return {
    // The projector also announces events that left the overview as it was: a subscriber would
    // only refetch the same figures, so those stop here.
    overviewChanged: (hospitalTrustId) =>
      stream(topics.overviewChanged, hospitalTrustId, overviewChange, (c) => c.changed),
    organisationEvents: (organisationId) =>
      stream(topics.organisationEvent, organisationId, organisationEventMessage),
    wakeRelay() {
      // Best effort: a lost wake-up only means the relay's next poll picks the event up.
      options.redis?.publish.publish(topics.outboxWake, "1").catch(() => undefined);
    },
    async close() {
      for (const end of [...open]) end();
      if (options.redis) await options.redis.subscribe.quit().catch(() => undefined);
    },
  };
}

/**
 * Wakes the outbox relays after every executed mutation. onExecuteDone runs once the resolvers
 * returned, so their transactions have committed: the relay finds the events on its first try.
 */
export function wakeRelayAfterMutations(pubsub: GatewayPubSub): Plugin {
  return {
    onExecute({ args }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== "mutation") return;
      return {
        onExecuteDone() {
          pubsub.wakeRelay();
        },
      };
    },
  };
}
