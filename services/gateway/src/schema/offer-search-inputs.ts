import { searchText, timesOfDay, weekdays } from "@samspill/domain";
import { createGraphQLError } from "graphql-yoga";
import { z } from "zod";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import type { OfferFilters } from "../search/offer-search.js";
import type { Point } from "../search/when-and-where.js";

export const WeekdayEnum = builder.enumType("Weekday", { values: weekdays });
export const TimeOfDayEnum = builder.enumType("TimeOfDay", {
  values: timesOfDay,
  description: "Part of the day a session starts in, Oslo time: before 12, before 17, or later.",
});

export const NearInput = builder.inputType("NearInput", {
  description:
    "Order by distance from a place (a municipality's name or number) or a point, nearest first. " +
    "Distances are to the centre of each municipality an offer serves; postcodes are not known.",
  fields: (t) => ({
    place: t.string(),
    latitude: t.float(),
    longitude: t.float(),
    withinKm: t.float({ description: "Only offers this close." }),
  }),
  validate: z
    .object({
      place: searchText.nullish(),
      latitude: z.number().min(-90).max(90).nullish(),
      longitude: z.number().min(-180).max(180).nullish(),
      withinKm: z.number().positive().max(5000).nullish(),
    })
    .refine((n) => n.place || (typeof n.latitude === "number" && typeof n.longitude === "number"), {
      message: "Give a place or both latitude and longitude",
      path: ["place"],
    }),
});

export const GeoPlaceRef = builder.objectRef<Point & { name: string | null }>("GeoPlace").implement({
  description: "A point a search measured distance from.",
  fields: (t) => ({
    name: t.exposeString("name", { nullable: true }),
    latitude: t.exposeFloat("latitude"),
    longitude: t.exposeFloat("longitude"),
  }),
});

export interface NearArgs {
  place?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  withinKm?: number | null;
}

/** The point a `near` argument names: its coordinates, or the centre of the municipality named. */
export async function resolveNear(
  ctx: Context,
  near: NearArgs,
): Promise<(Point & { name: string | null; withinKm: number | null }) | null> {
  const withinKm = near.withinKm ?? null;
  if (typeof near.latitude === "number" && typeof near.longitude === "number")
    return { latitude: near.latitude, longitude: near.longitude, name: near.place ?? null, withinKm };
  const asked = (near.place ?? "").trim().replace(/\s+kommune$/i, "");
  const found = await ctx.db.municipality.findFirst({
    where: {
      OR: [{ number: asked }, { name: { equals: asked, mode: "insensitive" } }],
      latitude: { not: null },
      longitude: { not: null },
    },
    select: { name: true, latitude: true, longitude: true },
  });
  if (!found?.latitude || !found.longitude)
    throw createGraphQLError(
      ctx.lang === "en"
        ? `near.place: no municipality called "${asked}"`
        : `near.place: fant ingen kommune som heter «${asked}»`,
      { extensions: { code: "BAD_USER_INPUT", field: "near.place" } },
    );
  return { latitude: found.latitude, longitude: found.longitude, name: found.name, withinKm };
}

/** The search filters a GraphQL OfferFilter stands for, with its place resolved to a point. */
export async function searchFilters(
  ctx: Context,
  filter: (Omit<OfferFilters, "near"> & { near?: NearArgs | null }) | null | undefined,
): Promise<{ filters: OfferFilters; origin: (Point & { name: string | null }) | null }> {
  const { near, ...rest } = filter ?? {};
  const origin = near ? await resolveNear(ctx, near) : null;
  return { filters: { ...rest, near: origin }, origin };
}
