/**
 * The CoPil's recruitment calls: the post naming the groups of criterion 5 its roster is
 * missing, with an "I am interested" button (`copil interesse <call>`), and inviting one who
 * answered: a join request accepted at once, so the person gets the CoPil role and its
 * welcome journey exactly as if they had asked and been accepted.
 */
import { translator } from "../../core/i18n/catalogue.js";
import type { Notification, Recipient } from "../../core/notify.js";
import { reply } from "../../core/reply.js";
import { formatList, groupLabel } from "../watch/index.js";
import type { RecruitCall } from "./ports.js";

/** The 8 characters people see of a call or an answer. */
export const recruitRef = (id: string) => id.slice(0, 8);

export function recruitNotice(call: RecruitCall, communeName: string, to: Recipient, where: "commune" | "network", now: Date): Notification {
  return {
    key: `recruit:${call.id}:${where}`,
    to,
    dueAt: now,
    render: (locale) => {
      const t = translator(locale);
      const text = call.groups.length
        ? t("recruit.call", { commune: communeName, groups: formatList(locale, call.groups.map((g) => groupLabel(t, g))) })
        : t("recruit.call.open", { commune: communeName });
      return reply(locale, [{ type: "section", text }, { type: "actions", buttons: [{ label: t("recruit.button"), command: `copil interesse ${recruitRef(call.id)}`, style: "primary" }] }], "channel");
    },
  };
}
