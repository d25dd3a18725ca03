import type { OfferSnapshot } from "@samspill/events";
import { describe, expect, it } from "vitest";
import { classifyOfferChanges, type OfferEvent } from "./offer-changes.js";

const snapshot = (id: string, status: OfferSnapshot["status"]): OfferSnapshot => ({
  id,
  version: 1,
  providerId: "0190a0a0-0000-7000-8000-0000000000aa",
  providerKind: "MUNICIPALITY",
  title: `Tilbud ${id.slice(-1)}`,
  status,
  diagnosisScope: "DIAGNOSIS_INDEPENDENT",
  diagnosisGroups: [],
  priorityGroups: [],
  format: "PHYSICAL",
  languages: ["nb"],
  municipalityNumbers: ["1506"],
  flaggedForReview: false,
  reviewDueOn: null,
});
const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 8, minute));
const created = (id: string, minute: number): OfferEvent => ({
  type: "offer.created",
  occurredAt: at(minute),
  payload: { offer: snapshot(id, "DRAFT") },
});
const status = (
  id: string,
  from: OfferSnapshot["status"],
  to: OfferSnapshot["status"],
  minute: number,
): OfferEvent => ({
  type: "offer.status_changed",
  occurredAt: at(minute),
  payload: { offer: snapshot(id, to), from, to },
});
const updated = (id: string, current: OfferSnapshot["status"], minute: number): OfferEvent => ({
  type: "offer.updated",
  occurredAt: at(minute),
  payload: { offer: snapshot(id, current), changedFields: ["title"] },
});

const id = (n: number) => `0190a0a0-0000-7000-8000-00000000000${n}`;

describe("offer changes from the outbox log", () => {
  it("tells new, updated, paused and ended offers apart by their status before and after the window", () => {
    const changes = classifyOfferChanges([
      created(id(1), 1),
      status(id(1), "DRAFT", "PUBLISHED", 2),
      updated(id(1), "PUBLISHED", 3),
      updated(id(2), "PUBLISHED", 4),
      status(id(3), "PUBLISHED", "PAUSED", 5),
      status(id(4), "PAUSED", "ARCHIVED", 6),
      status(id(5), "PAUSED", "PUBLISHED", 7),
    ]);
    expect(changes.map((c) => [c.offer.id, c.kind])).toEqual([
      [id(1), "NEW"],
      [id(2), "UPDATED"],
      [id(3), "PAUSED"],
      [id(4), "ENDED"],
      [id(5), "UPDATED"],
    ]);
  });

  it("leaves out drafts, edits of paused offers, and offers published and withdrawn within the window", () => {
    expect(
      classifyOfferChanges([
        created(id(1), 1),
        updated(id(1), "DRAFT", 2),
        updated(id(2), "PAUSED", 3),
        status(id(3), "DRAFT", "PUBLISHED", 4),
        status(id(3), "PUBLISHED", "ARCHIVED", 5),
        status(id(3), "ARCHIVED", "DRAFT", 6),
      ]),
    ).toEqual([]);
  });
});
