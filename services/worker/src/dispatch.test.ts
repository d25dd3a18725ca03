import { queueNames } from "@samspill/events";
import { type Job, WaitingChildrenError } from "bullmq";
import { Histogram, Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { processorFor } from "./dispatch.js";
import { defineJob, type JobContext } from "./jobs/types.js";

// The job-duration metric tells completed, failed and parked (waiting for children) runs apart:
// a digest parent that waits for its chunks is not a failure.

function setup(handle: () => Promise<unknown>) {
  const registry = new Registry();
  const jobDuration = new Histogram({
    name: "job_duration_seconds",
    help: "test",
    labelNames: ["queue", "handler", "outcome"],
    registers: [registry],
  });
  const base = { metrics: { jobDuration } } as unknown as Omit<JobContext, "job">;
  const definition = defineJob({ queue: queueNames.summaries, name: "parent", schema: z.object({}), handle });
  const process = processorFor(queueNames.summaries, [definition], base);
  const job = { name: "parent", data: {} } as Job;
  const outcomes = async () =>
    (await jobDuration.get()).values
      .filter((v) => v.metricName === "job_duration_seconds_count" && v.value > 0)
      .map((v) => v.labels.outcome);
  return { run: () => process(job), outcomes };
}

describe("processorFor's job-duration metric", () => {
  it("counts a parent parked for its children as waiting-children, not failed", async () => {
    const { run, outcomes } = setup(async () => {
      throw new WaitingChildrenError();
    });
    await expect(run()).rejects.toBeInstanceOf(WaitingChildrenError);
    expect(await outcomes()).toEqual(["waiting-children"]);
  });

  it("counts a thrown error as failed and a return as completed", async () => {
    const failing = setup(async () => {
      throw new Error("boom");
    });
    await expect(failing.run()).rejects.toThrow("boom");
    expect(await failing.outcomes()).toEqual(["failed"]);
    const passing = setup(async () => "done");
    await expect(passing.run()).resolves.toEqual({ parent: "done" });
    expect(await passing.outcomes()).toEqual(["completed"]);
  });
});
