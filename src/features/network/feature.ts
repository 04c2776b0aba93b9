/** Setting up the network: help, language, channels, roles, the first coordinator, the outbox report. */
import { defineFeature } from "../../core/feature.js";
import aide from "../../../commands/network/aide.js";
import langue from "../../../commands/network/langue.js";
import configCanal from "../../../commands/network/config-canal.js";
import role from "../../../commands/network/role.js";
import adminEnvois from "../../../commands/network/admin-envois.js";
import adminRevendiquer from "../../../commands/network/admin-revendiquer.js";
import { roleMessages } from "./messages.js";
import { claimMessages } from "./claim-messages.js";

export default defineFeature({
  name: "network",
  commands: [aide, langue, configCanal, role, adminEnvois, adminRevendiquer],
  messages: [roleMessages, claimMessages],
});
