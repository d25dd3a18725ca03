-- API tokens expire and carry scopes (issue 12, least privilege).
-- Tokens that existed before keep every scope (their role still bounds them, as before) so
-- integrations keep working, but those without an expiry date now expire 90 days after this
-- migration: long enough to replace them with scoped tokens.
UPDATE "ApiToken" SET "expiresAt" = now() + '90 days'::interval WHERE "expiresAt" IS NULL;

-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "scopes" TEXT[] DEFAULT ARRAY['read', 'write:offers', 'write:agreements', 'write:participation', 'write:meetings', 'write:organisation', 'manage:access']::TEXT[],
ALTER COLUMN "expiresAt" SET NOT NULL,
ALTER COLUMN "expiresAt" SET DEFAULT (now() + '90 days'::interval);

-- Only the scopes the hub knows (packages/domain apiTokenScopes).
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_scopes_known" CHECK (
  "scopes" <@ ARRAY['read', 'write:offers', 'write:agreements', 'write:participation', 'write:meetings', 'write:organisation', 'manage:access']::TEXT[]
);
