/**
 * What main.ts knows of a platform: start it, stop it, and (optionally) its outbound
 * sender. Each platform folder exports a factory with the `AdapterFactory` signature.
 */
import type { Config } from "../config.js";
import type { Dispatcher } from "../core/dispatcher.js";
import type { Services } from "../core/commands.js";
import type { Logger } from "../core/logger.js";
import type { PlatformSender } from "../core/outbound.js";

export interface PlatformAdapter {
  readonly name: string;
  start(): Promise<void>;
  /** Finishes in-flight replies, then disconnects. */
  stop(): Promise<void>;
  /** True while connected (health check). */
  isConnected(): boolean;
  readonly sender?: PlatformSender;
}

export interface AdapterDeps {
  config: Config;
  dispatcher: Dispatcher;
  services: Services;
  logger: Logger;
}

export type AdapterFactory = (deps: AdapterDeps) => PlatformAdapter;
