/** The plain-language front door: a direct message or a mention answered with the closest commands and kits. */
import { defineFeature } from "../../core/feature.js";
import porte from "../../../commands/door/porte.js";
import { doorMessages } from "./messages.js";

export default defineFeature({
  name: "door",
  commands: [porte],
  messages: [doorMessages],
});
