/**
 * `/cdce admin revendiquer <code>`: the first coordinator of a new installation. While nobody
 * holds the coordination role, the bot prints a one-time code when it starts (on its own
 * stderr, nowhere else); whoever types it first, on any platform, becomes coordination. Open
 * to everyone on purpose: the code, not a role, decides (src/features/network/claim.ts).
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { ensureMembership } from "../../src/core/identity.js";
import { isCoordination } from "../../src/core/permissions.js";
import { claimCoordination } from "../../src/features/network/index.js";

export default defineCommand({
  name: "admin revendiquer",
  words: { fr: "admin revendiquer", de: "admin beanspruchen", nl: "admin opeisen", en: "admin claim" },
  intent: "manage",
  optionWords: { code: { de: "code", nl: "code", en: "code" } },
  changesState: true,
  aliases: ["admin beanspruchen", "admin opeisen", "admin claim"],
  // Short on purpose: every character counts in Discord's 8,000-character budget for /cdce.
  help: {
    fr: "Devenir la coordination avec le code du démarrage",
    de: "Mit dem Startcode zur Koordination werden",
    nl: "Coördinatie worden met de startcode",
    en: "Become coordination with the start code",
  },
  usage: { fr: "admin revendiquer 7KQ2M-X9D4R", de: "admin beanspruchen 7KQ2M-X9D4R", nl: "admin opeisen 7KQ2M-X9D4R", en: "admin claim 7KQ2M-X9D4R" },
  options: {
    code: text({ help: { fr: "Code du démarrage", de: "Startcode", nl: "Startcode", en: "Start code" }, max: 40, required: true }),
  },
  async run({ options, actor, t, locale, services, now }) {
    if (isCoordination(actor)) return message(locale, t("claim.already"));
    const outcome = await claimCoordination(services.community.coordinatorClaim, options.code, now);
    // Never the typed code in the logs: it may be the right one.
    const log = { by: actor.personId, platform: actor.platform, outcome: outcome.kind };
    switch (outcome.kind) {
      case "claimed":
        // Same transaction as the claim: the code is spent only if the role is given.
        await ensureMembership(services.repos, actor.personId, "coordination", null, now);
        services.logger.warn(log, "first coordinator: claimed with the start code");
        return message(locale, t("claim.done"));
      case "wrong":
        services.logger.warn(log, "first coordinator: wrong claim code");
        return message(locale, t("claim.wrong", { left: outcome.left }));
      case "locked":
        services.logger.warn(log, "first coordinator: claim attempts locked");
        return message(locale, t("claim.locked", { minutes: Math.max(1, Math.ceil((outcome.until.getTime() - now.getTime()) / 60_000)) }));
      case "expired":
        return message(locale, t("claim.expired"));
      case "closed":
        return message(locale, t("claim.closed"));
    }
  },
});
