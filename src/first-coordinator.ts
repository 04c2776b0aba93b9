/**
 * The claim code of a new installation, said to whoever runs the service: at each start while
 * nobody is coordination (src/main.ts), and from `npm run doctor` (with `renew`) for someone
 * who lost it. The code goes only to `write` (the process's stderr), never to the structured
 * log, which may be shipped elsewhere; the database keeps its hash only.
 */
import type { Logger } from "./core/logger.js";
import { issueClaimCode, type CoordinatorClaimStore, type IssueResult } from "./features/network/index.js";

export interface AnnounceOptions {
  store: CoordinatorClaimStore;
  now: Date;
  /** COORDINATION_ACCOUNTS: when someone is named there, no code is needed. */
  configured: ReadonlySet<string>;
  write: (text: string) => void;
  logger: Logger;
  /** Drop earlier codes (they stop working) and lift a lock after wrong codes. */
  renew?: boolean;
}

export type AnnounceResult = IssueResult | { issued: false; reason: "configured" };

/** Prints a new claim code when nobody is (or is named) coordination; says why not otherwise. */
export async function announceClaimCode(o: AnnounceOptions): Promise<AnnounceResult> {
  if (o.configured.size > 0) return { issued: false, reason: "configured" };
  const result = await issueClaimCode(o.store, o.now, { renew: o.renew });
  if (!result.issued) {
    if (result.reason === "busy") o.logger.warn({}, "first coordinator: no claim code issued (the record kept changing); restart to try again");
    return result;
  }
  const until = result.expiresAt.toISOString().replace("T", " ").slice(0, 16);
  o.write(
    [
      "",
      "==== CDCE: no coordinator yet / pas encore de coordination ====",
      `One-time code, valid until ${until} UTC: ${result.code}`,
      "The first person to type it on Slack, Discord or the terminal becomes coordination:",
      `  /cdce admin revendiquer ${result.code}`,
      "(de: admin beanspruchen, nl: admin opeisen, en: admin claim). Keep it private.",
      "================================================================",
      "",
    ].join("\n"),
  );
  o.logger.info({ expiresAt: result.expiresAt.toISOString() }, "first coordinator: claim code printed on stderr");
  return result;
}
