/**
 * What one step of a welcome journey says, built from the data of the moment: what the
 * commune does now (its latest actions, coming events, CoPil), three kits for the role (the
 * kit search), the next webinar for the role's audience with its register button, who to turn
 * to (the CoPil, the mentor commune), a first task. A step with nothing to say for this
 * person (already registered to that webinar, none planned, no kit) is skipped: null.
 */
import type { Services } from "../../core/commands.js";
import { translator, type Translate } from "../../core/i18n/catalogue.js";
import type { Notification } from "../../core/notify.js";
import { isFollowed, type Commune, type Kit } from "../../core/ports.js";
import { reply } from "../../core/reply.js";
import { clip } from "../../core/clip.js";
import { formatLocal } from "../../core/time/local.js";
import type { Block, Locale } from "../../core/types.js";
import type { CdceEvent } from "../events/index.js";
import { ACTION_KINDS } from "../watch/index.js";
import { AUDIENCE_OF, roleLabel } from "./roles.js";
import type { WelcomeJourney, WelcomeStep } from "./ports.js";

/** The 8 characters people see of a journey (the Stop button and command). */
export const journeyRef = (id: string) => id.slice(0, 8);

/** What a step shows under its text, gathered once for every language. */
type Extra =
  | { kind: "welcome"; actions: string[]; coming: CdceEvent[]; copilSize: number; communes: number }
  | { kind: "kits"; kits: Kit[] }
  | { kind: "webinar"; event: CdceEvent }
  | { kind: "contacts"; copil: string[]; mentor: string | null; mentees: string[] }
  | { kind: "task" };

async function gather(services: Services, journey: WelcomeJourney, step: WelcomeStep, commune: Commune | null, now: Date): Promise<Extra | null> {
  switch (step.kind) {
    case "welcome": {
      if (!commune) return { kind: "welcome", actions: [], coming: [], copilSize: 0, communes: (await services.repos.communes.list()).filter(isFollowed).length };
      const [recent, coming, copil] = await Promise.all([
        services.repos.activity.recent(commune.id, 50),
        services.events.repo.list({ from: now, kinds: ["local"], communeId: commune.id, limit: 3 }),
        services.watch.copil.active(commune.id, now),
      ]);
      const actions = recent
        .filter((e) => e.at <= now && (ACTION_KINDS as readonly string[]).includes(e.kind))
        .slice(0, 3)
        .map((e) => (typeof e.data?.title === "string" ? clip(e.data.title, 100) : e.kind));
      return { kind: "welcome", actions, coming: coming.filter((e) => e.state === "scheduled"), copilSize: copil.length, communes: 0 };
    }
    case "kits": {
      const kits = services.kits.search({ words: "", locale: "fr", audience: AUDIENCE_OF[journey.role] }).hits.slice(0, 3).map((h) => h.kit);
      return kits.length ? { kind: "kits", kits } : null;
    }
    case "webinar": {
      const audience = AUDIENCE_OF[journey.role];
      const events = await services.events.repo.list({ from: now, kinds: ["webinar", "training"], limit: 20 });
      const next = events.find((e) => e.state === "scheduled" && e.startsAt > now && (e.audiences.length === 0 || (e.audiences as readonly string[]).includes(audience)));
      if (!next) return null;
      // Already registered (or waiting for a seat): this step is done.
      const mine = await services.events.repo.registrations(next.id, { personId: journey.personId, statuses: ["going", "waitlist"] });
      return mine.length ? null : { kind: "webinar", event: next };
    }
    case "contacts": {
      if (!commune) return { kind: "contacts", copil: [], mentor: null, mentees: [] };
      const [members, pairs] = await Promise.all([services.watch.copil.active(commune.id, now), services.watch.mentoring.forCommune(commune.id)]);
      const name = async (id: string) => (await services.repos.communes.get(id))?.name ?? "?";
      const active = pairs.filter((p) => p.state === "active");
      const mentorPair = active.find((p) => p.menteeId === commune.id);
      return {
        kind: "contacts",
        copil: members.filter((m) => m.personId !== journey.personId).slice(0, 6).map((m) => m.name),
        mentor: mentorPair ? await name(mentorPair.mentorId) : null,
        mentees: await Promise.all(active.filter((p) => p.mentorId === commune.id).map((p) => name(p.menteeId))),
      };
    }
    case "task":
      return { kind: "task" };
  }
}

