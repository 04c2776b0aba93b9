/** The inventory of tools each commune has made and lends to the others. */
import { defineFeature } from "../../core/feature.js";
import outils from "../../../commands/tools/outils.js";
import outilsDeclarer from "../../../commands/tools/outils-declarer.js";
import outilsRetirer from "../../../commands/tools/outils-retirer.js";

export default defineFeature({
  name: "tools",
  commands: [outils, outilsDeclarer, outilsRetirer],
});
