import type { EventService } from "./service.js";
/**
 * What the rest of the bot may use of the events feature: the service the kernel hands to
 * commands, and the model and ports that src/data implements.
 */
export { EventService } from "./service.js";
export {
  EVENT_AUDIENCES,
  EVENT_KINDS,
  EVENT_STATES,
  REGISTRATION_STATUSES,
  type CdceEvent,
  type EventSlot,
  type NewEvent,
  type NewSlot,
  type Registration,
} from "./model.js";
export type { EventFilter, EventRepository, JoinInput, JoinResult, LeaveResult } from "./ports.js";
// What the actions feature builds on: a proposal is read like a local event and becomes one;
// local events made elsewhere too (joint actions of neighbours, a local feast's planned action).
export { LOCAL_TYPES, type LocalType } from "./model.js";
export { readLocalEvent, type LocalFields } from "./local.js";
export { LOCAL_EVENT_OPTIONS, LOCAL_EVENT_OPTION_WORDS, localEventFields } from "./local-options.js";
export { campaignAt } from "./campaign.js";
export { eventCard, themeName, whenText } from "./render.js";
export { canManage, eventByCode } from "./lookup.js";

// What this feature adds to the services every command receives.
declare module "../../core/commands.js" {
  interface FeatureServices {
    /** Webinars, trainings and local events: RSVP, reminders, calendars. */
    events: EventService;
  }
}

// What the calendar feeds write for each event (src/features/calendar-feeds): the same UID as
// the one-off .ics files, and reminders at the same instants as the bot's own.
export { eventUid } from "./ics.js";
export { isNetworkEvent } from "./model.js";
export { reminderDue, type Offset } from "./reminders.js";
