#!/usr/bin/env node
// `npm run build`: compiles the gateway and the worker to an entry each
// (services/<name>/dist/main.js, plus the chunks it imports on demand), which production,
// `npm start` and the benchmark run with plain `node`. Running the TypeScript through tsx instead costs every process its compiler, the
// source maps and the sources in memory (about a quarter of the gateway's resident set).
//
// The workspace packages (@samspill/*) export their TypeScript sources, so they are bundled in.
// Everything from node_modules stays where pnpm installed it: esbuild resolves it exactly as Node
// would and the bundle imports that file by its relative path, so packages that read their own
// files at run time (pdfkit's fonts, Prisma's WebAssembly, pino's transports) work unchanged.
//
// Each process loads only what its role uses. An installed package counts as free of side effects,
// so an import nothing reachable uses is dropped (without that, the gateway loaded the SMTP sink's
// mailparser and smtp-server, and every worker the offer import's spreadsheet readers). And the
// bundle is split where the sources import on demand (`await import(…)`): what only such a module
// uses (React Email for the digest preview, bull-board) loads at its first use, from a chunk file
// beside main.js, instead of at start-up.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
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
        // A bare `import "x"` of a package would be dropped silently: bareImports() refuses those.
        return { path: path.startsWith(".") ? path : `./${path}`, external: true, sideEffects: false };
      });
    },
  };
}

/** `import "package"` lines in the bundled sources (paths from the repository root). */
function bareImports(inputs) {
  return inputs
    .filter((input) => !input.includes("node_modules") && /\.[cm]?[jt]sx?$/.test(input))
    .flatMap((input) =>
      (readFileSync(join(root, input), "utf8").match(/^\s*import\s*["'][^./"'][^"']*["']/gm) ?? []).map(
        (line) => `${input}: ${line.trim()}`,
      ),
    );
}

/** Chunks are named by their content; those of an older build are kept this long (see below). */
const chunkPattern = /^chunk-[A-Z0-9]+\.js(\.map)?$/;
const staleChunkMs = 24 * 60 * 60 * 1000;

export async function buildService(name) {
  const outfile = builtEntry(name);
  const outdir = dirname(outfile);
  mkdirSync(outdir, { recursive: true });
  const { outputFiles, metafile } = await build({
    entryPoints: { main: join(root, "services", name, "src", "main.ts") },
    outdir,
    // Chunks sit beside main.js: the relative paths to node_modules hold for every file.
    chunkNames: "chunk-[hash]",
    splitting: true,
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
    // The metafile's input paths are relative to this (bareImports reads them).
    absWorkingDir: root,
    metafile: true,
    write: false,
  });
  const bare = bareImports(Object.keys(metafile.inputs));
  if (bare.length > 0)
    throw new Error(
      `${name}: packages imported for their side effects alone would be dropped:\n${bare.join("\n")}`,
    );
  // Written aside and renamed into place, chunks before the entry that imports them: a service
  // starting meanwhile (another bench run, a restart) reads the old build or the new one, never
  // half of one.
  const entry = outputFiles.filter((f) => f.path === outfile || f.path === `${outfile}.map`);
  for (const file of [...outputFiles.filter((f) => !entry.includes(f)), ...entry]) {
    const aside = `${file.path}.${process.pid}.tmp`;
    writeFileSync(aside, file.contents);
    renameSync(aside, file.path);
  }
  // An older build's chunks go once nothing can still want them: a process started from that
  // build loads its chunks on first use, possibly long after start-up.
  const written = new Set(outputFiles.map((f) => f.path));
  for (const file of readdirSync(outdir)) {
    const path = join(outdir, file);
    if (chunkPattern.test(file) && !written.has(path) && Date.now() - statSync(path).mtimeMs > staleChunkMs)
      rmSync(path, { force: true });
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
