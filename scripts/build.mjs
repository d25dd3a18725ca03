#!/usr/bin/env node
// `npm run build`: compiles the gateway and the worker to one JavaScript file each
// (services/<name>/dist/main.js), which production, `npm start` and the benchmark run with plain
// `node`. Running the TypeScript through tsx instead costs every process its compiler, the
// source maps and the sources in memory (about a quarter of the gateway's resident set).
//
// The workspace packages (@samspill/*) export their TypeScript sources, so they are bundled in.
// Everything from node_modules stays where pnpm installed it: esbuild resolves it exactly as Node
// would and the bundle imports that file by its relative path, so packages that read their own
// files at run time (pdfkit's fonts, Prisma's WebAssembly, pino's transports) work unchanged.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The services and their entry points; the output is services/<name>/dist/main.js. */
export const services = ["gateway", "worker"];
export const builtEntry = (name) => join(root, "services", name, "dist", "main.js");

/** node_modules imports become relative imports of the file Node would load. */
function installedPackagesInPlace(outdir) {
  return {
    name: "installed-packages-in-place",
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData?.inner || args.path.startsWith("@samspill/")) return undefined;
        const resolved = await pluginBuild.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: { inner: true },
        });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        // Node's built-ins (fs, node:fs) are external as they are.
        if (resolved.external || !resolved.path.includes(`${sep}node_modules${sep}`))
          return resolved.external ? { path: args.path, external: true } : resolved;
        const path = relative(outdir, resolved.path).split(sep).join("/");
        return { path: path.startsWith(".") ? path : `./${path}`, external: true };
      });
    },
  };
}

export async function buildService(name) {
  const outfile = builtEntry(name);
  const outdir = dirname(outfile);
  mkdirSync(outdir, { recursive: true });
  const { outputFiles } = await build({
    entryPoints: [join(root, "services", name, "src", "main.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20.19",
    // Without the default `module` condition: the same files Node itself would pick.
    conditions: ["node"],
    mainFields: ["main"],
    sourcemap: "linked",
    logLevel: "warning",
    plugins: [installedPackagesInPlace(outdir)],
    write: false,
  });
  // Written aside and renamed into place: a service starting meanwhile (another bench run, a
  // restart) reads the old bundle or the new one, never half of one.
  for (const file of outputFiles) {
    const aside = `${file.path}.${process.pid}.tmp`;
    writeFileSync(aside, file.contents);
    renameSync(aside, file.path);
  }
  // dist/ holds ES modules whatever the package says (its package.json is `type: module` today).
  writeFileSync(join(outdir, "package.json"), '{ "type": "module" }\n');
  return outfile;
}

export async function buildServices() {
  for (const name of services) await buildService(name);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  await buildServices();
  console.log(
    `Built ${services.map((s) => `services/${s}/dist/main.js`).join(" and ")} in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
}
