/** What arrived in the terminal (its channels and each local user's direct messages): `/cdce boite`. */
import { defineFeature } from "../../core/feature.js";
import boite from "../../../commands/inbox/boite.js";
import { inboxMessages } from "./messages.js";

export default defineFeature({
  name: "inbox",
  commands: [boite],
  messages: [inboxMessages],
});
