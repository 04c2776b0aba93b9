/**
 * What a platform is built from: its configuration, the core's `Inbound` (where it hands
 * what its users do) and a logger. Each platform folder exports a factory with the
 * `PlatformFactory` signature; src/platforms/load.ts picks the ones the configuration asks for.
 * The configuration stays on this side: the port (src/core/platform.ts) knows none of it.
 */
import type { Config } from "../config.js";
import type { Inbound } from "../core/inbound.js";
import type { Logger } from "../core/logger.js";
import type { ChatPlatform } from "../core/platform.js";

export interface PlatformDeps {
  config: Config;
  inbound: Inbound;
  logger: Logger;
}

export type PlatformFactory = (deps: PlatformDeps) => ChatPlatform;
