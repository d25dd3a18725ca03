import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";

// No container engine or cluster runs the deployment files in the test run, so this reads them:
// every manifest parses and names itself, the services keep their probes, resources and
// unprivileged users, Redis keeps its durability settings, and every environment variable a file
// sets is one the service actually reads (its zod schema in env.ts), so the files cannot drift
// from the code unnoticed.

const root = join(import.meta.dirname, "..");
const read = (path: string) => readFileSync(join(root, path), "utf8");

// ---------------------------------------------------------------- what the code reads

/** Keys of the zod object in a service's env file: the `  NAME:` lines. */
function schemaKeys(path: string): Set<string> {
  return new Set([...read(path).matchAll(/^\s+([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1] as string));
}
const processEnvNames = (path: string) =>
  new Set([...read(path).matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)].map((m) => m[1] as string));
const union = (...sets: Set<string>[]) => new Set(sets.flatMap((s) => [...s]));

const gatewayEnv = schemaKeys("services/gateway/src/env.ts");
const workerEnv = schemaKeys("services/worker/src/env.ts");
const nginxTemplate = read("infra/docker/nginx/default.conf.template");
/** Which variables each program may be given, by the name its container or service has. */
const allowedEnv: Record<string, Set<string>> = {
  gateway: gatewayEnv,
  worker: workerEnv,
  "worker-bulk": workerEnv,
  // migrate.mjs reads its own switch; the overview rebuild it may run parses the worker's env.
  migrate: union(workerEnv, processEnvNames("infra/docker/migrate.mjs")),
  "mail-sink": schemaKeys("services/worker/src/commands/smtp-sink.ts"),
  web: new Set([...nginxTemplate.matchAll(/\$\{([A-Z][A-Z0-9_]*)\}/g)].map((m) => m[1] as string)),
};

const gatewayRoutes = ["/graphql", "/auth", "/oidc", "/export", "/calendar", "/unsubscribe"];

// ---------------------------------------------------------------- the Dockerfile

interface Stage {
  from: string;
  lines: string[];
}

function dockerStages(): Map<string, Stage> {
  const stages = new Map<string, Stage>();
  let current: Stage | null = null;
  // Continuation lines joined, so each instruction is one line.
  for (const line of read("infra/docker/Dockerfile").replace(/\\\n/g, " ").split("\n")) {
    const from = /^FROM\s+(\S+)\s+AS\s+(\S+)/i.exec(line);
    if (from) {
      current = { from: from[1] as string, lines: [] };
      stages.set(from[2] as string, current);
    } else if (current && /^[A-Z]+\s/.test(line)) current.lines.push(line);
  }
  return stages;
}

/** The last `instruction` in the stage or, failing that, in the stage it is built FROM. */
function inherited(stages: Map<string, Stage>, name: string, instruction: string): string | undefined {
  const stage = stages.get(name);
  if (!stage) return undefined;
  const own = stage.lines.filter((l) => l.startsWith(`${instruction} `)).at(-1);
  return own ?? inherited(stages, stage.from, instruction);
}

// ---------------------------------------------------------------- Kubernetes helpers

// biome-ignore lint/suspicious/noExplicitAny: parsed YAML, checked field by field in the tests
type Parsed = any;

interface Manifest {
  file: string;
  doc: Parsed;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

const manifests: Manifest[] = yamlFiles("infra/k8s").flatMap((file) =>
  parseAllDocuments(read(file)).flatMap((d) => {
    if (d.errors.length > 0) throw new Error(`${file}: ${d.errors.map((e) => e.message).join("; ")}`);
    const doc = d.toJS();
    return doc ? [{ file, doc }] : [];
  }),
);
const ofKind = (kind: string) => manifests.filter((m) => m.doc.kind === kind);
const named = (kind: string, name: string) => ofKind(kind).find((m) => m.doc.metadata?.name === name)?.doc;
const workloads = manifests.filter((m) => ["Deployment", "StatefulSet", "Job"].includes(m.doc.kind));

function containersOf(doc: Parsed) {
  return doc.spec.template.spec.containers as Parsed[];
}

/** Every variable a container gets: its env list plus the keys of the ConfigMaps it loads whole. */
function containerEnv(container: Parsed): string[] {
  const names: string[] = (container.env ?? []).map((e: { name: string }) => e.name);
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) {
      const map = named("ConfigMap", source.configMapRef.name);
      expect(map, `ConfigMap ${source.configMapRef.name}`).toBeDefined();
      names.push(...Object.keys(map.data ?? {}));
    } else throw new Error("envFrom a Secret hides which keys a container gets; use secretKeyRef");
  }
  return names;
}

