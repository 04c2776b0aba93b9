/** The terminal demo: a clock that coordination moves forward to show what the bot does over weeks. */
import { defineFeature } from "../../core/feature.js";
import demoAvancer from "../../../commands/demo/demo-avancer.js";
import { demoMessages } from "./messages.js";

export default defineFeature({
  name: "demo",
  commands: [demoAvancer],
  messages: [demoMessages],
});
