import type { BoardRepository, HomeVisitRepository } from "./ports.js";
/** What the rest of the bot may use of the home feature. */
export type { Board, BoardRepository, HomeVisitRepository } from "./ports.js";
export { actionButtons, boardButtons, mayRun, HOME_ACTIONS } from "./actions.js";
export { gatherBoard, gatherHome, type HomeData } from "./gather.js";
export { homeReply } from "./view.js";
export { boardFor, homeFor, homeLiveViews } from "./live.js";
export { PACE_MS, paceWindow, refreshBoard, refreshHome } from "./refresh.js";
export { SHORTCUTS, prefillInitiative, shortcutForm, type Shortcut } from "./shortcuts.js";

// What this feature adds to the services every command receives.
declare module "../../core/commands.js" {
  interface FeatureServices {
    /** Boards pinned in channels, kept current. */
    boards: BoardRepository;
    /** Who has opened their home (only their homes are refreshed after a change). */
    homeVisits: HomeVisitRepository;
  }
}
