/**
 * `/cdce initiatives [mots] [type:] [partenaire:] [critere:] [province:] [commune:] [langue:] [periode:] [page:]`
 * Searches the network's published initiatives: words name kinds, partner kinds, criteria
 * (`c6`), provinces, communes, languages (`DE`) and years; the rest is matched as text.
 */
import { defineCommand } from "../../src/core/commands.js";
import { choice, int, text } from "../../src/core/options.js";
import { reply } from "../../src/core/reply.js";
import { pageToShow } from "../../src/core/paging.js";
import { CdceError } from "../../src/core/errors.js";
import { LOCALES, type Block } from "../../src/core/types.js";
import { parsePeriod } from "../../src/core/time/dates.js";
import { rank, readQuery } from "../../src/features/initiatives/search.js";
import { criterionLabel, initiativeLine, kindLabel, partnerLabel } from "../../src/features/initiatives/render.js";
import { CRITERIA, INITIATIVE_KINDS, PARTNER_KINDS, toCriterion, toKind, toPartnerKind, type Criterion } from "../../src/features/initiatives/vocabulary.js";
import { languageLabel } from "../../src/core/labels.js";
import { prefixWithin } from "../../src/core/clip.js";
import { isoDay } from "../../src/core/time/local.js";

const PER_PAGE = 6;

