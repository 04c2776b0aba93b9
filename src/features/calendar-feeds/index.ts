import type { CalendarFeedService } from "./service.js";
/**
 * What the rest of the bot may use of the calendar feeds: the service commands receive, the
 * token store that src/data implements, and the HTTP handler a web server mounts at `/cal/*`.
 */
export { CalendarFeedService, type CalendarFeedDeps, type Issued } from "./service.js";
export type { FeedTokenRecord, FeedTokenStore } from "./ports.js";
export { createFeedHandler, type FeedRequest, type FeedResponse, type FeedServices, type HandleFeedRequest } from "./http.js";
export { communePath, networkPath, FEED_PREFIX } from "./addresses.js";

// What this feature adds to the services every command receives.
declare module "../../core/commands.js" {
  interface FeatureServices {
    /** Private feed addresses (`/cdce agenda lien`) and the public feeds' addresses. */
    calendarFeeds: CalendarFeedService;
  }
}
