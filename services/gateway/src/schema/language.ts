import { setMyLanguage } from "@samspill/commands";
import { type WrittenLanguage, writtenLanguageOf, writtenLanguages } from "@samspill/domain";
import { builder } from "../builder.js";
import { unitOf } from "../commands.js";
import type { Context } from "../context.js";
import { mutationErrors } from "./errors.js";

// Written languages (målform): bokmål, nynorsk and English. A person's mails go out in their own
// choice, else their organisation's, else bokmål; an offer's texts carry the language they were
// written in, so the catalogue can mark them for screen readers and translators.

export const WrittenLanguageEnum = builder.enumType("WrittenLanguage", {
  description: "A written standard: nb (bokmål), nn (nynorsk) or en (English).",
  values: writtenLanguages,
});

interface MyLanguage {
  chosen: WrittenLanguage | null;
  effective: WrittenLanguage;
}

const MyLanguageRef = builder.objectRef<MyLanguage>("MyLanguage").implement({
  description: "The written language the signed-in person's mails go out in.",
  fields: (t) => ({
    chosen: t.expose("chosen", {
      type: WrittenLanguageEnum,
      nullable: true,
      description: "The person's own choice; null follows their organisation's language.",
    }),
    effective: t.expose("effective", {
      type: WrittenLanguageEnum,
      description: "What mails use now: the choice, else the first organisation's, else nb.",
    }),
  }),
});

async function myLanguage(ctx: Context, personId: string): Promise<MyLanguage | null> {
  const person = await ctx.db.person.findUnique({
    where: { id: personId },
    select: {
      language: true,
      memberships: {
        orderBy: { createdAt: "asc" },
        select: { organisation: { select: { language: true } } },
      },
    },
  });
  if (!person) return null;
  const organisations = person.memberships.map((m) => m.organisation.language);
  return { chosen: person.language, effective: writtenLanguageOf(person.language, organisations) };
}

builder.queryFields((t) => ({
  myLanguage: t.field({
    type: MyLanguageRef,
    nullable: true,
    description: "The signed-in person's mail language; null for API tokens.",
    authScopes: { signedIn: true },
    resolve: (_root, _args, ctx) => (ctx.viewer?.personId ? myLanguage(ctx, ctx.viewer.personId) : null),
  }),
}));

builder.mutationFields((t) => ({
  setMyLanguage: t.field({
    type: MyLanguageRef,
    description:
      "Sets the written language of the signed-in person's own mails; null follows their organisation.",
    errors: { types: mutationErrors },
    args: { language: t.arg({ type: WrittenLanguageEnum, required: false }) },
    authScopes: { signedIn: true },
    resolve: async (_root, args, ctx) => {
      const { id } = await setMyLanguage(unitOf(ctx), ctx.viewer, { language: args.language ?? null });
      const answer = await myLanguage({ ...ctx, db: ctx.primary ?? ctx.db }, id);
      if (!answer) throw new Error("The person disappeared while setting their language");
      return answer;
    },
  }),
}));
