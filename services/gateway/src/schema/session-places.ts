import { publishedPlaces } from "@samspill/domain";
import type { Context } from "../context.js";

type Places = { readonly registrations: number | null; readonly availablePlaces: number | null };

/**
 * publishedPlaces by its inputs: a pure function of three small numbers, asked twice for every
 * session on a page (registrations, availablePlaces), and it runs the general table suppression
 * (about 6 % of the gateway's CPU on the offer page before, issue 16's profile). Bounded: a
 * country's sessions have a few thousand distinct (registrations, capacity) pairs.
 */
const published = new Map<string, Places>();
const publishedLimit = 10_000;

function publishedPlacesOnce(registrations: number, capacity: number | null, threshold: number): Places {
  const key = `${registrations}/${capacity}/${threshold}`;
  let places = published.get(key);
  if (!places) {
    places = Object.freeze(publishedPlaces(registrations, capacity, threshold));
    if (published.size >= publishedLimit) published.clear();
    published.set(key, places);
  }
  return places;
}

/** What a session's place counts are computed from (session-type.ts selects exactly this). */
export const placesSelect = {
  capacity: true,
  registrations: true,
  seatsTaken: true,
  signUpSequence: true,
  offer: { select: { providerId: true } },
} as const;

type PlacesSource = {
  capacity: number | null;
  registrations: number;
  seatsTaken: number;
  signUpSequence: number;
  offer: { providerId: string };
};

/**
 * The people counted as registered. A session that takes sign-ups (anyone has signed up through
 * the hub, so its arrival counter moved) counts the seats held, which the sign-up commands keep
 * under the session's row lock; the hand-typed `registrations` field is for courses run outside
 * the hub and never moves with sign-ups, so using it showed a full course as having free places.
 */
export const registeredCount = (s: PlacesSource): number =>
  s.signUpSequence > 0 ? s.seatsTaken : s.registrations;

/**
 * A session's registrations and free places as this caller may see them. Registrations count
 * people: the provider's members see the count; anyone else gets it through the small-count
 * rule, with the free places (the public capacity minus the registrations) hidden alongside.
 */
export function sessionPlaces(s: PlacesSource, ctx: Context): Places {
  const registrations = registeredCount(s);
  const own = ctx.viewer?.memberships.some((m) => m.organisationId === s.offer.providerId) ?? false;
  if (own)
    return {
      registrations,
      availablePlaces: s.capacity === null ? null : Math.max(0, s.capacity - registrations),
    };
  return publishedPlacesOnce(registrations, s.capacity, ctx.smallCountThreshold);
}
