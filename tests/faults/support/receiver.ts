import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Database } from "@samspill/database";

// An integrator's webhook receiver: answers 200 and remembers which event each POST carried, so
// a test can tell a delivery that never came from one that came twice.

export interface Receiver {
  url: string;
  /** POSTs received per Samspill-Event-Id. */
  byEvent: Map<string, number>;
  /** Subscribes `organisationId` to every event type it may see. */
  subscribe(db: Database, organisationId: string): Promise<string>;
  /** Deliveries of `eventIds`: how many arrived at all, and how many arrived more than once. */
  count(eventIds: readonly string[]): { received: number; duplicated: number };
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const byEvent = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const id = req.headers["samspill-event-id"];
      if (typeof id === "string") byEvent.set(id, (byEvent.get(id) ?? 0) + 1);
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return {
    url,
    byEvent,
    async subscribe(db, organisationId) {
      const row = await db.webhookSubscription.create({
        data: { organisationId, url, secret: randomBytes(24).toString("hex"), eventTypes: [] },
        select: { id: true },
      });
      return row.id;
    },
    count(eventIds) {
      let received = 0;
      let duplicated = 0;
      for (const id of eventIds) {
        const n = byEvent.get(id) ?? 0;
        if (n > 0) received += 1;
        if (n > 1) duplicated += n - 1;
      }
      return { received, duplicated };
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
