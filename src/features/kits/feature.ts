/** Communication kits and tools: search by audience, theme, format, language and profile; adding a kit. */
import { defineFeature } from "../../core/feature.js";
import kit from "../../../commands/kits/kit.js";
import kitAjouter from "../../../commands/kits/kit-ajouter.js";

export default defineFeature({
  name: "kits",
  commands: [kit, kitAjouter],
});
