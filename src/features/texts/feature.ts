/** Ready-to-send texts (press release, social-media post, web-page block) of a commune's initiatives and events, from stored facts only. */
import { defineFeature } from "../../core/feature.js";
import initiativeTextes from "../../../commands/texts/initiative-textes.js";
import evenementTextes from "../../../commands/texts/evenement-textes.js";
import { textMessages } from "./messages.js";

export default defineFeature({
  name: "texts",
  commands: [initiativeTextes, evenementTextes],
  messages: [textMessages],
});
