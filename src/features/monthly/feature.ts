/** A commune's monthly update in its channel: what happened, what is planned, its Fair-O-Mètre position, thanks to partners. */
import { defineFeature } from "../../core/feature.js";
import bilanMensuel from "../../../commands/monthly/bilan-mensuel.js";
import monthlyUpdate from "./jobs/monthly-update.js";
import { monthlyMessages } from "./messages.js";

export default defineFeature({
  name: "monthly",
  commands: [bilanMensuel],
  jobs: [monthlyUpdate],
  messages: [monthlyMessages],
});
