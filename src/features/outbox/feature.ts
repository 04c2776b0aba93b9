/** The outbox's own housekeeping: posting what is due, purging what is done, and its messages. */
import { defineFeature } from "../../core/feature.js";
import outboxPurge from "./jobs/outbox-purge.js";
import outboxSweep from "./jobs/outbox-sweep.js";
import { outboxMessages } from "./messages.js";

export default defineFeature({
  name: "outbox",
  commands: [],
  jobs: [outboxPurge, outboxSweep],
  messages: [outboxMessages],
});
