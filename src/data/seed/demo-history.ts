/**
 * A year of demo history for the demo communes, as rows to write: CoPil rosters (a contact
 * person with a role, members who came and went), initiatives and local events, network
 * webinars and who attended them, Fair-O-Mètre grades, mentoring pairs. Pure and
 * deterministic: the same communes and the same `now` give the same rows, ids included;
 * every date is counted back (or forward) from `now`, so the history is always "the last year".
 *
 * Each commune follows a story (demo-stories.ts). Before handing the rows out, the plan
 * scores each commune with the watch's own score on the signals the rows make, and thins or
 * thickens the story's numbers until the level is the story's: a week of Semaine du Commerce
 * Équitable (actions there count more) cannot turn a slowing commune green.
 */
import type { FomGrade } from "../../core/ports.js";
import type { Locale } from "../../core/types.js";
import { ACTION_KINDS, MOMENTUM_CONFIG, TRAINING_KINDS, addDays, emptySignals, inWindows, scoreMomentum, semaineWindowsBefore, type MomentumSignals } from "../../features/watch/index.js";
import { ACTIONS, FIRST_NAMES, LAST_NAMES, WEBINARS, hashText, mulberry32, namePool, textLocale } from "./demo-words.js";
import { DEMO_PAIRS, STORIES, STORY_LEVEL, storyOf, type Story, type StorySpec } from "./demo-stories.js";

const DAY = 86_400_000;

/** A commune as the plan needs it (read back from the database after the communes are loaded). */
export interface PlanCommune {
  id: string;
  slug: string;
  name: string;
  languages: Locale[];
  fomDueOn: Date | null;
  /** Fair-O-Mètre records already stored (from commune-facts.json). */
  fomRecords: { on: Date; grade: FomGrade | null }[];
}

export interface HistoryPlan {
  persons: { id: string; name: string; locale: Locale; localeChosen: boolean }[];
  memberships: { id: string; personId: string; communeId: string; role: "copil"; since: Date }[];
  copilMembers: { id: string; communeId: string; name: string; kind: string; personId: string | null; since: Date; until: Date | null }[];
  events: EventRow[];
  registrations: { id: string; eventId: string; personId: string; communeId: string; status: "going"; requestedAt: Date; attendedAt: Date | null }[];
  initiatives: InitiativeRow[];
  activities: { id: string; communeId: string; personId: string | null; kind: string; at: Date; data: string | null }[];
  fomRecords: { communeId: string; on: Date; grade: FomGrade | null }[];
  mentorships: { id: string; mentorId: string; menteeId: string; state: "active" | "ended"; startedAt: Date; endedAt: Date | null; outcome: string | null }[];
  /** The story told by each commune (by id): what the watch should find. */
  stories: Map<string, Story>;
}

export interface EventRow {
  id: string;
  code: string;
  kind: "webinar" | "local";
  title: string;
  theme: string;
  description: string | null;
  startsAt: Date;
  endsAt: Date;
  link: string | null;
  place: string | null;
  goingCount: number;
  language: Locale;
  audiences: string;
  communeId: string | null;
  createdBy: string | null;
}

export interface InitiativeRow {
  id: string;
  communeId: string;
  authorId: string | null;
  title: string;
  description: string;
  kind: string;
  partnerKinds: string;
  criteria: string;
  place: string | null;
  happenedOn: Date;
  language: Locale;
  status: "published";
  moderatedAt: Date;
}

/** Days back of the network webinars of the past year, and forward of the coming ones. */
const PAST_WEBINARS = [18, 46, 74, 102, 130, 165, 200, 235, 270, 305, 340];
const NEXT_WEBINARS = [9, 30];

/** Ids in UUID form, from a generator: deterministic, and the shape every id of the base has. */
function uuid(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16));
  hex[12] = "4";
  hex[16] = "89ab"[Math.floor(rand() * 4)]!;
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Event codes as the events feature makes them: no 0/o, 1/l/i; a letter and a digit. */
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
function codeMaker(rand: () => number) {
  const used = new Set<string>();
  return () => {
    for (;;) {
      let code = "";
      for (let i = 0; i < 5; i++) code += ALPHABET[Math.floor(rand() * ALPHABET.length)];
      if (/\d/.test(code) && /[a-z]/.test(code) && !used.has(code)) return used.add(code), code;
    }
  };
}

