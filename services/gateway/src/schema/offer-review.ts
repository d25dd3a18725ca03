import { markOfferReviewed } from "@samspill/commands";
import type { Prisma } from "@samspill/database";
import { builder } from "../builder.js";
import { unitOf } from "../commands.js";
import { mutationErrors } from "./errors.js";

// The five-yearly review of a course with its department (LMS plan 2.1.3 a), marked held by the
// provider's ADMINs and EDITORs; the next review, and its reminder, move five years on.

builder.mutationFields((t) => ({
  markOfferReviewed: t.prismaField({
    type: "Offer",
    description:
      "Marks the offer's five-yearly review held (today unless reviewedOn is given) and moves the next review five years on, as ADMIN or EDITOR of the provider.",
    errors: { types: mutationErrors },
    args: {
      id: t.arg.id({ required: true }),
      version: t.arg.int({ required: true, description: "The version you saw; a stale one is refused." }),
      reviewedOn: t.arg.string({ description: "YYYY-MM-DD, not in the future; today when not given." }),
    },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) =>
      ctx.db.offer.findUniqueOrThrow({
        ...query,
        where: await markOfferReviewed(unitOf(ctx), ctx.viewer, args),
      } as Prisma.OfferFindUniqueOrThrowArgs),
  }),
}));
