/** Every few seconds, on every replica: claim and post the due outbox messages (OUTBOX_SWEEP_SECONDS). */
import { defineJob } from "../../../core/jobs.js";

export default defineJob({
  name: "outbox-sweep",
  label: { fr: "Envoi des messages programmés", de: "Versand geplanter Nachrichten", nl: "Verzending van geplande berichten", en: "Sending of scheduled messages" },
  // Overridden from OUTBOX_SWEEP_SECONDS by src/runtime.ts.
  schedule: "*/2 * * * * *",
  scope: "replica",
  async run({ outbox }) {
    await outbox.sweep();
  },
});
