/**
 * The architecture rule as two local ESLint rules. Unlike `no-restricted-imports`, they see
 * every way a module is reached: `import … from`, `export … from`, `import("…")`, `require("…")`
 * and `lazyRequire("…")` (src/core/lazy-require.ts); and they resolve relative paths, so that
 * `../initiatives/dates.js` and `../../src/features/initiatives/dates.js` are the same file.
 *
 * - `architecture/layers`: a file may not reach the packages or the folders its block forbids;
 *   a dynamic import must name its module with a string (else nothing could be checked), and
 *   `lazyRequire` only loads the packages of an allow-list.
 * - `architecture/feature-boundaries`: a file of src/features/A/ or commands/A/, and any file
 *   outside the features, reaches src/features/B/ only through src/features/B/index.ts;
 *   src/features/index.ts (the list of features) alone imports each feature's feature.ts.
 */
import { dirname, relative, resolve } from "node:path";

/** Every module a file names: [node to report on, specifier or null when not a string]. */
function visitModules(context, report) {
  const literal = (node) => {
    if (!node) return null;
    if (node.type === "Literal" && typeof node.value === "string") return node.value;
    if (node.type === "TemplateLiteral" && node.expressions.length === 0) return node.quasis[0].value.cooked;
    return null;
  };
  const call = (kind) => (node) => report(node, literal(node.arguments[0]), kind);
  return {
    ImportDeclaration: (node) => report(node, node.source.value, "import"),
    ExportNamedDeclaration: (node) => node.source && report(node, node.source.value, "import"),
    ExportAllDeclaration: (node) => report(node, node.source.value, "import"),
    ImportExpression: (node) => report(node, literal(node.source), "dynamic"),
    "CallExpression[callee.type='Identifier'][callee.name='require']": call("require"),
    "CallExpression[callee.type='Identifier'][callee.name='lazyRequire']": call("lazyRequire"),
  };
}

/** The repository path (`src/features/kits/service.ts`) a relative specifier names, else null. */
function repoPath(context, specifier) {
  if (!specifier.startsWith(".")) return null;
  const cwd = context.cwd ?? context.getCwd();
  const file = context.filename ?? context.getFilename();
  return relative(cwd, resolve(dirname(file), specifier)).split("\\").join("/").replace(/\.js$/, ".ts");
}

const layers = {
  meta: {
    type: "problem",
    docs: { description: "forbids packages and folders to a layer, through every kind of import" },
    schema: [
      {
        type: "object",
        properties: {
          forbidden: {
            type: "array",
            items: {
              type: "object",
              properties: {
                packages: { type: "array", items: { type: "string" } },
                paths: { type: "array", items: { type: "string" } },
                message: { type: "string" },
              },
              required: ["message"],
              additionalProperties: false,
            },
          },
          lazyRequire: { type: "array", items: { type: "string" } },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      forbidden: "'{{name}}' is out of bounds here: {{why}}",
      unnamed: "a {{kind}} must name its module with a string, so that the architecture rule can check it",
      lazy: "lazyRequire('{{name}}'): only {{allowed}} may be loaded lazily here (eslint.config.js)",
    },
  },
  create(context) {
    const options = context.options[0] ?? {};
    const rules = (options.forbidden ?? []).map((r) => ({
      packages: (r.packages ?? []).map((p) => new RegExp(p)),
      paths: (r.paths ?? []).map((p) => new RegExp(p)),
      message: r.message,
    }));
    const lazy = options.lazyRequire;
    return visitModules(context, (node, name, kind) => {
      if (name === null) {
        if (kind !== "import") context.report({ node, messageId: "unnamed", data: { kind: kind === "dynamic" ? "dynamic import" : `${kind} call` } });
        return;
      }
      if (kind === "lazyRequire" && lazy && !lazy.includes(name)) {
        context.report({ node, messageId: "lazy", data: { name, allowed: lazy.join(", ") || "nothing" } });
      }
      const path = repoPath(context, name);
      for (const r of rules) {
        const hit = path === null ? r.packages.some((p) => p.test(name)) : r.paths.some((p) => p.test(path));
        if (hit) context.report({ node, messageId: "forbidden", data: { name, why: r.message } });
      }
    });
  },
};

const FEATURE_FILE = /^(?:src\/features|commands)\/([^/]+)\//;

const featureBoundaries = {
  meta: {
    type: "problem",
    docs: { description: "reach another feature only through its index.ts" },
    schema: [],
    messages: {
      deep: "'{{name}}' reaches inside the {{feature}} feature: import from src/features/{{feature}}/index.ts (add what you need there)",
    },
  },
  create(context) {
    const cwd = context.cwd ?? context.getCwd();
    const self = relative(cwd, context.filename ?? context.getFilename()).split("\\").join("/");
    const own = FEATURE_FILE.exec(self)?.[1];
    const isList = self === "src/features/index.ts";
    return visitModules(context, (node, name) => {
      const path = name === null ? null : repoPath(context, name);
      const m = path && /^src\/features\/([^/]+)\/(.+)$/.exec(path);
      if (!m || m[1] === own || m[2] === "index.ts") return;
      if (isList && m[2] === "feature.ts") return;
      context.report({ node, messageId: "deep", data: { name, feature: m[1] } });
    });
  },
};

export default { rules: { layers, "feature-boundaries": featureBoundaries } };
