/**
 * One clock, injected: the domain (src/core, src/features, commands/ and the jobs in them)
 * reads the current time only from `services.clock()`, a command's `now` or a job's
 * `JobContext.now`, so that tests and the terminal demo (`--now`, `/cdce demo avancer`) move
 * it. `clock/no-wall-clock` reports the ways of reading the machine's clock directly:
 * `Date.now()`, `new Date()` with no argument, `Date()` called as a function (a string of
 * now), and the same through `globalThis`. Durations (`performance.now()`) are not instants
 * and stay allowed.
 */
const MESSAGE = "the current time comes from the injected clock (services.clock(), the command's `now`, JobContext.now), not from {{what}}";

/** Whether `node` names the global Date (`Date`, `globalThis.Date`). */
function isDate(node) {
  if (node.type === "Identifier") return node.name === "Date";
  return node.type === "MemberExpression" && !node.computed && node.object.type === "Identifier" && node.object.name === "globalThis" && node.property.name === "Date";
}

const noWallClock = {
  meta: {
    type: "problem",
    docs: { description: "forbids reading the machine's clock in the domain: inject the clock" },
    schema: [],
    messages: { wallClock: MESSAGE },
  },
  create(context) {
    const scope = (node) => (context.sourceCode ?? context.getSourceCode()).getScope?.(node);
    /** A local `Date` (a parameter, an import) is not the global one. */
    const shadowed = (node, callee) => {
      if (callee.type !== "Identifier") return false;
      for (let s = scope(node); s; s = s.upper) {
        const v = s.set.get("Date");
        if (v && v.defs.length > 0) return true;
      }
      return false;
    };
    return {
      NewExpression(node) {
        if (node.arguments.length === 0 && isDate(node.callee) && !shadowed(node, node.callee)) context.report({ node, messageId: "wallClock", data: { what: "new Date()" } });
      },
      CallExpression(node) {
        const callee = node.callee;
        if (isDate(callee) && !shadowed(node, callee)) return context.report({ node, messageId: "wallClock", data: { what: "Date()" } });
        if (callee.type === "MemberExpression" && !callee.computed && callee.property.name === "now" && isDate(callee.object) && !shadowed(node, callee.object))
          context.report({ node, messageId: "wallClock", data: { what: "Date.now()" } });
      },
    };
  },
};

export default { rules: { "no-wall-clock": noWallClock } };
