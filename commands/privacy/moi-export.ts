/**
 * `/cdce moi export`: everything the bot keeps about the caller, as a JSON file (and inline
 * when short, for platforms that do not upload files yet).
 */
import { defineCommand } from "../../src/core/commands.js";
import { reply } from "../../src/core/reply.js";
import { CdceError } from "../../src/core/errors.js";
import type { Block } from "../../src/core/types.js";
import { exportJson } from "../../src/features/privacy/render.js";
import { isoDay } from "../../src/core/time/local.js";

/** Inline only what fits one message section comfortably. */
const INLINE_MAX = 2500;

export default defineCommand({
  name: "moi export",
  words: { fr: "moi export", de: "ich export", nl: "ik export", en: "me export" },
  intent: "me",
  changesState: false,
  aliases: ["me export", "ich export", "ik export"],
  help: { fr: "Exporter vos données (JSON)", de: "Ihre Daten exportieren (JSON)", nl: "Uw gegevens exporteren (JSON)", en: "Export your data (JSON)" },
  usage: { fr: "moi export", de: "moi export", nl: "moi export", en: "moi export" },
  options: {},
  async run({ t, locale, actor, now, services }) {
    const data = await services.community.privacy.collect(actor.personId);
    if (!data) throw new CdceError("me.unknown", "me.error.unknown");
    const json = exportJson(data, now);
    const name = `cdce-mes-donnees-${isoDay(now)}.json`;
    const blocks: Block[] = [{ type: "section", text: t("me.export.ready", { name, size: Buffer.byteLength(json) }) }];
    if (json.length <= INLINE_MAX) blocks.push({ type: "section", text: `\`\`\`\n${json}\n\`\`\`` });
    else blocks.push({ type: "context", text: t("me.export.long") });
    return { ...reply(locale, blocks), files: [{ name, contentType: "application/json", data: json }] };
  },
});
