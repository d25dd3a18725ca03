import { readFileSync } from "node:fs";

// Summarises a V8 .cpuprofile (node --cpu-prof): where the samples landed, by function and by
// package, as self time (time in the function itself, not in what it called).

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileLine {
  name: string;
  percent: number;
}

export interface ProfileSummary {
  totalMs: number;
  /** Share of samples outside idle time. */
  busyPercent: number;
  functions: ProfileLine[];
  packages: ProfileLine[];
}

/** Where a frame lives: an npm package, our own package, or the runtime. */
export function origin(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return "node (runtime)";
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  const own = /\/(packages|services|bench)\/([^/]+)\//.exec(url);
  return own ? `@samspill/${own[2]}` : url;
}

/**
 * `skipMs` leaves out the samples of the profile's first milliseconds (start-up and warm-up);
 * the process starts a little after the caller's clock began, so slightly more is left out.
 */
export function summariseProfile(
  path: string,
  options: { top?: number; skipMs?: number } = {},
): ProfileSummary {
  const top = options.top ?? 15;
  const profile = JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let total = 0;
  let at = 0;
  const skipUs = (options.skipMs ?? 0) * 1000;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    at += dt;
    if (at < skipUs) return;
    self.set(id, (self.get(id) ?? 0) + dt);
    total += dt;
  });
  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  let idle = 0;
  for (const [id, us] of self) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    if (frame.functionName === "(idle)") {
      idle += us;
      continue;
    }
    const where = origin(frame.url, frame.functionName);
    const file = frame.url.split("/").slice(-1)[0] ?? "";
    const name = `${frame.functionName || "(anonymous)"} ${file ? `${file}:${frame.lineNumber + 1}` : ""} [${where}]`;
    functions.set(name, (functions.get(name) ?? 0) + us);
    packages.set(where, (packages.get(where) ?? 0) + us);
  }
  const busy = total - idle;
  const lines = (m: Map<string, number>) =>
    [...m.entries()]
      .sort(([, a], [, b]) => b - a)
      .slice(0, top)
      .map(([name, us]) => ({ name, percent: (100 * us) / Math.max(1, busy) }));
  return {
    totalMs: total / 1000,
    busyPercent: (100 * busy) / Math.max(1, total),
    functions: lines(functions),
    packages: lines(packages),
  };
}