/** Fisher-Yates on a copy, with the plan's generator. */
function shuffle<T>(items: readonly T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const between = (rand: () => number, [min, max]: readonly [number, number]) => min + Math.floor(rand() * (max - min + 1));

/** UTC midnight of `now`'s day, moved by `days`, at `hour` UTC. */
function dayAt(now: Date, days: number, hour: number): Date {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(midnight + days * DAY + hour * 3_600_000);
}

/** Kinds of CoPil members in the order a CoPil fills them: the five groups of criterion 5 first. */
const ROSTER_ORDER = ["citizen", "councillor", "staff", "shop", "association", "horeca", "school", "producer", "citizen"];
const SMALL_ROSTER = ["citizen", "association", "councillor"];
const LEAVERS = ["councillor", "shop", "citizen"];

interface Numbers {
  lastDays: number;
  actions6m: number;
  actionsOlder: number;
  trainings: number;
  copil: number;
  lost: number;
  grades: readonly [FomGrade | null, FomGrade | null];
}

type CommuneRows = Omit<HistoryPlan, "mentorships" | "stories" | "events"> & { localEvents: EventRow[] };

/** Builds the plan for `communes` at `now`. */
export function planDemoHistory(communes: readonly PlanCommune[], now: Date): HistoryPlan {
  const codes = codeMaker(mulberry32(hashText("demo-codes")));
  const ids = mulberry32(hashText("demo-network"));
  const webinars: EventRow[] = [...PAST_WEBINARS.map((d) => -d), ...NEXT_WEBINARS].map((days, i) => {
    const w = WEBINARS[i % WEBINARS.length]!;
    const startsAt = dayAt(now, days, 11);
    return {
      id: uuid(ids),
      code: codes(),
      kind: "webinar",
      title: w.title,
      theme: w.theme,
      description: null,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 75 * 60_000),
      link: "https://meet.jit.si/cdce-webinaire",
      place: null,
      goingCount: 0,
      language: "fr",
      audiences: JSON.stringify(["copil", "benevoles"]),
      communeId: null,
      createdBy: null,
    };
  });
  const plan: HistoryPlan = { persons: [], memberships: [], copilMembers: [], events: [...webinars], registrations: [], initiatives: [], activities: [], fomRecords: [], mentorships: [], stories: new Map() };
  for (const commune of communes) {
    const story = storyOf(commune.slug, mulberry32(hashText(`${commune.slug}:story`)));
    const rows = fitStory(commune, story, now, webinars, codes);
    plan.stories.set(commune.id, story);
    plan.persons.push(...rows.persons);
    plan.memberships.push(...rows.memberships);
    plan.copilMembers.push(...rows.copilMembers);
    plan.events.push(...rows.localEvents);
    plan.registrations.push(...rows.registrations);
    plan.initiatives.push(...rows.initiatives);
    plan.activities.push(...rows.activities);
    plan.fomRecords.push(...rows.fomRecords);
  }
  for (const w of webinars) w.goingCount = plan.registrations.filter((r) => r.eventId === w.id).length;
  const bySlug = new Map(communes.map((c) => [c.slug, c.id]));
  for (const pair of DEMO_PAIRS) {
    const mentorId = bySlug.get(pair.mentor);
    const menteeId = bySlug.get(pair.mentee);
    if (!mentorId || !menteeId) continue;
    plan.mentorships.push({
      id: uuid(ids),
      mentorId,
      menteeId,
      state: pair.endedDaysAgo === undefined ? "active" : "ended",
      startedAt: dayAt(now, -pair.startedDaysAgo, 9),
      endedAt: pair.endedDaysAgo === undefined ? null : dayAt(now, -pair.endedDaysAgo, 9),
      outcome: pair.outcome ?? null,
    });
  }
  return plan;
}

/**
 * The rows of one commune: its story's numbers, thinned or thickened (at most a few steps)
 * until the watch's score on them lands on the story's level.
 */
function fitStory(commune: PlanCommune, story: Story, now: Date, webinars: EventRow[], codes: () => string): CommuneRows {
  const spec = STORIES[story];
  const rand = mulberry32(hashText(`${commune.slug}:numbers`));
  const n: Numbers = {
    lastDays: between(rand, spec.lastDays),
    actions6m: between(rand, spec.actions6m),
    actionsOlder: between(rand, spec.actionsOlder),
    trainings: between(rand, spec.trainings),
    copil: between(rand, spec.copil),
    lost: between(rand, spec.lost),
    grades: spec.grades[Math.floor(rand() * spec.grades.length)]!,
  };
  const want = STORY_LEVEL[story];
  const rank = { green: 0, orange: 1, red: 2 } as const;
  // Codes are drawn once the numbers are settled, so that every attempt does not use some up.
  let rows = communeRows(commune, n, now, webinars, () => "");
  for (let attempt = 0; attempt < 12; attempt++) {
    const level = scoreMomentum(planSignals(rows, commune, now), now).level;
    if (level === want) break;
    if (rank[level] < rank[want]) thin(n, spec);
    else thicken(n);
    rows = communeRows(commune, n, now, webinars, () => "");
  }
  return communeRows(commune, n, now, webinars, codes);
}

