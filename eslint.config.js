// Lint: typescript-eslint's recommended rules, plus the architecture, checked by the local rules
// of eslint-rules/architecture.js on every way a module is reached (`import … from`,
// `export … from`, `import("…")`, `require("…")`, `lazyRequire("…")`):
//
// - the domain (src/core, src/features, commands/) never reaches a platform SDK, the ORM or a
//   database driver, the scheduler, the limiter or Redis, nor the outer folders (platforms,
//   data, delivery, scheduler, cluster, ops, the composition files): arrows point inward. It
//   loads lazily only the packages of DOMAIN_LAZY (chrono-node, ics: big, and needed by few
//   commands);
// - src/cluster (leases, the leased platform) uses the kernel only, the ChatPlatform port
//   included (src/core/platform.ts): no SDK, no ORM, no platforms, data, delivery, scheduler or features;
// - src/ops (health and metrics) reads the kernel and the outbox (src/delivery): no SDK, no ORM,
//   no cron/limiter/Redis, no platforms, data, scheduler, cluster or features;
// - src/config.ts reads the environment only: no outer package, and nothing of src/ but the
//   database time-out table (src/data/timeouts.ts, plain numbers);
// - src/app.ts composes data, features, delivery and cluster, but no platform: platforms are
//   loaded by src/platforms/load.ts; src/runtime.ts drives them through the kernel's port;
//   neither touches an SDK or the ORM directly;
// - features: any file outside src/features/A/ and commands/A/ (another feature, the kernel,
//   src/data, src/platforms, the composition) reaches feature A only through
//   src/features/A/index.ts, which re-exports what others use (ports and models for src/data,
//   services for the composition) and never feature.ts (it imports the commands: a cycle at
//   load). src/features/index.ts, the list of features, alone imports each feature.ts;
// - the kernel (src/core) imports no feature and no command: the list of features hands in
//   their messages (addMessages), commands (the registry) and jobs.
// - one clock (eslint-rules/clock.js): the domain never reads the machine's clock (`Date.now()`,
//   `new Date()`, `Date()`); it gets the injected one (services.clock(), `now`, JobContext.now).
// Tests (test/, bench/) may reach anything.
//
// `any` is an error in src/ and commands/ (test/ and bench/ may use it); a rule is disabled only
// with its reason after `--` (test/unit/architecture.test.ts checks it), and a disable comment
// that no longer silences anything is an error.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import architecture from "./eslint-rules/architecture.js";
import clock from "./eslint-rules/clock.js";

const SDK = { packages: ["^@slack/", "^discord\\.js$", "^@discordjs/"], message: "platform SDKs belong in src/platforms" };
const ORM = { packages: ["^@prisma/", "^pg$", "^better-sqlite3$"], paths: ["^src/generated/"], message: "the database belongs in src/data" };
const INFRA = { packages: ["^node-cron$", "^bottleneck$", "^ioredis$"], message: "scheduling and limits belong in src/scheduler and src/delivery" };
const WEB = { packages: ["^fastify$", "^@fastify/", "^eta$"], message: "the public pages' HTTP stack belongs in src/platforms/web" };
const OUTER = {
  paths: ["^src/(platforms|data|delivery|scheduler|cluster|ops)/", "^src/(app|runtime|main|config|compose-services|command-slots|logger)\\.ts$"],
  message: "arrows point inward: pass an interface",
};
/** Packages the domain may load on first use (src/core/lazy-require.ts). */
const DOMAIN_LAZY = ["chrono-node", "ics"];

const layer = (forbidden, lazyRequire) => ({ "architecture/layers": ["error", lazyRequire ? { forbidden, lazyRequire } : { forbidden }] });

// A table read with typed text must not answer for keys it does not hold: `table[word]` on a
// plain object finds `constructor`, `__proto__`, `toString`... Use a Map (src/core/word-table.ts)
// or Object.hasOwn. Caught here: string-keyed object tables and `word in object`.
const typedTextLookups = [
  {
    selector: "VariableDeclarator[init.type='ObjectExpression'][init.properties.length>0][id.typeAnnotation.typeAnnotation.typeName.name='Record'][id.typeAnnotation.typeAnnotation.typeArguments.params.0.type='TSStringKeyword']",
    message: "a string-keyed object table also answers for inherited keys (constructor, __proto__): use a Map (wordTable) instead",
  },
  {
    selector: "VariableDeclarator[init.type='ObjectExpression'][init.properties.length>0] > Identifier.id > TSTypeAnnotation > TSTypeLiteral > TSIndexSignature",
    message: "a string-keyed object table also answers for inherited keys (constructor, __proto__): use a Map (wordTable) instead",
  },
  {
    selector: "BinaryExpression[operator='in'][left.type!='Literal']",
    message: "`key in object` is true for inherited keys (constructor, toString): use a Map or Object.hasOwn",
  },
];

export default tseslint.config(
  { ignores: ["node_modules/", "src/generated/", "data/", "coverage/", "dist/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { architecture },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "error",
      // A feature's messages file adds its keys to FeatureMessageKeys by an empty interface that extends them.
      "@typescript-eslint/no-empty-object-type": ["error", { allowInterfaces: "with-single-extends" }],
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },
  { files: ["src/**/*.ts", "commands/**/*.ts"], rules: { "architecture/feature-boundaries": "error" } },
  {
    files: ["src/core/**/*.ts", "src/features/**/*.ts", "commands/**/*.ts"],
    plugins: { clock },
    rules: { ...layer([SDK, ORM, INFRA, WEB, OUTER], DOMAIN_LAZY), "no-restricted-syntax": ["error", ...typedTextLookups], "clock/no-wall-clock": "error" },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: layer([SDK, ORM, INFRA, WEB, OUTER, { paths: ["^src/features/", "^commands/"], message: "the kernel knows no feature: the list of features hands in what the kernel needs (messages, commands, jobs)" }], DOMAIN_LAZY),
  },
  {
    files: ["src/cluster/**/*.ts"],
    rules: layer([SDK, ORM, INFRA, WEB, { paths: ["^src/(platforms|data|delivery|scheduler|ops|features)/", "^commands/"], message: "the cluster uses the kernel only (the ChatPlatform port is src/core/platform.ts)" }]),
  },
  {
    files: ["src/ops/**/*.ts"],
    rules: layer([SDK, ORM, INFRA, WEB, { paths: ["^src/(platforms|data|scheduler|cluster|features)/", "^commands/"], message: "ops reads the kernel and the outbox only" }]),
  },
  {
    files: ["src/config.ts"],
    rules: layer([SDK, ORM, INFRA, { paths: ["^src/(platforms|delivery|scheduler|cluster|ops|features|core)/", "^src/data/(?!timeouts\\.ts$)", "^commands/"], message: "the configuration reads the environment only" }]),
  },
  { files: ["src/app.ts"], rules: layer([SDK, ORM, INFRA, { paths: ["^src/platforms/"], message: "platforms are loaded by src/platforms/load.ts, not by the app" }]) },
  { files: ["src/runtime.ts"], rules: layer([SDK, ORM, INFRA, { paths: ["^src/platforms/"], message: "the runtime drives platforms through the kernel's port (src/core/platform.ts)" }]) },
  { files: ["test/**", "bench/**"], rules: { "@typescript-eslint/no-explicit-any": "off" } },
  { files: ["src/platforms/terminal/**", "bench/**", "test/**", "src/data/import-cli.ts", "src/platforms/*/cli*.ts", "**/*-cli.ts"], rules: { "no-console": "off" } },
);
