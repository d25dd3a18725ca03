import { checkpointFollowing } from "@samspill/domain";
import { systemActor } from "../actor.js";
import { transact, type Unit } from "../unit-of-work.js";

// The worker's half of a checkpoint: once one is met, the next date of its cadence takes its
// place (none for a one-off, nor for a measure done). Each move is conditional on the row still
// holding the checkpoint that was met, so a retried or doubled run moves nothing twice.

const checkpoints = systemActor("Sjekkpunkter");
const noSchedule = { checkpointYear: null, cadenceYears: null, cadenceMonth: null, startYear: null };

/** Rows moved per run; a run that fills it is followed by the next day's. */
const batch = 500;

export interface AdvanceRun {
  measures: number;
  plans: number;
}

export async function advanceCheckpoints(unit: Unit): Promise<AdvanceRun> {
  const run: AdvanceRun = { measures: 0, plans: 0 };
  const measures = await unit.db.measure.findMany({
    where: { checkpointMetOn: { not: null }, nextCheckpointOn: { not: null }, removed: false },
    orderBy: { id: "asc" },
    take: batch,
    include: { plan: { select: { ownerId: true } } },
  });
  for (const m of measures) {
    const due = m.nextCheckpointOn as Date;
    const next = m.status === "DONE" ? null : checkpointFollowing(m, due, m.checkpointMetOn as Date);
    run.measures += await transact(unit, checkpoints, async ({ tx, record }) => {
      const moved = await tx.measure.updateMany({
        where: { id: m.id, version: m.version, checkpointMetOn: { not: null } },
        data: { nextCheckpointOn: next, checkpointMetOn: null, version: { increment: 1 } },
      });
      if (moved.count === 0) return 0;
      await record({
        action: "measure.checkpoint_advanced",
        entityType: "Measure",
        entityId: m.id,
        organisationId: m.plan.ownerId,
        changes: { nextCheckpointOn: { from: due, to: next }, metOn: m.checkpointMetOn },
        event: {
          type: "measure.updated",
          payload: { id: m.id, version: m.version + 1, planId: m.planId, status: m.status },
        },
      });
      return 1;
    });
  }
  const plans = await unit.db.actionPlan.findMany({
    where: { reviewMetOn: { not: null }, nextReviewOn: { not: null } },
    orderBy: { id: "asc" },
    take: batch,
    select: { id: true, ownerId: true, reviewCadence: true, nextReviewOn: true, reviewMetOn: true },
  });
  for (const p of plans) {
    const due = p.nextReviewOn as Date;
    const next = checkpointFollowing({ ...noSchedule, cadence: p.reviewCadence }, due, p.reviewMetOn as Date);
    run.plans += await transact(unit, checkpoints, async ({ tx, record }) => {
      const moved = await tx.actionPlan.updateMany({
        where: { id: p.id, nextReviewOn: due, reviewMetOn: { not: null } },
        data: { nextReviewOn: next, reviewMetOn: null },
      });
      if (moved.count === 0) return 0;
      await record({
        action: "action_plan.review_advanced",
        entityType: "ActionPlan",
        entityId: p.id,
        organisationId: p.ownerId,
        changes: { nextReviewOn: { from: due, to: next }, metOn: p.reviewMetOn },
      });
      return 1;
    });
  }
  return run;
}
