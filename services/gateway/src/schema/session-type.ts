import { builder } from "../builder.js";
import { placesSelect, sessionPlaces } from "./session-places.js";

// One dated run of an offer. Its place counts go through the small-count rule for callers
// outside the provider (session-places.ts); kept apart from offer.ts so both stay small.
builder.prismaObject("OfferSession", {
  select: { id: true },
  fields: (t) => ({
    id: t.exposeID("id"),
    startsAt: t.expose("startsAt", { type: "DateTime" }),
    endsAt: t.expose("endsAt", { type: "DateTime" }),
    location: t.exposeString("location", { nullable: true }),
    onlineUrl: t.exposeString("onlineUrl", { nullable: true }),
    capacity: t.exposeInt("capacity", { nullable: true }),
    registrations: t.int({
      nullable: true,
      description: "Null for callers outside the provider where fewer people than the threshold registered.",
      select: placesSelect,
      resolve: (s, _args, ctx) => sessionPlaces(s, ctx).registrations,
    }),
    availablePlaces: t.int({
      nullable: true,
      select: placesSelect,
      resolve: (s, _args, ctx) => sessionPlaces(s, ctx).availablePlaces,
    }),
    cancelled: t.exposeBoolean("cancelled"),
    note: t.exposeString("note", { nullable: true }),
    whatToBring: t.exposeString("whatToBring", { nullable: true }),
    version: t.exposeInt("version"),
    offer: t.relation("offer"),
  }),
});
