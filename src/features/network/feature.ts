/** Setting up the network: help, language, channels, roles, the first coordinator, the outbox report. */
import { defineFeature } from "../../core/feature.js";
import aide from "../../../commands/network/aide.js";
import langue from "../../../commands/network/langue.js";
import configCanal from "../../../commands/network/config-canal.js";
import role from "../../../commands/network/role.js";
import adminEnvois from "../../../commands/network/admin-envois.js";
import adminRevendiquer from "../../../commands/network/admin-revendiquer.js";
import communeAjouter from "../../../commands/network/commune-ajouter.js";
import communeModifier from "../../../commands/network/commune-modifier.js";
import communeFusionner from "../../../commands/network/commune-fusionner.js";
import { roleMessages } from "./messages.js";
import { claimMessages } from "./claim-messages.js";
import { communeMessages } from "./commune-messages.js";

export default defineFeature({
  name: "network",
  commands: [aide, langue, configCanal, role, adminEnvois, adminRevendiquer, communeAjouter, communeModifier, communeFusionner],
  messages: [roleMessages, claimMessages, communeMessages],
});