function extraBlocks(t: Translate, locale: Locale, extra: Extra, commune: Commune | null, zone: string): Block[] {
  switch (extra.kind) {
    case "welcome": {
      if (!commune) return [{ type: "section", text: t("journey.network", { count: extra.communes }) }];
      const lines = [
        extra.actions.length ? t("journey.latest", { list: extra.actions.map((a) => `• ${a}`).join("\n") }) : t("journey.noActions"),
        extra.coming.length ? t("journey.coming", { list: extra.coming.map((e) => `• ${e.title} (${formatLocal(e.startsAt, zone, locale)})`).join("\n") }) : "",
        t("journey.copilSize", { count: extra.copilSize }),
      ].filter(Boolean);
      return [{ type: "section", text: lines.join("\n") }, { type: "context", text: t("journey.dashboardHint") }];
    }
    case "kits":
      return [
        { type: "section", text: extra.kits.map((k) => `• **${clip(k.title[locale] ?? k.title.fr, 120)}** — ${clip(k.summary[locale] ?? k.summary.fr, 200)}${k.links[0] ? ` ([${t("journey.open")}](${k.links[0]}))` : ""}`).join("\n") },
        { type: "context", text: t("journey.kitHint") },
      ];
    case "webinar":
      return [
        { type: "section", text: `**${extra.event.title}** — ${formatLocal(extra.event.startsAt, zone, locale)}` },
        { type: "actions", buttons: [{ label: t("journey.register"), command: `webinaire rejoindre ${extra.event.code}`, style: "primary" }] },
      ];
    case "contacts": {
      const lines: string[] = [];
      if (extra.copil.length) lines.push(t("journey.copilContacts", { list: extra.copil.join(", ") }));
      if (extra.mentor) lines.push(t("journey.mentor", { commune: extra.mentor }));
      if (extra.mentees.length) lines.push(t("journey.mentees", { list: extra.mentees.join(", ") }));
      lines.push(t("journey.coordination"));
      return [{ type: "section", text: lines.join("\n") }];
    }
    case "task":
      return [];
  }
}

/** The text of a step in a language, its placeholders filled. */
export function stepText(step: Pick<WelcomeStep, "text">, locale: Locale, fill: { name: string; commune: string }): string {
  const raw = step.text[locale] ?? step.text.fr;
  return raw.replaceAll("{name}", fill.name).replaceAll("{commune}", fill.commune);
}

/** The direct message of one step to the journey's person, or null when the step is skipped. */
export async function stepNotification(services: Services, journey: WelcomeJourney, step: WelcomeStep, total: number, now: Date): Promise<Notification | null> {
  const [person, commune] = await Promise.all([services.repos.identity.getPerson(journey.personId), journey.communeId ? services.repos.communes.get(journey.communeId) : Promise.resolve(null)]);
  if (!person) return null;
  const extra = await gather(services, journey, step, commune, now);
  if (!extra) return null;
  const ref = journeyRef(journey.id);
  const order = step.position;
  return {
    key: `welcome:${journey.id}:step:${step.position}`,
    to: { kind: "person", personId: journey.personId },
    dueAt: now,
    render: (locale) => {
      const t = translator(locale);
      const where = commune?.name ?? t("journey.theNetwork");
      const blocks: Block[] = [
        { type: "section", text: stepText(step, locale, { name: person.name, commune: where }) },
        ...extraBlocks(t, locale, extra, commune, person.timeZone),
        { type: "context", text: t("journey.footer", { n: order, total, role: roleLabel(t, journey.role), ref }) },
      ];
      const actions = blocks.find((b) => b.type === "actions");
      const stop = { label: t("journey.stop"), command: `parcours stop ${ref}`, style: "danger" as const };
      if (actions && actions.type === "actions") actions.buttons.push(stop);
      else blocks.push({ type: "actions", buttons: [stop] });
      return reply(locale, blocks, "channel");
    },
  };
}
