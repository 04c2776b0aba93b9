import type { JoiningRepositories } from "./ports.js";
/**
 * What the rest of the bot may use of joining a commune: its ports (implemented in
 * src/data), and starting a welcome journey when someone gets a role (`/cdce role`).
 */
export {
  JOIN_STATES,
  JOURNEY_REASONS,
  STEP_KINDS,
  type JoinRequest,
  type JoinRequestRepository,
  type JoiningRepositories,
  type JourneyReason,
  type RecruitAnswer,
  type RecruitCall,
  type RecruitRepository,
  type StepText,
  type WelcomeJourney,
  type WelcomeRepository,
  type WelcomeStep,
} from "./ports.js";
export { startJourney } from "./journey.js";

// What this feature adds to the services every command receives.
declare module "../../core/commands.js" {
  interface FeatureServices {
    /** Join requests, welcome journeys, recruitment calls. */
    joining: JoiningRepositories;
  }
}
