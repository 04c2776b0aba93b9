/**
 * `/cdce kit importer` with a file (CSV, XLSX or JSON of kits) attached: the same report as
 * `npm run import`, then an "Appliquer" button. The file's lines wait server-side under a key
 * (the button carries only the key); the click checks them again against the data of then.
 */
import { defineCommand } from "../../src/core/commands.js";
import { file, text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import type { Block, Reply } from "../../src/core/types.js";
import { applyPlan, checkImport, hasChanges, planRows } from "../../src/features/imports/index.js";
import { reportParts } from "../../src/features/imports/report.js";
import { newPendingKey, PENDING_MINUTES } from "../../src/features/imports/pending.js";
import type { AnyPlan } from "../../src/features/imports/check.js";
import type { Translate } from "../../src/core/i18n/catalogue.js";
import type { Locale } from "../../src/core/types.js";

/** A catalogue of a few hundred kits is far below; a bigger file is a mistake. */
const MAX_BYTES = 5 * 1024 * 1024;
/** Items per list in chat: the rest is counted ("… and 12 more"). */
const LIST_LIMIT = 12;

function reportBlocks(plan: AnyPlan, fileName: string, t: Translate): Block[] {
  const p = reportParts(plan, fileName, t, LIST_LIMIT);
  const blocks: Block[] = [
    { type: "header", text: p.title },
    { type: "section", text: p.summary },
  ];
  if (p.created.length) blocks.push({ type: "section", text: p.created.join("\n") });
  for (const c of p.changed) blocks.push({ type: "section", text: c });
  if (p.absent) blocks.push({ type: "context", text: p.absent });
  if (p.errors.length) blocks.push({ type: "section", text: [`**${t("imports.report.errors")}**`, ...p.errors].join("\n") });
  return blocks;
}

function reply(locale: Locale, blocks: Block[], summary: string): Reply {
  return { visibility: "ephemeral", text: summary, blocks, locale };
}

export default defineCommand({
  name: "kit importer",
  words: { fr: "kit importer", de: "kit importieren", nl: "kit importeren", en: "kit import" },
  intent: "manage",
  optionWords: { fichier: { de: "datei", nl: "bestand", en: "file" }, appliquer: { de: "anwenden", nl: "toepassen", en: "apply" } },
  changesState: true,
  aliases: ["kit import", "kit importieren", "kit importeren"],
  help: {
    fr: "Importer le catalogue des kits depuis un fichier CSV, XLSX ou JSON joint (coordination)",
    de: "Den Kit-Katalog aus einer angehängten CSV-, XLSX- oder JSON-Datei importieren (Koordination)",
    nl: "De kitcatalogus importeren uit een bijgevoegd CSV-, XLSX- of JSON-bestand (coördinatie)",
    en: "Import the kit catalogue from an attached CSV, XLSX or JSON file (coordination)",
  },
  usage: { fr: "kit importer (avec le fichier joint)", de: "kit importer (mit angehängter Datei)", nl: "kit importer (met bijgevoegd bestand)", en: "kit importer (with the file attached)" },
  permission: "kit.manage",
  options: {
    // Where Discord offers the attachment and Slack's modal its file input; the file itself
    // comes in `files`, downloaded by the platform.
    fichier: file({ help: { fr: "Le fichier des kits (CSV, XLSX ou JSON)", de: "Die Kit-Datei (CSV, XLSX oder JSON)", nl: "Het kitbestand (CSV, XLSX of JSON)", en: "The kits file (CSV, XLSX or JSON)" } }),
    appliquer: text({ help: { fr: "Clé de l’import à appliquer (le bouton la donne)", de: "Schlüssel des anzuwendenden Imports (die Schaltfläche gibt ihn)", nl: "Sleutel van de toe te passen import (de knop geeft hem)", en: "Key of the import to apply (the button gives it)" }, max: 40 }),
  },
  async run({ options, files, t, locale, services, actor, now }) {
    const { codec, pending } = services.imports;
    const targets = { kits: services.repos.kits, communes: services.repos.communes };
    if (options.appliquer) {
      const waiting = await pending.take(options.appliquer, now);
      if (!waiting) return message(locale, t("imports.chat.expired", { minutes: PENDING_MINUTES }));
      if (waiting.personId !== actor.personId) {
        await pending.put(options.appliquer, waiting, now);
        return message(locale, t("imports.chat.notYours"));
      }
      const plan = await planRows(waiting.kind, waiting.sheet, targets);
      if (plan.errors.length > 0) return reply(locale, [...reportBlocks(plan, waiting.fileName, t), { type: "context", text: t("imports.report.blocked") }], t("imports.report.blocked"));
      const count = await applyPlan(plan, targets, now);
      await services.kits.reload();
      return message(locale, t("imports.chat.applied", { count }));
    }
    const file = files[0];
    if (!file) {
      // Slack asks for the file in a dialog; elsewhere the message says how to attach it.
      const askFile = { command: "kit importer", title: t("imports.chat.askTitle"), label: t("imports.chat.askLabel"), submitLabel: t("imports.chat.askSubmit"), extensions: ["csv", "xlsx", "json"] };
      return { ...message(locale, t("imports.chat.noFile")), askFile };
    }
    if (codec.formatOf(file.name) === null) return message(locale, t("imports.chat.unknownType", { file: file.name }));
    if (file.data.byteLength > MAX_BYTES) return message(locale, t("imports.chat.tooLarge", { file: file.name, size: Math.ceil(file.data.byteLength / 1024), max: MAX_BYTES / 1024 }));
    const { plan, sheet } = await checkImport(codec, "kits", file.name, file.data, targets);
    const blocks = reportBlocks(plan, file.name, t);
    if (plan.errors.length > 0 || !sheet) return reply(locale, [...blocks, { type: "context", text: t("imports.report.blocked") }], t("imports.report.blocked"));
    if (!hasChanges(plan)) return reply(locale, [...blocks, { type: "context", text: t("imports.report.nothing") }], t("imports.report.nothing"));
    const key = newPendingKey();
    await pending.put(key, { personId: actor.personId, kind: "kits", fileName: file.name, sheet, expiresAt: new Date(now.getTime() + PENDING_MINUTES * 60_000) }, now);
    blocks.push(
      { type: "actions", buttons: [{ label: t("imports.chat.apply"), command: `kit importer appliquer:${key}`, style: "primary" }] },
      { type: "context", text: t("imports.chat.applyHint", { minutes: PENDING_MINUTES }) },
    );
    return reply(locale, blocks, t("imports.chat.applyHint", { minutes: PENDING_MINUTES }));
  },
});
