/**
 * Runs named steps in order, each given `next` for the rest (bolt's middleware, sapphire's
 * preconditions). The step that is running is kept on the context, so that a refusal or a
 * failure can say where it happened.
 */
import type { Reply } from "../types.js";
import type { ChainContext, Step } from "./context.js";

export function compose(steps: readonly Step[]): (ctx: ChainContext) => Promise<Reply> {
  const names = steps.map((s) => s.name);
  if (new Set(names).size !== names.length) throw new Error(`a chain step is named twice: ${names.join(", ")}`);
  return (ctx) => {
    const from = async (i: number): Promise<Reply> => {
      const step = steps[i];
      if (!step) {
        if (!ctx.reply) throw new Error("the chain ended without a reply");
        return ctx.reply;
      }
      ctx.step = step.name;
      return step.handle(ctx, () => from(i + 1));
    };
    return from(0);
  };
}