export default defineCommand({
  // Under `initiative` so that Discord keeps it in that group; `/cdce initiatives …` still works.
  name: "initiative chercher",
  words: { fr: "initiative chercher", de: "initiative suchen", nl: "initiatief zoeken", en: "initiative search" },
  intent: "find",
  optionWords: { mots: { de: "wörter", nl: "woorden", en: "words" }, type: { de: "typ", nl: "type", en: "type" }, partenaire: { de: "partner", nl: "partner", en: "partner" }, critere: { de: "kriterium", nl: "criterium", en: "criterion" }, province: { de: "provinz", nl: "provincie", en: "province" }, commune: { de: "gemeinde", nl: "gemeente", en: "commune" }, langue: { de: "sprache", nl: "taal", en: "language" }, periode: { de: "zeitraum", nl: "periode", en: "period" }, page: { de: "seite", nl: "pagina", en: "page" } },
  changesState: false,
  aliases: ["initiatives", "initiativen", "initiatieven", "initiative search", "initiative suchen", "initiative zoeken"],
  help: { fr: "Chercher parmi les initiatives du réseau", de: "In den Initiativen des Netzwerks suchen", nl: "Zoeken in de initiatieven van het netwerk", en: "Search the network’s initiatives" },
  usage: { fr: "initiatives atelier ecole Namur 2026", de: "initiatives stand DE 2026", nl: "initiatives ontbijt Brussel", en: "initiatives market c6 Luxembourg" },
  options: {
    mots: text({ help: { fr: "Mots : type, partenaire, critère (c6), province, commune, langue (DE), année", de: "Wörter: Art, Partner, Kriterium (c6), Provinz, Gemeinde, Sprache (DE), Jahr", nl: "Woorden: soort, partner, criterium (c6), provincie, gemeente, taal (DE), jaar", en: "Words: kind, partner, criterion (c6), province, commune, language (DE), year" }, max: 300, rest: true }),
    type: choice({ help: { fr: "Type d’action", de: "Art der Aktion", nl: "Soort actie", en: "Kind of action" }, values: INITIATIVE_KINDS, normalize: toKind }),
    partenaire: choice({ help: { fr: "Type de partenaire", de: "Art des Partners", nl: "Soort partner", en: "Partner kind" }, values: PARTNER_KINDS, normalize: toPartnerKind }),
    critere: choice({ help: { fr: "Critère du titre (1 à 6)", de: "Titelkriterium (1 bis 6)", nl: "Titelcriterium (1 tot 6)", en: "Title criterion (1 to 6)" }, values: CRITERIA, normalize: toCriterion }),
    province: text({ help: { fr: "Province", de: "Provinz", nl: "Provincie", en: "Province" }, max: 60 }),
    commune: text({ help: { fr: "Commune", de: "Gemeinde", nl: "Gemeente", en: "Commune" }, max: 80, autocomplete: "commune" }),
    langue: choice({ help: { fr: "Langue", de: "Sprache", nl: "Taal", en: "Language" }, values: LOCALES }),
    periode: text({ help: { fr: "Période : 2026, 2026-10, 30j, mois, 2026-01-01..2026-06-30", de: "Zeitraum: 2026, 2026-10, 30d, monat, 2026-01-01..2026-06-30", nl: "Periode: 2026, 2026-10, 30d, maand, 2026-01-01..2026-06-30", en: "Period: 2026, 2026-10, 30d, month, 2026-01-01..2026-06-30" }, max: 40 }),
    page: int({ help: { fr: "Page", de: "Seite", nl: "Pagina", en: "Page" }, min: 1, max: 100, default: 1 }),
  },
  async run({ options: o, t, locale, actor, now, services }) {
    const communes = await services.repos.communes.list();
    const q = readQuery(o.mots ?? "", communes, actor.timeZone, now);
    if (o.type) q.kinds.push(o.type);
    if (o.partenaire) q.partnerKinds.push(o.partenaire);
    if (o.critere) q.criteria.push(Number(o.critere) as Criterion);
    if (o.langue) q.languages.push(o.langue);
    if (o.province) {
      const p = readQuery(o.province, communes, actor.timeZone, now).provinces;
      if (!p.length) throw new CdceError("initiatives.province_unknown", "initiatives.error.province", { name: prefixWithin(o.province, 40) });
      q.provinces.push(...p);
    }
    if (o.commune) {
      const c = await services.repos.communes.findByName(o.commune);
      if (!c) throw new CdceError("commune.unknown", "commune.unknown", { name: prefixWithin(o.commune, 60) });
      q.communeIds.push(c.id);
    }
    if (o.periode) {
      const period = parsePeriod(o.periode, actor.timeZone, now);
      if (!period) throw new CdceError("initiatives.bad_period", "initiatives.error.period", { value: prefixWithin(o.periode, 40) });
      q.period = period;
    }
    const all = await services.community.initiatives.list({ statuses: ["published"], from: q.period?.from, to: q.period?.to, limit: 5000 });
    const byId = new Map(communes.map((c) => [c.id, c]));
    const found = rank(all, byId, q);
    const understood = [
      ...q.kinds.map((k) => kindLabel(t, k)),
      ...q.topics.map((k) => kindLabel(t, k)),
      ...q.partnerKinds.map((p) => partnerLabel(t, p)),
      ...q.criteria.map((c) => criterionLabel(t, c)),
      ...q.provinces,
      ...q.communeIds.map((id) => byId.get(id)?.name ?? "?"),
      ...q.languages.map((l) => languageLabel(t, l)),
      ...(q.period ? [`${isoDay(q.period.from)} → ${isoDay(new Date(q.period.to.getTime() - 86_400_000))}`] : []),
    ];
    if (found.length === 0) {
      return reply(locale, [{ type: "section", text: [t("initiatives.none"), understood.length ? t("initiatives.understood", { terms: understood.join(" · ") }) : "", t("initiatives.hint")].filter(Boolean).join("\n") }]);
    }
    const pages = Math.ceil(found.length / PER_PAGE);
    const { page, notice } = pageToShow(o.page, pages, t);
    const blocks: Block[] = [{ type: "header", text: t("initiatives.results", { total: found.length, page, pages }) }, ...notice];
    if (understood.length) blocks.push({ type: "context", text: t("initiatives.understood", { terms: understood.join(" · ") }) });
    const lines = found.slice((page - 1) * PER_PAGE, page * PER_PAGE).map((i) => `• ${initiativeLine(t, i, byId.get(i.communeId)?.name ?? "?")}`);
    blocks.push({ type: "section", text: lines.join("\n") }, { type: "context", text: t("initiatives.seeHint") });
    if (page < pages) {
      const parts = ["initiatives", prefixWithin(o.mots ?? "", 40)];
      for (const k of ["type", "partenaire", "critere", "langue", "periode"] as const) if (o[k]) parts.push(`${k}:${o[k]}`);
      parts.push(`page:${page + 1}`);
      blocks.push({ type: "actions", buttons: [{ label: t("initiatives.more"), command: prefixWithin(parts.filter(Boolean).join(" "), 100) }] });
    }
    return reply(locale, blocks);
  },
});
