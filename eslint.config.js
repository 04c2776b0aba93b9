// Lint: typescript-eslint's recommended rules, plus the architecture rule: the core and the
// commands never import a platform SDK, the ORM, the scheduler or the limiter.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const forbiddenInCore = {
  patterns: [
    { group: ["@slack/*", "discord.js", "@discordjs/*"], message: "platform SDKs belong in src/platforms" },
    { group: ["@prisma/*", "**/generated/**", "pg", "better-sqlite3"], message: "the database belongs in src/data" },
    { group: ["node-cron", "bottleneck", "ioredis"], message: "scheduling and limits belong in src/scheduler and src/delivery" },
    { group: ["**/platforms/**", "**/data/**", "**/delivery/**", "**/scheduler/**"], message: "arrows point inward: pass an interface" },
  ],
};

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
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "error",
      // A feature's messages file adds its keys to FeatureMessageKeys by an empty interface that extends them.
      "@typescript-eslint/no-empty-object-type": ["error", { allowInterfaces: "with-single-extends" }],
    },
  },
  { files: ["src/core/**/*.ts", "src/features/**/*.ts", "commands/**/*.ts"], rules: { "no-restricted-imports": ["error", forbiddenInCore], "no-restricted-syntax": ["error", ...typedTextLookups] } },
  { files: ["src/platforms/terminal/**", "bench/**", "test/**", "src/data/import-cli.ts", "src/platforms/*/cli*.ts", "**/*-cli.ts"], rules: { "no-console": "off" } },
);
