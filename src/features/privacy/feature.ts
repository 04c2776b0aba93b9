/** Personal data: what the bot holds about someone, the export and the erasure. */
import { defineFeature } from "../../core/feature.js";
import moi from "../../../commands/privacy/moi.js";
import moiExport from "../../../commands/privacy/moi-export.js";
import moiSupprimer from "../../../commands/privacy/moi-supprimer.js";
import { privacyMessages } from "./messages.js";

export default defineFeature({
  name: "privacy",
  commands: [moi, moiExport, moiSupprimer],
  messages: [privacyMessages],
});
