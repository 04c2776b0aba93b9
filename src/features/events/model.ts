/**
 * Webinars, trainings and local events: the domain types and closed vocabularies.
 * Instants are UTC `Date`s; `timeZone` is where the event happens.
 */
import type { Audience } from "../../core/ports.js";
import type { Locale } from "../../core/types.js";

export const EVENT_KINDS = ["webinar", "training", "local"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/**
 * Themes of network webinars and trainings: the yearly cycle (gouvernance, communication,
 * partenariats), exchange of practices, and the other subjects of the users' document.
 */
export const WEBINAR_THEMES = [
  "gouvernance",
  "communication",
  "partenariats",
  "echange-pratiques",
  "mobilisation",
  "sensibilisation",
  "marches-publics",
  "producteurs-locaux",
  "fom",
  "animation",
] as const;
export type WebinarTheme = (typeof WEBINAR_THEMES)[number];

/** Who a webinar is for (the roles of the network). */
export const EVENT_AUDIENCES = ["copil", "elus", "benevoles", "ambassadeurs", "agents"] as const satisfies readonly Audience[];
export type EventAudience = (typeof EVENT_AUDIENCES)[number];

/** What a CoPil organises locally. */
export const LOCAL_TYPES = ["stand", "atelier", "petit-dejeuner", "marche", "action-ecole", "autre"] as const;
export type LocalType = (typeof LOCAL_TYPES)[number];

export const EVENT_STATES = ["scheduled", "cancelled"] as const;
export type EventState = (typeof EVENT_STATES)[number];

export const REGISTRATION_STATUSES = ["going", "waitlist", "left"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export interface CdceEvent {
  id: string;
  /** Short code people type: `/cdce webinaire k3x9q`. */
  code: string;
  kind: EventKind;
  title: string;
  /** A {@link WebinarTheme} for network events, a {@link LocalType} for local ones. */
  theme: string;
  description: string | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  link: string | null;
  place: string | null;
  /** Null: unlimited. */
  capacity: number | null;
  goingCount: number;
  language: Locale;
  audiences: EventAudience[];
  communeId: string | null;
  seriesId: string | null;
  state: EventState;
  campaign: string | null;
  sharedAt: Date | null;
  /** Bumped by each move or cancellation: ics SEQUENCE, and part of reminder keys. */
  sequence: number;
  createdBy: string | null;
}

export type NewEvent = Omit<CdceEvent, "id" | "code" | "goingCount" | "state" | "sharedAt" | "sequence">;

export interface EventSlot {
  id: string;
  eventId: string;
  /** 1, 2, 3… in start order. */
  position: number;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  takenCount: number;
}

export type NewSlot = Pick<EventSlot, "startsAt" | "endsAt" | "capacity">;

export interface Registration {
  id: string;
  eventId: string;
  personId: string;
  /** "" for the event itself, else the slot's id. */
  slotId: string;
  communeId: string | null;
  status: RegistrationStatus;
  requestedAt: Date;
  attendedAt: Date | null;
}

/** Whether the event belongs to the network (webinar, training) rather than a commune. */
export const isNetworkEvent = (e: Pick<CdceEvent, "kind">) => e.kind !== "local";

