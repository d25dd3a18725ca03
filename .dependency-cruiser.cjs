// Which code may import which: `npm test` runs `depcruise` with these rules (scripts/test-all.mjs)
// and fails on any violation. Rules match resolved paths, and also the bare package name for an
// import that does not resolve (a package used without declaring it), so neither form slips by.

/** A path under packages/<name>/ or the workspace package @samspill/<name>, for any of `names`. */
const pkg = (...names) => `^(packages/(${names.join("|")})/|@samspill/(${names.join("|")})(/|$))`;

// The packages from the bottom up; each may import only the layers below it. Packages on the same
// layer stay independent of each other. The rules name packages that may not exist yet, so they
// hold from the moment one is created.
const layers = [["domain"], ["database"], ["events"], ["commands", "read-model", "mail"]];
const layered = layers.flat();

const layerRules = layers.map((layer, i) => {
  const allowed = [...layers.slice(0, i).flat()];
  return {
    name: `layer-${layer.join("-")}`,
    comment: `packages/{${layer.join(",")}} may import only ${allowed.length ? allowed.join(", ") : "no other workspace package"} (domain ← database ← events ← commands, read-model, mail ← services, web)`,
    severity: "error",
    from: { path: `^packages/(${layer.join("|")})/` },
    to: {
      path: pkg(...layered, "seed", "graphql"),
      // Its own package, and the layers below.
      pathNot: [`^packages/$1/`, `^@samspill/$1(/|$)`, ...(allowed.length ? [pkg(...allowed)] : [])],
    },
  };
});

// web/src: feature folders never import each other; what two features share lives in a shared
// folder (components/, i18n/, layout/, auth/ or the top-level modules).
const features = [
  "action-plans",
  "admin",
  "catalogue",
  "courses",
  "offer",
  "overview",
  "participation",
  "pages",
  "subscriptions",
  "workspace",
];
const feature = `^web/src/(${features.join("|")})/`;

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "A cycle makes load order matter and both ends impossible to change alone.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "gateway-not-worker",
      comment: "The gateway and the worker talk through the outbox and the queues, never through code.",
      severity: "error",
      from: { path: "^services/gateway/" },
      to: { path: "^(services/worker/|@samspill/worker(/|$))" },
    },
    {
      name: "packages-not-apps",
      comment: "Packages are what the services and the web app are built from; they never import them.",
      severity: "error",
      from: { path: "^packages/" },
      to: { path: "^(services/|web/|@samspill/(gateway|worker|web)(/|$))" },
    },
    {
      name: "services-and-web-apart",
      comment: "The web app reaches the services over HTTP only; the services never bundle the web app.",
      severity: "error",
      from: { path: "^(services|web)/" },
      to: { path: "^(services|web)/", pathNot: "^$1/" },
    },
    ...layerRules,
    {
      name: "web-feature-not-feature",
      comment: "A web feature folder never imports another; move what they share into a shared folder.",
      severity: "error",
      from: { path: feature },
      to: { path: feature, pathNot: "^web/src/$1/" },
    },
    {
      name: "web-shared-not-feature",
      comment: "Shared web code is below the features; only the app's entry points (router, main) know them.",
      severity: "error",
      from: { path: "^web/src/", pathNot: [feature, "^web/src/(router|main)\\.tsx$"] },
      to: { path: feature },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Prisma's generated client has cycles of its own; only our code is held to the rules.
    exclude: { path: ["/generated/", "node_modules", "/dist/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.base.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      // NodeNext sources import "./x.js" for "./x.ts": dependency-cruiser maps that by itself.
      extensions: [".ts", ".tsx", ".mts", ".js", ".mjs", ".cjs", ".json"],
    },
  },
};
