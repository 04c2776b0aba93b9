/**
 * `/cdce tableau [commune]`: the commune's dashboard in one reply (members, Fair-O-Mètre,
 * momentum and trend, upcoming events and trainings, latest actions, mentoring pair).
 */
import { defineCommand, type Services } from "../../src/core/commands.js";
import { communeOption } from "../../src/core/scope.js";
import { semaineWindowsBefore } from "../../src/features/watch/calendar.js";
import { scoreMomentum } from "../../src/features/watch/momentum.js";
import { fomStatus } from "../../src/features/watch/fom.js";
import { rosterHealth } from "../../src/features/watch/roster.js";
import { ACTION_KINDS } from "../../src/features/watch/ports.js";
import { tableauReply } from "../../src/features/watch/tableau-view.js";

/** Items per list: a dashboard, not an archive. */
const ITEMS = 3;

export default defineCommand({
  name: "tableau",
  words: { fr: "tableau", de: "übersicht", nl: "overzicht", en: "dashboard" },
  intent: "manage",
  optionWords: { commune: { de: "gemeinde", nl: "gemeente", en: "commune" } },
  changesState: false,
  aliases: ["dashboard", "ubersicht", "overzicht"],
  help: {
    fr: "Tableau de bord de la commune en un coup d’œil",
    de: "Übersicht der Gemeinde auf einen Blick",
    nl: "Dashboard van de gemeente in één oogopslag",
    en: "The commune's dashboard at a glance",
  },
  usage: { fr: "tableau", de: "tableau Eupen", nl: "tableau", en: "tableau Namur" },
  scope: "commune",
  permission: "commune.view",
  options: {
    commune: communeOption({ rest: true }),
  },
  async run({ commune, t, locale, now, services }) {
    const [members, history, signals, snapshots, recent, pairs] = await Promise.all([
      services.watch.copil.active(commune.id, now),
      services.repos.communes.fomHistory(commune.id),
      services.watch.momentum.signalsFor(commune.id, now, semaineWindowsBefore(now)),
      services.watch.momentum.history(commune.id, 1),
      services.repos.activity.recent(commune.id, 100),
      services.watch.mentoring.forCommune(commune.id),
    ]);
    const upcoming = await upcomingFor(services, commune.id, now);
    const active = pairs.filter((p) => p.state === "active");
    const name = async (id: string) => (await services.repos.communes.get(id))?.name ?? "?";
    return tableauReply(locale, t, {
      commune,
      health: rosterHealth(members, now),
      fom: fomStatus(commune, history, now),
      history,
      momentum: scoreMomentum(signals, now),
      previousScore: snapshots[0]?.score ?? null,
      upcoming,
      // A local event is logged at its own date: a future one is "coming up", not "latest".
      latest: recent.filter((e) => e.at <= now && (ACTION_KINDS as readonly string[]).includes(e.kind)).slice(0, ITEMS),
      mentorOf: await Promise.all(active.filter((p) => p.mentorId === commune.id).map((p) => name(p.menteeId))),
      mentoredBy: active.find((p) => p.menteeId === commune.id) ? await name(active.find((p) => p.menteeId === commune.id)!.mentorId) : null,
    });
  },
});

/** The commune's own upcoming events, then the network events its people registered for. */
async function upcomingFor(services: Services, communeId: string, now: Date) {
  const [local, registered] = await Promise.all([
    services.events.repo.list({ from: now, communeId, limit: ITEMS }),
    services.events.repo.forCommune(communeId, now),
  ]);
  const seen = new Set<string>();
  return [...local, ...registered.map((r) => r.event)]
    .filter((e) => e.state !== "cancelled" && e.startsAt > now && !seen.has(e.id) && seen.add(e.id))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .slice(0, ITEMS)
    .map((e) => ({ title: e.title, startsAt: e.startsAt, code: e.code }));
}
