import { importActionPlanInput, importMeasureInput, parseInput } from "@samspill/domain";
import type { Actor } from "../actor.js";
import { found, type Unit } from "../unit-of-work.js";
import { importAsRegionalAdmin } from "./admin-import.js";
import type { Imported } from "./apply-import.js";

// Action plans come from the region's documents: their wording and schedule are imported, while
// a measure's status and progress notes are the users' own and are never overwritten.

/** Creates or updates a plan and its sections (sections stored but not listed stay). */
export async function importActionPlan(unit: Unit, actor: Actor | null, raw: unknown): Promise<Imported> {
  const { id, sections, ...fields } = parseInput(importActionPlanInput, raw);
  const target = { entityType: "ActionPlan", action: "action_plan", id, organisationId: fields.ownerId };
  return importAsRegionalAdmin(unit, actor, target, async (tx) => {
    const before = await tx.actionPlan.findUnique({
      where: { id },
      include: { sections: { where: { number: { in: sections.map((s) => s.number) } } } },
    });
    const titles = (rows: readonly { number: string; title: string }[]) =>
      Object.fromEntries(rows.map((s) => [s.number, s.title]));
    const writeParts = async () => {
      for (const s of sections) {
        await tx.actionPlanSection.upsert({
          where: { planId_number: { planId: id, number: s.number } },
          create: { planId: id, ...s },
          update: { title: s.title },
        });
      }
    };
    return {
      stored: before && { ...before, sections: titles(before.sections) },
      next: { ...fields, sections: titles(sections) },
      create: () => tx.actionPlan.create({ data: { id, ...fields } }),
      update: () => tx.actionPlan.update({ where: { id }, data: fields }),
      writeParts,
    };
  });
}

/** Creates or updates a measure's wording and schedule; its status is set only when it is created. */
export async function importMeasure(unit: Unit, actor: Actor | null, raw: unknown): Promise<Imported> {
  const { id, initialStatus, ...data } = parseInput(importMeasureInput, raw);
  // The owner, which the audit entry names, is only known once the plan is read.
  const target = { entityType: "Measure", action: "measure", id, organisationId: null };
  return importAsRegionalAdmin(unit, actor, target, async (tx) => {
    const before = await tx.measure.findUnique({
      where: { id },
      include: { plan: { select: { ownerId: true } } },
    });
    const plan =
      before?.plan ??
      (await found(
        tx.actionPlan.findUnique({ where: { id: data.planId }, select: { ownerId: true } }),
        "ActionPlan",
        data.planId,
      ));
    return {
      organisationId: plan.ownerId,
      stored: before,
      next: data,
      create: () => tx.measure.create({ data: { id, ...data, status: initialStatus } }),
      update: () => tx.measure.update({ where: { id }, data: { ...data, version: { increment: 1 } } }),
      event: () => ({
        type: "measure.updated",
        payload: {
          id,
          version: before ? before.version + 1 : 1,
          planId: data.planId,
          status: before?.status ?? initialStatus,
        },
      }),
    };
  });
}
