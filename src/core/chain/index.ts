/**
 * The chain every command goes through, composed here and nowhere else: who asks, what they
 * ask, about which commune, whether they may, then the command and the activity it declared.
 */
import { compose } from "./compose.js";
import type { Step } from "./context.js";
import { actor } from "./actor.js";
import { parse } from "./parse.js";
import { scope } from "./scope.js";
import { permission } from "./permission.js";
import { run } from "./run.js";
import { activity } from "./activity.js";

export const STEPS: readonly Step[] = [actor, parse, scope, permission, run, activity];

export const commandChain = compose(STEPS);

export { compose };
export { mayUse } from "./permission.js";
export type { ChainContext, ChainDeps, Outcome, Step, StepName } from "./context.js";