/** One step down: fewer older actions, then fewer trainings, then a longer silence. */
function thin(n: Numbers, spec: StorySpec) {
  if (n.actionsOlder > 0) n.actionsOlder--;
  else if (n.trainings > 0) n.trainings--;
  else n.lastDays = Math.min(n.lastDays + 7, Math.max(spec.lastDays[1], 175));
}

/** One step up: one more recent action. */
function thicken(n: Numbers) {
  n.actions6m = Math.min(n.actions6m + 1, 6);
}

function communeRows(commune: PlanCommune, n: Numbers, now: Date, webinars: readonly EventRow[], code: () => string): CommuneRows {
  const rand = mulberry32(hashText(`${commune.slug}:rows`));
  const id = () => uuid(rand);
  const lang = textLocale(commune.languages);
  const out: CommuneRows = { persons: [], memberships: [], copilMembers: [], localEvents: [], registrations: [], initiatives: [], activities: [], fomRecords: [] };
  const name = () => {
    const pool = namePool(commune.languages, rand);
    const first = FIRST_NAMES[pool][Math.floor(rand() * FIRST_NAMES[pool].length)]!;
    return { name: `${first} ${LAST_NAMES[pool][Math.floor(rand() * LAST_NAMES[pool].length)]!}`, locale: pool as Locale };
  };

  // The roster: everyone present since before the trend window (6 months), plus the leavers.
  const kinds = n.copil <= 3 ? SMALL_ROSTER : ROSTER_ORDER;
  const contact = { id: id(), ...name() };
  for (let i = 0; i < n.copil; i++) {
    const who = i === 0 ? contact : { id: "", ...name() };
    const since = dayAt(now, -between(rand, [200, 1400]), 18);
    out.copilMembers.push({ id: id(), communeId: commune.id, name: who.name, kind: kinds[i % kinds.length]!, personId: i === 0 ? contact.id : null, since, until: null });
    if (i === 0) {
      out.persons.push({ id: contact.id, name: contact.name, locale: contact.locale, localeChosen: false });
      out.memberships.push({ id: id(), personId: contact.id, communeId: commune.id, role: "copil", since });
    }
  }
  // Departures, recorded with `/cdce copil retirer` (a sign of life on that day). Without a
  // recent action, the latest departure is the commune's last sign of life.
  for (let i = 0; i < n.lost; i++) {
    const days = i === 0 && n.actions6m === 0 ? n.lastDays : between(rand, [Math.max(n.lastDays, 30), 175]);
    const until = dayAt(now, -days, 19);
    out.copilMembers.push({ id: id(), communeId: commune.id, name: name().name, kind: LEAVERS[i % LEAVERS.length]!, personId: null, since: dayAt(now, -between(rand, [400, 1500]), 18), until });
    out.activities.push({ id: id(), communeId: commune.id, personId: contact.id, kind: "copil_change", at: until, data: null });
  }

  // Actions: the latest on the last day of activity, the others spread over the half-year
  // before it; then the older half of the year; a thriving commune has one coming up too.
  const recent = Array.from({ length: n.actions6m }, (_, i) => (i === 0 ? n.lastDays : n.lastDays + Math.round(((i + rand()) * (176 - n.lastDays)) / n.actions6m)));
  const older = Array.from({ length: n.actionsOlder }, () => between(rand, [190, 355]));
  const upcoming = n.actions6m >= 3 && rand() < 0.6 ? [-between(rand, [10, 50])] : [];
  for (const days of [...recent, ...older, ...upcoming]) {
    // What is still to come is a local event on the agenda (an initiative is shared once done).
    const choices = days < 0 ? ACTIONS.filter((w) => w.kind !== "conseil") : ACTIONS;
    const words = choices[Math.floor(rand() * choices.length)]!;
    const at = dayAt(now, -days, 9);
    const asEvent = words.kind !== "conseil" && (days < 0 || rand() < 0.5);
    if (asEvent) {
      const event: EventRow = {
        id: id(), code: code(), kind: "local", title: words.title[lang], theme: words.eventType, description: words.description[lang],
        startsAt: at, endsAt: new Date(at.getTime() + 3 * 3_600_000), link: null, place: commune.name, goingCount: 0,
        language: lang, audiences: JSON.stringify(["benevoles"]), communeId: commune.id, createdBy: contact.id,
      };
      out.localEvents.push(event);
      const data = { eventId: event.id, code: event.code, title: event.title, type: event.theme, criteria: [4], campaign: null };
      out.activities.push({ id: id(), communeId: commune.id, personId: contact.id, kind: "event", at, data: JSON.stringify(data) });
    } else {
      const initiative: InitiativeRow = {
        id: id(), communeId: commune.id, authorId: contact.id, title: words.title[lang], description: words.description[lang], kind: words.kind,
        partnerKinds: JSON.stringify(words.partners), criteria: JSON.stringify(words.criteria), place: commune.name,
        happenedOn: dayAt(now, -days, 0), language: lang, status: "published", moderatedAt: at,
      };
      out.initiatives.push(initiative);
      const data = { initiativeId: initiative.id, kind: initiative.kind, criteria: words.criteria, partnerKinds: words.partners, happenedOn: initiative.happenedOn.toISOString().slice(0, 10), title: initiative.title };
      out.activities.push({ id: id(), communeId: commune.id, personId: contact.id, kind: "initiative", at, data: JSON.stringify(data) });
    }
  }

  // Webinars the contact attended: only those since the last sign of life's day or before it.
  const past = webinars.filter((w) => w.startsAt.getTime() <= dayAt(now, -n.lastDays, 23).getTime() && w.startsAt < now);
  const picked = shuffle(past, rand).slice(0, n.trainings);
  for (const w of picked) {
    out.registrations.push({ id: id(), eventId: w.id, personId: contact.id, communeId: commune.id, status: "going", requestedAt: addDays(w.startsAt, -10), attendedAt: w.endsAt });
    const data = { eventId: w.id, code: w.code, kind: w.kind, theme: w.theme };
    out.activities.push({ id: id(), communeId: commune.id, personId: contact.id, kind: "training_attended", at: w.startsAt, data: JSON.stringify(data) });
  }

  // Fair-O-Mètre: the last cycle's grade and the one before, unless a real record is recent.
  const due = commune.fomDueOn;
  const recentRecord = commune.fomRecords.some((r) => due && r.on.getTime() > addDays(due, -730 - 400).getTime());
  if (due && !recentRecord) {
    const cycle = (years: number) => new Date(Date.UTC(due.getUTCFullYear() - years, due.getUTCMonth(), due.getUTCDate()));
    const [before, last] = n.grades;
    if (before) out.fomRecords.push({ communeId: commune.id, on: cycle(4), grade: before });
    if (last) out.fomRecords.push({ communeId: commune.id, on: cycle(2), grade: last });
  }
  return out;
}

