import { builder } from "../builder.js";
import { type FacetCount, offerFacets } from "../search/offer-facets.js";
import { OfferFilterInput, visibleOrganisations } from "./offer.js";
import { GeoPlaceRef, searchFilters } from "./offer-search-inputs.js";

// The catalogue's facets: for the search as filtered, how many offers each value would leave.

const FacetCountRef = builder.objectRef<FacetCount>("FacetCount").implement({
  description: "A facet value (an enum name, language code, municipality number) and its offers.",
  fields: (t) => ({ value: t.exposeString("value"), count: t.exposeInt("count") }),
});

type Facets = Awaited<ReturnType<typeof offerFacets>> & {
  origin: { name: string | null; latitude: number; longitude: number } | null;
};

const OfferFacetsRef = builder.objectRef<Facets>("OfferFacets").implement({
  description: "Counts of the current search's offers per value; values with none are left out.",
  fields: (t) => ({
    formats: t.expose("format", { type: [FacetCountRef] }),
    languages: t.expose("language", { type: [FacetCountRef] }),
    audiences: t.expose("audience", { type: [FacetCountRef] }),
    kinds: t.expose("kind", { type: [FacetCountRef] }),
    diagnosisGroups: t.expose("diagnosisGroup", { type: [FacetCountRef] }),
    municipalities: t.expose("municipality", {
      type: [FacetCountRef],
      description: "By municipality number.",
    }),
    daysOfWeek: t.expose("dayOfWeek", {
      type: [FacetCountRef],
      description: "Upcoming sessions, Oslo time.",
    }),
    timesOfDay: t.expose("timeOfDay", {
      type: [FacetCountRef],
      description: "Upcoming sessions, Oslo time.",
    }),
    origin: t.expose("origin", {
      type: GeoPlaceRef,
      nullable: true,
      description: "The point `near` resolved to, for a map's centre.",
    }),
  }),
});

builder.queryFields((t) => ({
  offerFacets: t.field({
    type: OfferFacetsRef,
    description: "Facet counts for the catalogue search with this filter (the same offers `offers` finds).",
    authScopes: { public: true },
    args: { filter: t.arg({ type: OfferFilterInput, required: false }) },
    resolve: async (_root, args, ctx) => {
      const { filters, origin } = await searchFilters(ctx, args.filter);
      return { ...(await offerFacets(ctx.db, filters, visibleOrganisations(ctx))), origin };
    },
  }),
}));
