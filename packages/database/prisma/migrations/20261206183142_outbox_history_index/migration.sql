-- CreateIndex
CREATE INDEX "OutboxEvent_occurredAt_type_idx" ON "OutboxEvent"("occurredAt", "type");
