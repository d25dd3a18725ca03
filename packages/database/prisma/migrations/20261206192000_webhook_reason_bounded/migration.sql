-- A webhook delivery log keeps a short reason, never what the target answered: the worker used to
-- store "HTTP <status>: <start of the answer's body>" and raw error messages (which can carry a
-- TLS certificate's names or an internal host's). Rows written that way are cut down to the forms
-- the worker writes now, and the length is bounded from here on. Invisible to `migrate diff`,
-- like the constraints in 20261123092938_constraints.

CREATE FUNCTION pg_temp.webhook_short_reason(reason text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN reason ~ '^(HTTP [0-9]{3}|timeout|network error(: [A-Z][A-Z0-9_]{1,47})?|refused: [a-z ]{1,60})$' THEN reason
    WHEN reason ~ '^HTTP [0-9]{3}' THEN substring(reason from '^HTTP [0-9]{3}')
    ELSE 'network error'
  END
$$;

UPDATE "WebhookDelivery" SET "lastError" = pg_temp.webhook_short_reason("lastError") WHERE "lastError" IS NOT NULL;
UPDATE "WebhookDeliveryAttempt" SET "error" = pg_temp.webhook_short_reason("error") WHERE "error" IS NOT NULL;

ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_lastError_short" CHECK (char_length("lastError") <= 100);
ALTER TABLE "WebhookDeliveryAttempt" ADD CONSTRAINT "WebhookDeliveryAttempt_error_short" CHECK (char_length("error") <= 100);
