// How the Node services run in production, `npm start` and the benchmark: the compiled bundle
// (scripts/build.mjs) under plain `node`, with V8's heap capped to the container's budget (768 MiB
// in infra/k8s). Left to itself V8 sizes the old generation from the machine's memory and lets
// garbage pile up to several hundred MB before collecting it; the cap makes it collect within the
// budget instead (infra/docker/Dockerfile passes the same flags; infra/infra.test.ts holds the two
// together). Not lower: the gateway holds about 85 MB of live heap at rest (schema, Prisma client),
// and a quick bench run with a 128 MB cap spent 250 ms of CPU per request collecting garbage. The
// worker's digests hold each mail in flight. A 16 MB semi-space (half the young generation)
// keeps per-request garbage from being promoted under load.
export const serviceNodeFlags = {
  gateway: ["--max-old-space-size=256", "--max-semi-space-size=16"],
  worker: ["--max-old-space-size=512", "--max-semi-space-size=16"],
};

/**
 * Environment of every service process. glibc gives each thread that allocates its own malloc
 * arena (up to eight per core) and keeps their freed pages: with V8's compiler and GC threads and
 * libuv's pool, a worker at rest held some 15–20 MB more resident than with two arenas, which
 * bounds that waste; Node allocates mostly on its main thread, so two arenas are seldom contended.
 * infra/docker/Dockerfile sets the same.
 */
export const serviceEnv = { MALLOC_ARENA_MAX: "2" };

/** The compiled entry of a service, from the repository root. */
export const serviceEntry = (name) => `services/${name}/dist/main.js`;
