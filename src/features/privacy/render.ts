/**
 * What `/cdce moi` shows and `/cdce moi export` gives: everything the bot keeps about the
 * caller, as a readable summary and as JSON.
 */
import type { Translate } from "../../core/i18n/catalogue.js";
import type { Block } from "../../core/types.js";
import type { PersonalData } from "./ports.js";

/** The export: stable field names, ISO dates, nothing about other people. */
export function exportJson(data: PersonalData, exportedAt: Date): string {
  const { records, ...identity } = data;
  return JSON.stringify({ exportedAt: exportedAt.toISOString(), ...identity, ...records }, null, 2);
}

export function summaryBlocks(t: Translate, d: PersonalData, communeNames: ReadonlyMap<string, string>): Block[] {
  const roles = d.memberships.filter((m) => !m.until).map((m) => (m.communeId ? `${m.role} (${communeNames.get(m.communeId) ?? "?"})` : m.role));
  const accounts = d.accounts.map((a) => `${a.platform}:${a.userId}`);
  const count = (key: string) => (Object.hasOwn(d.records, key) ? d.records[key]!.length : 0);
  return [
    { type: "header", text: t("me.title") },
    {
      type: "section",
      text: t("me.intro"),
      fields: [
        { label: t("me.field.name"), value: d.person.name },
        { label: t("me.field.language"), value: `${d.person.locale} · ${d.person.timeZone}` },
        { label: t("me.field.accounts"), value: accounts.join(", ") || "—" },
        { label: t("me.field.roles"), value: roles.join(", ") || "—" },
      ],
    },
    {
      type: "section",
      text: t("me.counts", {
        initiatives: count("initiatives"), sheets: count("sheets"), ideas: count("ideas"), polls: count("polls"),
        votes: count("votes"), follows: count("follows"), tools: count("tools"), registrations: count("registrations"), events: count("activity"), messages: count("messages"),
      }),
    },
    { type: "context", text: t("me.hint") },
    { type: "actions", buttons: [{ label: t("me.button.export"), command: "moi export" }, { label: t("me.button.erase"), command: "moi supprimer", style: "danger" }] },
  ];
}