// ---------------------------------------------------------------- tests

describe("infra: what the tests here read", () => {
  it("finds the services' variables", () => {
    expect([...gatewayEnv]).toEqual(
      expect.arrayContaining(["DATABASE_URL", "DATABASE_REPLICA_URL", "GATEWAY_PORT"]),
    );
    expect([...workerEnv]).toEqual(
      expect.arrayContaining(["DATABASE_URL", "REDIS_URL", "WORKER_METRICS_PORT"]),
    );
    expect([...allowedEnv.migrate!]).toContain("SEED_DEMO_DATA");
    expect([...allowedEnv.web!].sort()).toEqual(["GATEWAY_UPSTREAM", "WEB_PORT"]);
    expect(manifests.length).toBeGreaterThan(15);
  });
});

describe("infra/docker", () => {
  const stages = dockerStages();

  it("has a target per service, each running as a non-root user with a health check", () => {
    for (const target of ["gateway", "worker", "migrate", "web"]) {
      expect(stages.has(target), target).toBe(true);
      const user = inherited(stages, target, "USER")?.split(/\s+/)[1];
      expect(user, `${target} USER`).toBeDefined();
      expect(["root", "0"]).not.toContain(user);
    }
    for (const target of ["gateway", "worker", "web"])
      expect(inherited(stages, target, "HEALTHCHECK"), `${target} HEALTHCHECK`).toBeDefined();
  });

  it("generates the Prisma client through the wrapper and migrates through it", () => {
    const build = stages.get("build")?.lines.join("\n") ?? "";
    expect(build).toContain("node packages/database/scripts/prisma.mjs generate");
    expect(build).toMatch(/--frozen-lockfile/);
    expect(read("infra/docker/migrate.mjs")).toContain(
      '"packages/database/scripts/prisma.mjs", "migrate", "deploy"',
    );
  });

  it("proxies every gateway route from the web server, with unbuffered subscriptions", () => {
    for (const route of gatewayRoutes) {
      const bare = route.slice(1);
      expect(nginxTemplate, route).toMatch(new RegExp(`location[^{]*(${route}\\b|\\b${bare}\\|)`));
    }
    expect(/location = \/graphql \{[^}]*proxy_buffering off;/.exec(nginxTemplate)).not.toBeNull();
  });
});

