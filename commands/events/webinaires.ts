/** `/cdce webinaires [theme:] [langue:] [public:] [page:]`: upcoming network webinars and trainings. */
import { defineCommand } from "../../src/core/commands.js";
import { int, text } from "../../src/core/options.js";
import { message, reply } from "../../src/core/reply.js";
import { pageToShow } from "../../src/core/paging.js";
import { commandWord, themeName, whenText } from "../../src/features/events/render.js";
import { readAudience, readLanguage, readTheme } from "../../src/features/events/vocabulary.js";
import { WEBINAR_THEMES } from "../../src/features/events/model.js";
import type { Block } from "../../src/core/types.js";
import { prefixWithin } from "../../src/core/clip.js";

/** Four per page: each has its own row of buttons, and Discord allows five rows. */
export const WEBINARS_PER_PAGE = 4;

const h = (fr: string, de: string, nl: string, en: string) => ({ fr, de, nl, en });

export default defineCommand({
  name: "webinaires",
  words: { fr: "webinaires", de: "webinare", nl: "webinars", en: "webinars" },
  intent: "find",
  optionWords: { theme: { de: "thema", nl: "thema", en: "theme" }, langue: { de: "sprache", nl: "taal", en: "language" }, public: { de: "zielgruppe", nl: "doelgroep", en: "audience" }, page: { de: "seite", nl: "pagina", en: "page" } },
  changesState: false,
  aliases: ["webinars", "formations", "trainings", "schulungen", "opleidingen"],
  help: h("Les prochains webinaires et formations du réseau", "Die nächsten Webinare und Schulungen des Netzwerks", "De volgende webinars en opleidingen van het netwerk", "Upcoming network webinars and trainings"),
  usage: h("webinaires theme:gouvernance", "webinaires langue:de", "webinaires langue:nl", "webinaires public:benevoles"),
  options: {
    theme: text({ help: h("Thème", "Thema", "Thema", "Theme"), max: 60 }),
    langue: text({ help: h("Langue : fr, de, nl, en", "Sprache: fr, de, nl, en", "Taal: fr, de, nl, en", "Language: fr, de, nl, en"), max: 20 }),
    public: text({ help: h("Public : copil, elus, benevoles, ambassadeurs, agents", "Zielgruppe: copil, elus, benevoles, ambassadeurs, agents", "Doelgroep: copil, elus, benevoles, ambassadeurs, agents", "Audience: copil, elus, benevoles, ambassadeurs, agents"), max: 40 }),
    page: int({ help: h("Page", "Seite", "Pagina", "Page"), min: 1, max: 100, default: 1 }),
  },
  async run({ options: o, actor, t, locale, now, services }) {
    const theme = o.theme ? readTheme(o.theme) : undefined;
    if (o.theme && !theme?.theme) return message(locale, t("ev.theme.unknown", { value: prefixWithin(o.theme, 40), suggestions: theme?.suggestions.join(", ") || "—", themes: WEBINAR_THEMES.join(", ") }));
    const language = o.langue ? readLanguage(o.langue) : undefined;
    if (o.langue && !language) return message(locale, t("error.option.choice", { option: "langue", value: prefixWithin(o.langue, 20), values: "fr, de, nl, en" }));
    const audience = o.public ? readAudience(o.public) : undefined;
    if (o.public && !audience) return message(locale, t("ev.audience.unknown", { value: prefixWithin(o.public, 30), values: "copil, elus, benevoles, ambassadeurs, agents" }));
    const all = await services.events.repo.list({ from: now, kinds: ["webinar", "training"], theme: theme?.theme ?? undefined, language, audience, limit: 200 });
    if (all.length === 0) return message(locale, t("ev.list.none"));
    const pages = Math.ceil(all.length / WEBINARS_PER_PAGE);
    const { page, notice } = pageToShow(o.page, pages, t);
    const mine = new Map((await services.events.repo.forPerson(actor.personId, now)).map((x) => [x.event.id, x.registration.status]));
    const blocks: Block[] = [{ type: "header", text: t("ev.list.title", { total: all.length, page, pages }) }, ...notice];
    for (const e of all.slice((page - 1) * WEBINARS_PER_PAGE, page * WEBINARS_PER_PAGE)) {
      const seats = e.capacity === null ? t("ev.seats.unlimited", { going: e.goingCount }) : t("ev.seats.count", { going: e.goingCount, capacity: e.capacity, waiting: 0 });
      const status = mine.get(e.id);
      blocks.push({ type: "section", text: `**${e.title}** · \`${e.code}\`\n${whenText(e, actor.timeZone, locale)}\n${themeName(t, e)} · ${t(`language.${e.language}`)} · ${seats}${status ? ` · ${t(status === "going" ? "ev.you.going" : "ev.you.waitlist")}` : ""}` });
      const word = commandWord(e);
      blocks.push({
        type: "actions",
        buttons: [
          status ? { label: t("ev.button.leave"), command: `${word} quitter ${e.code}`, style: "danger" } : { label: t("ev.button.join"), command: `${word} rejoindre ${e.code}`, style: "primary" },
          { label: t("ev.button.details"), command: `${word} ${e.code}` },
        ],
      });
    }
    if (page < pages) {
      const parts = ["webinaires", ...(["theme", "langue", "public"] as const).filter((k) => o[k]).map((k) => `${k}:${prefixWithin(o[k]!.replace(/\s+/g, "-"), 20)}`), `page:${page + 1}`];
      blocks.push({ type: "context", text: t("ev.list.more", { command: `/cdce ${parts.join(" ")}` }) });
    }
    return reply(locale, blocks);
  },
});
