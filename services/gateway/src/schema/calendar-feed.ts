import { createMyCalendarFeed, revokeMyCalendarFeed } from "@samspill/commands";
import { builder } from "../builder.js";
import { unitOf } from "../commands.js";
import { mutationErrors } from "./errors.js";

// A signed-in person's private calendar feed of their meetings (web page /subscriptions). The
// link is shown once, when made; afterwards the page can only say that one exists and revoke it.
// Only ever the caller's own: the commands take the person from the caller, never the input.

/** The feed's address on the hub: the calendar routes serve it (routes/calendar-feeds.ts). */
export const personalFeedPath = (token: string) => `/calendar/people/${token}.ics`;

interface FeedLink {
  url: string;
  createdAt: Date;
}

const CalendarFeedLink = builder.objectRef<FeedLink>("CalendarFeedLink").implement({
  description: "A new private calendar feed link. The URL is shown this once: only a hash of it is kept.",
  fields: (t) => ({
    url: t.exposeString("url", { description: "Subscribe to this in a calendar client; keep it private." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.queryField("myCalendarFeedCreatedAt", (t) =>
  t.field({
    type: "DateTime",
    nullable: true,
    description:
      "When the signed-in person's live private calendar feed link was made; null when there is none.",
    authScopes: { signedIn: true },
    resolve: async (_root, _args, ctx) => {
      if (ctx.viewer?.kind !== "PERSON" || !ctx.viewer.personId) return null;
      const live = await ctx.db.calendarFeed.findFirst({
        where: { personId: ctx.viewer.personId, revokedAt: null },
        orderBy: { createdAt: "desc" },
        select: { createdAt: true },
      });
      return live?.createdAt ?? null;
    },
  }),
);

builder.mutationFields((t) => ({
  createMyCalendarFeed: t.field({
    type: CalendarFeedLink,
    description: "Makes a private calendar feed link of your meetings, revoking the one you had.",
    errors: { types: mutationErrors },
    authScopes: { signedIn: true },
    resolve: async (_root, _args, ctx) => {
      const feed = await createMyCalendarFeed(unitOf(ctx), ctx.viewer);
      return {
        url: `${ctx.publicUrl.replace(/\/+$/, "")}${personalFeedPath(feed.token)}`,
        createdAt: feed.createdAt,
      };
    },
  }),

  revokeMyCalendarFeed: t.boolean({
    description: "Revokes your private calendar feed link; it then answers 404. False when there was none.",
    errors: { types: mutationErrors },
    authScopes: { signedIn: true },
    resolve: (_root, _args, ctx) => revokeMyCalendarFeed(unitOf(ctx), ctx.viewer),
  }),
}));
