import { describe, expect, it } from "vitest";
import { type LiveBacklog, liveGate } from "./live-gate.js";

// The gate on a simulated clock: sleeping advances it, each reading comes from a script.

function clockGate(readings: LiveBacklog[] | (() => Promise<LiveBacklog>), maxWaitMs = 500) {
  let time = 0;
  let calls = 0;
  const backlog =
    typeof readings === "function"
      ? readings
      : async () => readings[Math.min(calls - 1, readings.length - 1)] as LiveBacklog;
  const gate = liveGate({
    maxWaitMs,
    pollMs: 20,
    now: () => time,
    sleep: async (ms) => {
      time += ms;
    },
    backlog: () => {
      calls += 1;
      return backlog();
    },
  });
  return { gate, time: () => time, calls: () => calls };
}

const behind = { waiting: 5, active: 32 };
const idle = { waiting: 0, active: 0 };

describe("liveGate", () => {
  it("lets bulk work through at once while the live queue keeps up", async () => {
    const { gate, time } = clockGate([{ waiting: 0, active: 12 }]);
    await gate();
    expect(time()).toBe(0);
    expect(gate.waitedMs).toBe(0);
  });

  it("holds bulk work while events wait behind busy live workers, until they are taken", async () => {
    const { gate, time, calls } = clockGate([behind, behind, behind, idle]);
    await gate();
    expect(calls()).toBe(4);
    expect(time()).toBe(60);
    expect(gate.waitedMs).toBe(60);
  });

  it("does not wait for a live worker that is not there (events waiting, none taken)", async () => {
    const { gate, time } = clockGate([{ waiting: 400, active: 0 }]);
    await gate();
    expect(time()).toBe(0);
  });

  it("waits at most maxWaitMs a call, so a live queue that never empties cannot starve bulk work", async () => {
    const { gate, time } = clockGate([behind], 200);
    await gate();
    expect(time()).toBe(200);
    await gate();
    expect(time()).toBe(400);
    expect(gate.waitedMs).toBe(400);
  });

  it("shares one reading among the lanes asking at once", async () => {
    let release: (value: LiveBacklog) => void = () => undefined;
    const { gate, calls } = clockGate(() => new Promise<LiveBacklog>((resolve) => (release = resolve)));
    const lanes = Promise.all([gate(), gate(), gate(), gate()]);
    await Promise.resolve();
    release(idle);
    await lanes;
    expect(calls()).toBe(1);
  });

  it("lets bulk work through when the queue cannot be read", async () => {
    const { gate, time } = clockGate(() => Promise.reject(new Error("Redis is down")));
    await gate();
    expect(time()).toBe(0);
  });

  it("counts lanes held side by side once in waitedMs", async () => {
    const { gate, time } = clockGate([behind, behind, behind, behind, idle]);
    await Promise.all([gate(), gate(), gate()]);
    expect(time()).toBeGreaterThan(0);
    expect(gate.waitedMs).toBeLessThanOrEqual(time());
    expect(gate.waitedMs).toBeGreaterThan(0);
  });
});
