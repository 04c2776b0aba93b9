/**
 * The command itself, or its form when it came with no option at all. A command that changes
 * state runs as one unit of work with the steps after it (its activity): what it saves and
 * what it promises to post (outbox rows, activity) are committed together, so a crash never
 * keeps one without the other. One that only reads holds no transaction (on SQLite, that
 * would be the file's write lock, against every other process, for a map's rendering), and
 * neither does one that opens its own units (`unitOfWork: "own"`).
 */
import type { Services } from "../commands.js";
import { actedAt } from "../acted-at.js";
import { message } from "../reply.js";
import { defineStep, needs } from "./context.js";

export const run = defineStep("run", async (ctx, next) => {
  const def = needs(ctx, "command");
  const actor = needs(ctx, "actor");
  const { locale, t, now, incoming, deps } = ctx;
  if (ctx.blank && def.form) {
    const form = def.form({ t, locale, actor });
    ctx.reply = { ...message(locale, form.title), form };
    return next();
  }
  const options = needs(ctx, "options");
  const work = async (services: Services) => {
    // Afresh on each try: a unit of work lost to another writer is run again, whole.
    const activity: NonNullable<typeof ctx.activity> = { skipped: false };
    ctx.services = services;
    ctx.activity = activity;
    ctx.reply = await def.run({
      options: options as never,
      actor,
      commune: ctx.commune as never,
      activity: { set: (data) => void (activity.data = data), skip: () => void (activity.skipped = true) },
      locale,
      t,
      now,
      actedAt: actedAt(incoming.actedAt, now),
      channel: incoming.channel,
      files: incoming.files ?? [],
      services,
      registry: deps.registry,
      users: deps.users,
    });
    // A form to correct changed nothing; anything else may have (a refusal says so by itself).
    if (def.changesState && !ctx.reply.fieldErrors) {
      for (const hook of deps.changed ?? []) await hook({ services, actor, commune: ctx.commune ?? null, command: def.name, now });
    }
    return next();
  };
  return def.changesState && def.unitOfWork !== "own" ? deps.services.transaction(work) : work(deps.services);
});
