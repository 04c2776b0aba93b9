/** Spreadsheets in and out: the kits and communes as CSV/XLSX (the CLIs), and `/cdce kit importer` in chat. */
import { defineFeature } from "../../core/feature.js";
import kitImporter from "../../../commands/imports/kit-importer.js";
import { importMessages } from "./messages.js";

export default defineFeature({
  name: "imports",
  commands: [kitImporter],
  messages: [importMessages],
});
