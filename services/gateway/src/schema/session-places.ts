import { publishedPlaces } from "@samspill/domain";
import type { Context } from "../context.js";

/**
 * A session's registrations and free places as this caller may see them. Registrations count
 * people: the provider's members see what they entered; anyone else gets them through the
 * small-count rule, with the free places (the public capacity minus the registrations) hidden
 * alongside.
 */
export function sessionPlaces(
  s: { capacity: number | null; registrations: number; offer: { providerId: string } },
  ctx: Context,
): { registrations: number | null; availablePlaces: number | null } {
  const own = ctx.viewer?.memberships.some((m) => m.organisationId === s.offer.providerId) ?? false;
  if (own)
    return {
      registrations: s.registrations,
      availablePlaces: s.capacity === null ? null : Math.max(0, s.capacity - s.registrations),
    };
  return publishedPlaces(s.registrations, s.capacity, ctx.smallCountThreshold);
}
