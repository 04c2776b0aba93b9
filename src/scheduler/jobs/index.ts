/**
 * The explicit list of scheduled jobs. Adding a job = one file in this folder + one line
 * here (see src/scheduler/job.ts). Names must be unique (checked when the scheduler starts).
 */
import type { JobDefinition } from "../job.js";
import outboxSweep from "./outbox-sweep.js";
import outboxPurge from "./outbox-purge.js";
import eventsCampaigns from "./events-campaigns.js";
import momentumScan from "./momentum-scan.js";
import watchDaily from "./watch-daily.js";
import communityDigest from "./community-digest.js";
import pollsClose from "./polls-close.js";

export const JOBS: readonly JobDefinition[] = [outboxSweep, outboxPurge, momentumScan, watchDaily, eventsCampaigns, communityDigest, pollsClose];
