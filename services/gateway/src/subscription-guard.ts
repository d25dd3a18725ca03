import type { ExecutionResult } from "graphql";
import { type Plugin, Repeater } from "graphql-yoga";
import type { Context, Viewer } from "./context.js";
import { securityEventsOfThisRequest } from "./security-events.js";

// A subscription is authorised once, when it starts; an SSE stream can then stay open for
// hours. So every open stream of a signed-in caller looks its caller up again at an interval,
// from the same request (cookie or token), and ends when the session or token is gone or the
// caller lost a membership it had when the stream began. The browser reconnects and is then
// authorised afresh. Anonymous streams see only public data and are left alone.
//
// Looking a session up extends its idle lifetime like any request; the absolute lifetime
// (sessions.ts) still ends it.

export interface SubscriptionGuardOptions {
  /** Looks the caller of a request up afresh (not from a per-request cache). */
  recheckViewer: (request: Request) => Promise<Viewer | null>;
  intervalMs: number;
}

export function endSubscriptionsWithTheirViewer(options: SubscriptionGuardOptions): Plugin {
  return {
    onSubscribe({ args }) {
      const context = args.contextValue as unknown as Context & { request?: Request };
      const { viewer, request } = context;
      if (!viewer || !request) return;
      const stillAllowed = async () => keepsEverything(viewer, await options.recheckViewer(request));
      // Captured now: the re-checks run on a timer, outside the request's scope.
      const refused = securityEventsOfThisRequest();
      const ended = () => refused("denied", "subscription-ended", { operation: "subscription" });
      return {
        onSubscribeResult({ result, setResult }) {
          if (!isAsyncIterable(result)) return;
          setResult(guarded(result, stillAllowed, options.intervalMs, context, ended));
        },
      };
    },
  };
}

/** True when `now` is still a caller holding every membership `then` had. */
function keepsEverything(then: Viewer, now: Viewer | null): boolean {
  if (!now || now.kind !== then.kind || now.personId !== then.personId || now.tokenId !== then.tokenId)
    return false;
  return then.memberships.every((m) =>
    now.memberships.some((n) => n.organisationId === m.organisationId && n.role === m.role),
  );
}

function guarded(
  source: AsyncIterable<ExecutionResult>,
  stillAllowed: () => Promise<boolean>,
  intervalMs: number,
  context: Context,
  ended: () => void,
): AsyncIterableIterator<ExecutionResult> {
  return new Repeater<ExecutionResult>(async (push, stop) => {
    const iterator = source[Symbol.asyncIterator]();
    // Re-checks may overlap when a lookup is slow: the stream ends, and is counted, once.
    let ending = false;
    const timer = setInterval(() => {
      stillAllowed().then(
        (allowed) => {
          if (allowed || ending) return;
          ending = true;
          context.log.info("subscription ended: its session or token is gone or lost a membership");
          // Logged and counted like any refusal (security-events.ts).
          ended();
          stop();
        },
        // A failed lookup (database briefly away) is not a revocation: check again next time.
        (error: unknown) => context.log.warn({ err: error }, "subscription re-check failed"),
      );
    }, intervalMs);
    void (async () => {
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        await push(next.value);
      }
      stop();
    })().catch((error: unknown) => stop(error));
    await stop;
    clearInterval(timer);
    // Not awaited: the source may be parked in a pending next() that ending it resolves.
    iterator.return?.().catch(() => undefined);
  });
}

function isAsyncIterable(value: unknown): value is AsyncIterable<ExecutionResult> {
  return typeof (value as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === "function";
}