/**
 * The momentum signals the rows give at `now`, counted as the watch's queries count them
 * (src/data/repositories/watch-signals.ts): what the plan checks its stories with, and what
 * a test compares the watch's reasons with.
 */
export function planSignals(rows: Pick<HistoryPlan, "activities" | "copilMembers" | "fomRecords">, commune: PlanCommune, now: Date): MomentumSignals {
  const c = MOMENTUM_CONFIG;
  const s = emptySignals(commune.fomDueOn);
  const windows = semaineWindowsBefore(now);
  const mine = rows.activities.filter((a) => a.communeId === commune.id && a.at <= now);
  for (const a of mine) if (!s.lastActivityAt || a.at > s.lastActivityAt) s.lastActivityAt = a.at;
  const within = (a: { at: Date }, days: number) => a.at >= addDays(now, -days);
  const actions = mine.filter((a) => (ACTION_KINDS as readonly string[]).includes(a.kind));
  s.actions6m = actions.filter((a) => within(a, c.actions6m.days)).length;
  s.actions6mSemaine = actions.filter((a) => within(a, c.actions6m.days) && inWindows(a.at, windows)).length;
  s.actions12m = actions.filter((a) => within(a, c.actions12m.days)).length;
  s.actions12mSemaine = actions.filter((a) => within(a, c.actions12m.days) && inWindows(a.at, windows)).length;
  s.trainings12m = mine.filter((a) => (TRAINING_KINDS as readonly string[]).includes(a.kind) && within(a, c.training.days)).length;
  const present = (at: Date) => rows.copilMembers.filter((m) => m.communeId === commune.id && m.since <= at && (!m.until || m.until > at)).length;
  s.copilSize = present(now);
  s.copilSizeBefore = present(addDays(now, -c.copil.trendDays));
  const records = [...commune.fomRecords, ...rows.fomRecords.filter((r) => r.communeId === commune.id)]
    .filter((r) => r.on <= now)
    .sort((a, b) => b.on.getTime() - a.on.getTime());
  if (records[0]) s.lastGrade = records[0].grade;
  if (records[1]) s.previousGrade = records[1].grade;
  return s;
}
