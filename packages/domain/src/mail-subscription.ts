import { z } from "zod";
import { municipalityNumber, uuid } from "./common.js";
import { diagnosisGroups, priorityGroups, subscriptionKinds } from "./enums.js";

// A person's own mail subscriptions: which summary or reminder mail, narrowed to places
// (municipalities, hospital trusts) and groups. An empty list means "all" of that dimension.

const distinct = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .transform((values) => [...new Set(values)] as z.output<T>[]);

export const saveMySubscriptionInput = z
  .object({
    kind: z.enum(subscriptionKinds),
    municipalityNumbers: distinct(municipalityNumber, 400).default([]),
    hospitalTrustIds: distinct(uuid, 50).default([]),
    priorityGroups: distinct(z.enum(priorityGroups), priorityGroups.length).default([]),
    diagnosisGroups: distinct(z.enum(diagnosisGroups), diagnosisGroups.length).default([]),
  })
  .strict();
export type SaveMySubscriptionInput = z.output<typeof saveMySubscriptionInput>;

export const cancelMySubscriptionInput = z.object({ kind: z.enum(subscriptionKinds) }).strict();