describe("infra/compose.yaml", () => {
  const compose = parse(read("infra/compose.yaml"), { merge: true });
  const services = compose.services as Record<string, Parsed>;
  const stages = dockerStages();

  it("runs Postgres 17, Redis 7, a one-shot migration, the gateway, the worker and the web app", () => {
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining(["postgres", "redis", "migrate", "gateway", "worker", "web"]),
    );
    expect(services.postgres!.image).toMatch(/^postgres:17\b/);
    expect(services.redis!.image).toMatch(/^redis:7\b/);
  });

  it("starts Redis with an append-only file, fsync every second and no eviction", () => {
    const command = (services.redis!.command as string[]).join(" ");
    expect(command).toMatch(/--appendonly yes\b/);
    expect(command).toMatch(/--appendfsync everysec\b/);
    expect(command).toMatch(/--maxmemory-policy noeviction\b/);
  });

  it("runs two gateways and two workers, only after the migration succeeded", () => {
    for (const name of ["gateway", "worker"]) {
      expect(services[name]!.deploy?.replicas, name).toBeGreaterThanOrEqual(2);
      expect(services[name]!.depends_on?.migrate?.condition, name).toBe("service_completed_successfully");
    }
    expect(services.migrate!.depends_on?.postgres?.condition).toBe("service_healthy");
    expect(services.web!.depends_on?.gateway?.condition).toBe("service_healthy");
  });

  it("builds each service from a Dockerfile target, and every long-running one has a health check", () => {
    for (const [name, service] of Object.entries(services)) {
      if (service.build) expect(stages.has(service.build.target), `${name} target`).toBe(true);
      const checked =
        service.healthcheck ?? (service.build && inherited(stages, service.build.target, "HEALTHCHECK"));
      if (name !== "migrate") expect(checked, `${name} health check`).toBeTruthy();
    }
  });

  it("signs in at a real OpenID issuer, never the demo, and trusts only nginx's X-Forwarded-For", () => {
    const gateway = services.gateway!.environment as Record<string, string>;
    expect(gateway.DEMO_SIGN_IN).toBeUndefined();
    expect(gateway.NODE_ENV).toBe("production");
    expect(gateway.OIDC_ISSUER).toMatch(/^\$\{OIDC_ISSUER:\?/);
    expect(gateway.OIDC_CLIENT_ID).toMatch(/^\$\{OIDC_CLIENT_ID:\?/);
    expect(gateway.TRUSTED_PROXIES).toBe(services.web!.networks.default.ipv4_address);
  });

  it("sets only variables the services read", () => {
    for (const [name, service] of Object.entries(services)) {
      const allowed = allowedEnv[name];
      if (!allowed) continue; // postgres and redis: their images' own settings
      const unknown = Object.keys(service.environment ?? {}).filter((key) => !allowed.has(key));
      expect(unknown, `${name} sets variables it does not read`).toEqual([]);
    }
  });
});

describe("infra/k8s", () => {
  it("parses, and every manifest has apiVersion, kind and a name", () => {
    for (const { file, doc } of manifests) {
      expect(doc.apiVersion, file).toBeTruthy();
      expect(doc.kind, file).toBeTruthy();
      if (doc.kind !== "Kustomization") expect(doc.metadata?.name, `${file} ${doc.kind}`).toBeTruthy();
    }
  });

  it("lists existing files in the kustomization, and never the secret template", () => {
    const kustomization = parse(read("infra/k8s/base/kustomization.yaml"));
    for (const resource of kustomization.resources as string[])
      expect(existsSync(join(root, "infra/k8s/base", resource)), resource).toBe(true);
    expect(kustomization.resources).not.toContain("secret.template.yaml");
    const secret = named("Secret", "samspill-secrets");
    expect(Object.values(secret.stringData).every((v) => String(v).startsWith("REPLACE-"))).toBe(true);
  });

  it("gives every workload resources, an unprivileged user, and every Deployment probes", () => {
    for (const { file, doc } of workloads) {
      const pod = doc.spec.template.spec;
      const where = `${relative("infra/k8s", file)} ${doc.metadata.name}`;
      expect(pod.securityContext?.runAsNonRoot, where).toBe(true);
      expect(pod.securityContext?.runAsUser, where).toBeGreaterThan(0);
      for (const c of containersOf(doc)) {
        expect(c.resources?.requests?.cpu, `${where} cpu request`).toBeTruthy();
        expect(c.resources?.requests?.memory, `${where} memory request`).toBeTruthy();
        expect(c.resources?.limits?.memory, `${where} memory limit`).toBeTruthy();
        expect(c.securityContext?.allowPrivilegeEscalation, where).toBe(false);
        expect(c.securityContext?.capabilities?.drop, where).toContain("ALL");
        if (doc.kind !== "Job") {
          expect(c.readinessProbe, `${where} readiness`).toBeDefined();
          expect(c.livenessProbe, `${where} liveness`).toBeDefined();
        }
      }
    }
  });

  it("runs several gateways, kept up by a disruption budget and scaled on CPU", () => {
    const gateway = named("Deployment", "samspill-gateway");
    expect(gateway.spec.replicas).toBeGreaterThanOrEqual(2);
    const labels = gateway.spec.template.metadata.labels as Record<string, string>;
    const selects = (selector: Record<string, string>) =>
      Object.entries(selector).every(([k, v]) => labels[k] === v);
    const pdb = ofKind("PodDisruptionBudget").find((m) => selects(m.doc.spec.selector.matchLabels))?.doc;
    expect(pdb).toBeDefined();
    expect(pdb.spec.minAvailable ?? gateway.spec.replicas - pdb.spec.maxUnavailable).toBeGreaterThanOrEqual(
      1,
    );
    const hpa = ofKind("HorizontalPodAutoscaler").find(
      (m) => m.doc.spec.scaleTargetRef.name === "samspill-gateway",
    );
    expect(hpa?.doc.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa?.doc.spec.metrics[0].resource.name).toBe("cpu");
    // The readiness probe is the database health check; liveness must not restart on a DB outage.
    const [container] = containersOf(gateway);
    expect(container!.readinessProbe.httpGet.path).toBe("/healthz");
    expect(container!.livenessProbe.httpGet).toBeUndefined();
  });

  it("gives the services longer to stop than their own shutdown deadlines", () => {
    const deadline = (path: string) => {
      const ms = /setTimeout\([\s\S]{0,200}?process\.exit\(1\);?\s*\}?\s*,\s*([\d_]+)\)/.exec(
        read(path),
      )?.[1];
      expect(ms, `${path} shutdown deadline`).toBeDefined();
      return Number(ms!.replace(/_/g, "")) / 1000;
    };
    const worker = named("Deployment", "samspill-worker");
    expect(worker.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(worker.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(
      deadline("services/worker/src/main.ts"),
    );
    const gateway = named("Deployment", "samspill-gateway");
    const preStop = Number(containersOf(gateway)[0]!.lifecycle?.preStop?.exec?.command?.[1] ?? 0);
    expect(gateway.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(
      deadline("services/gateway/src/main.ts") + preStop,
    );
  });

  it("configures the gateway's trusted proxies and a real issuer, never the demo sign-in", () => {
    const config = named("ConfigMap", "samspill-gateway").data as Record<string, string>;
    expect(config.TRUSTED_PROXIES).toBeTruthy();
    expect(config.OIDC_ISSUER).toMatch(/^https:\/\//);
    expect(config.DEMO_SIGN_IN).toBeUndefined();
  });

  it("sets only variables the services read, from keys the secret template has", () => {
    const secretKeys = new Set(Object.keys(named("Secret", "samspill-secrets").stringData));
    // The example Redis runs a third-party image with its own settings.
    for (const { doc } of workloads.filter((m) => m.doc.metadata.name !== "samspill-redis")) {
      for (const c of containersOf(doc)) {
        const allowed = allowedEnv[c.name];
        expect(allowed, `container ${c.name}`).toBeDefined();
        const unknown = containerEnv(c).filter((name) => !allowed!.has(name));
        expect(unknown, `${c.name} sets variables it does not read`).toEqual([]);
        for (const e of c.env ?? []) {
          const ref = e.valueFrom?.secretKeyRef;
          if (ref) expect(secretKeys.has(ref.key), `${c.name}: secret key ${ref.key}`).toBe(true);
        }
      }
    }
  });

  it("routes the gateway's paths to the gateway and the rest to the web app", () => {
    const ingress = ofKind("Ingress")[0]?.doc;
    const paths = ingress.spec.rules[0].http.paths as Parsed[];
    const backend = (path: string) => paths.find((p: Parsed) => p.path === path)?.backend.service.name;
    for (const route of gatewayRoutes) expect(backend(route), route).toBe("samspill-gateway");
    expect(backend("/")).toBe("samspill-web");
    for (const service of ofKind("Service")) {
      const selector = service.doc.spec.selector as Record<string, string>;
      const target = workloads.find((w) =>
        Object.entries(selector).every(([k, v]) => w.doc.spec.template.metadata.labels?.[k] === v),
      );
      expect(target, `Service ${service.doc.metadata.name} selects no workload`).toBeDefined();
    }
  });

  it("runs the example Redis with an append-only file and no eviction", () => {
    const redis = named("StatefulSet", "samspill-redis");
    const command = (containersOf(redis)[0]!.command as string[]).join(" ");
    expect(command).toMatch(/--appendonly yes\b/);
    expect(command).toMatch(/--appendfsync everysec\b/);
    expect(command).toMatch(/--maxmemory-policy noeviction\b/);
  });
});

// ---------------------------------------------------------------- how the Node services run

describe("the gateway and worker images", () => {
  const stages = dockerStages();

  it("run the compiled bundle with the heap limits `npm start` and the bench use", async () => {
    const { serviceEntry, serviceNodeFlags } = await import("./local/node-flags.mjs");
    expect(stages.get("build")!.lines).toContain("RUN node scripts/build.mjs");
    for (const name of ["gateway", "worker"] as const) {
      const cmd = JSON.parse(inherited(stages, name, "CMD")!.slice("CMD ".length)) as string[];
      expect(cmd, `${name} CMD`).toEqual(["node", ...serviceNodeFlags[name], serviceEntry(name)]);
    }
  });
});
