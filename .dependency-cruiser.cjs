/**
 * What may import what, as the README's architecture section describes it. `npm run lint` fails on any
 * import below, so the shape is enforced, not hoped for. Type-only imports count: a type from the
 * store inside the domain ties the two together just as a value would.
 */

/** Folders a use case must never reach into: the doors in, the delivery system and the entry points. */
const TRANSPORT = "^src/(bot|outbox|http|api|tab|cli|scheduler)/|^src/(app|server|cli)\\.ts$";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment:
        "Modules import each other in a circle: the load order decides what is undefined at start-up. " +
        "Move what both need into a third file.",
      from: { path: "^src/" },
      // A cycle through type-only imports vanishes when the code runs, so only runtime cycles count.
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "domain-is-pure",
      severity: "error",
      comment:
        "src/domain holds the rules and imports nothing but itself and zod: no SDKs, no store, no I/O " +
        "(not even node: modules), so a rule is tested without a server.",
      from: { path: "^src/domain/" },
      to: { pathNot: ["^src/domain/", "^node_modules/zod/"] },
    },
    {
      name: "botbuilder-only-in-bot",
      severity: "error",
      comment:
        "Only src/bot knows the Teams SDK (botbuilder, botframework-*, or its successor " +
        "@microsoft/agents-*), so moving SDK is a change of adapter. src/outbox delivers through " +
        "src/bot's connector calls, never the SDK itself.",
      from: { path: "^src/", pathNot: "^src/bot/" },
      to: { path: "^node_modules/(botbuilder|botframework-|@microsoft/agents-)" },
    },
    {
      name: "cosmos-only-in-store",
      severity: "error",
      comment:
        "Only src/store talks to Cosmos DB or the embedded server: everything else uses the store's " +
        "repositories and types.",
      from: { path: "^src/", pathNot: "^src/store/" },
      to: { path: "^node_modules/(@azure/cosmos|@vercel/cosmosdb-server|@zeit/cosmosdb-query)/" },
    },
    {
      name: "telemetry-only-in-telemetry",
      severity: "error",
      comment:
        "OpenTelemetry and the Azure Monitor exporter load only when APPLICATIONINSIGHTS_CONNECTION_STRING " +
        "is set, through src/telemetry/telemetry.ts's dynamic import; an import of them anywhere else " +
        "would load them into every server and cost start-up time and memory. Use the Telemetry it returns.",
      from: { path: "^src/", pathNot: "^src/telemetry/" },
      to: { path: "^node_modules/(@opentelemetry/|@azure/monitor-opentelemetry)" },
    },
    {
      name: "src-not-to-tests-bench-scripts",
      severity: "error",
      comment: "The product never depends on its tests, benchmarks or build scripts.",
      from: { path: "^src/" },
      to: { path: "^(tests|bench|scripts|bin)/" },
    },
    {
      name: "cards-are-pure",
      severity: "error",
      comment:
        "A card builder turns domain data into Adaptive Card JSON: it imports only other cards, the " +
        "domain and zod, never the store, the bot or a use case.",
      from: { path: "^src/cards/" },
      to: { pathNot: ["^src/(cards|domain)/", "^node_modules/zod/"] },
    },
    {
      name: "cli-only-from-its-entry",
      severity: "error",
      comment:
        "src/cli is the command line's own code: only src/cli.ts starts it. Shared code belongs " +
        "beside the feature that owns it.",
      from: { path: "^src/", pathNot: "^src/(cli/|cli\\.ts$)" },
      to: { path: "^src/cli/" },
    },
    {
      name: "outbox-below-use-cases",
      severity: "error",
      comment:
        "src/outbox delivers what the use cases queue: it may use the domain, the store and " +
        "src/bot's connector calls, never a use case, a card builder or the HTTP doors.",
      from: { path: "^src/outbox/" },
      to: {
        path: "^src/(review|signoff|query|plans|cards|api|http|tab|cli|scheduler|import|export|report|demo)/|^src/(app|server|cli)\\.ts$",
      },
    },
    {
      name: "use-cases-not-to-transport",
      severity: "error",
      comment:
        "Use cases talk to Teams only through the Messenger interface (src/messaging.ts), so they run " +
        "the same from the bot, the scheduler, the CLI and tests.",
      from: { path: "^src/(review|signoff|query|plans)/" },
      // The one exception is the contract a feature's daily job fulfils, which the scheduler runs.
      to: { path: TRANSPORT, pathNot: "^src/scheduler/daily-job\\.ts$" },
    },
    {
      name: "import-export-not-to-transport",
      severity: "error",
      comment:
        "Reading and writing plan files (and the Word report) is plain data work: the CLI, the API and " +
        "the bot call it, never the other way round.",
      from: { path: "^src/(import|export|report)/" },
      to: { path: TRANSPORT },
    },
    {
      name: "store-is-the-bottom",
      severity: "error",
      comment:
        "src/store sits under everything but the domain: it imports no feature, door or entry point.",
      from: { path: "^src/store/" },
      to: {
        path: "^src/(bot|outbox|http|api|tab|cli|scheduler|review|signoff|query|plans|cards|import|export|report|demo)/|^src/(app|server|cli)\\.ts$",
      },
    },
    {
      name: "scheduler-not-to-doors",
      severity: "error",
      comment:
        "Daily jobs run use cases on a timer; they never go through the bot or the HTTP doors.",
      from: { path: "^src/scheduler/" },
      to: { path: "^src/(bot|http|api|tab|cli)/|^src/(app|server|cli)\\.ts$" },
    },
    {
      name: "http-is-generic",
      severity: "error",
      comment:
        "src/http is Express plumbing (body limits, headers, one error handler) that features plug " +
        "into; it knows no feature.",
      from: { path: "^src/http/" },
      to: {
        path: "^src/(bot|outbox|api|tab|cli|scheduler|review|signoff|query|plans|cards|store|import|export|report|demo)/|^src/(app|server|cli)\\.ts$",
      },
    },
    {
      name: "browser-code-stays-in-browser",
      severity: "error",
      comment:
        "The tab's browser scripts load from /tab/assets: they can import only each other (vendor " +
        "libraries arrive as globals).",
      from: { path: "^src/tab/public/" },
      to: { pathNot: "^src/tab/public/" },
    },
    {
      name: "no-undeclared-dependencies",
      severity: "error",
      comment:
        "An import of a package package.json does not list works only while another package happens " +
        "to bring it in: declare it (npm install --save-exact) or stop importing it.",
      from: { path: "^src/" },
      to: { dependencyTypes: ["npm-no-pkg", "npm-unknown"] },
    },
    {
      name: "no-dev-dependencies-in-src",
      severity: "error",
      comment:
        "Production installs leave devDependencies out: the product's code imports only dependencies " +
        "(types excepted, which vanish when it runs).",
      from: { path: "^src/" },
      to: {
        dependencyTypes: ["npm-dev"],
        dependencyTypesNot: ["type-only"],
        pathNot: "node_modules/@types/",
      },
    },
    {
      name: "no-unresolvable",
      severity: "error",
      comment: "An import that leads to no file: a typo or a file moved without its importers.",
      from: { path: "^src/" },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      // Packages such as csv-stringify expose "csv-stringify/sync" only through their exports map.
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
