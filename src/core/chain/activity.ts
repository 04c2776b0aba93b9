/**
 * The activity a command declared (`activity` on its definition), recorded for the commune
 * of its scope once it succeeded, in its unit of work: the momentum watch and the
 * Fair-O-Mètre evidence read these rows, so commands no longer write them by hand. Nothing is
 * recorded for a form, a reply asking to correct fields, or a run that said nothing changed.
 */
import type { ActivityDeclaration } from "../commands.js";
import { defineStep, needs } from "./context.js";

export const activity = defineStep("activity", async (ctx, next) => {
  const def = needs(ctx, "command");
  const declared = def.activity as ActivityDeclaration<Record<string, unknown>> | undefined;
  const note = ctx.activity;
  if (declared === undefined || !note || note.skipped || !ctx.reply || ctx.reply.fieldErrors) return next();
  const commune = ctx.commune;
  // The registry only accepts an activity on a command whose scope requires a commune.
  if (!commune) throw new Error(`command "${def.name}" declares an activity but has no commune`);
  const kind = typeof declared === "string" ? declared : declared.kind;
  const data = note.data ?? (typeof declared === "string" ? null : declared.data({ options: needs(ctx, "options"), commune }));
  await needs(ctx, "services").repos.activity.record({ communeId: commune.id, personId: needs(ctx, "actor").personId, kind, at: ctx.now, data });
  ctx.log.debug({ command: def.name, commune: commune.slug, kind }, "activity recorded");
  return next();
});
