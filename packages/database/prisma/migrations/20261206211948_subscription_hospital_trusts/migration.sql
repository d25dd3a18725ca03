-- A subscriber may follow hospital trusts (their catchment and their own offers) besides municipalities.
ALTER TABLE "Subscription" ADD COLUMN     "hospitalTrustIds" UUID[] DEFAULT ARRAY[]::UUID[];
