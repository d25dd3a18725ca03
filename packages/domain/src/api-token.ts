import { z } from "zod";
import { nonEmptyText, uuid } from "./common.js";
import { roles } from "./enums.js";

// An API token acts for one organisation in one role, until it expires or is revoked.

export const createApiTokenInput = z.object({
  organisationId: uuid,
  name: nonEmptyText(100),
  role: z.enum(roles),
  expiresAt: z
    .date()
    .refine((d) => d.getTime() > Date.now(), "must be in the future")
    .nullish(),
});
export type CreateApiTokenInput = z.output<typeof createApiTokenInput>;
