/**
 * The adapter contract: the same `/cdce` use gives the same result on every platform.
 * Every adapter passes this one suite (model: vercel/chat's shared adapter tests): one case
 * list (cases/index.ts), one driver per platform (*.contract.test.ts; interface in
 * driver.ts). Expectations come from the message catalogues (src/core/i18n and each
 * feature's messages), never from one platform's output.
 *
 * A case that needs what a platform does not have (private replies, rate limits...) is
 * still registered there, as skipped, with the driver's reason in its title, so the
 * report shows what each platform does not cover and why.
 */
import { afterAll, describe, it } from "vitest";
import { CONTRACT_CASES, type ContractCase } from "./cases/index.js";
import type { AdapterDriver, Capability } from "./driver.js";

const TIMEOUT = 60_000;

/** Why `driver` cannot run `c`, if it cannot. */
function missing(driver: AdapterDriver, c: ContractCase): string | undefined {
  const lacking = (c.needs ?? []).filter((cap) => driver.unsupported?.[cap] !== undefined);
  return lacking.length ? lacking.map((cap) => `${cap}: ${driver.unsupported![cap]}`).join("; ") : undefined;
}

/** Registers the contract cases for one driver. */
export function adapterContract(driver: AdapterDriver, cases: readonly ContractCase[] = CONTRACT_CASES): void {
  const has = (cap: Capability) => driver.unsupported?.[cap] === undefined;
  describe(`adapter contract: ${driver.name}`, () => {
    afterAll(async () => {
      await driver.close?.();
    });
    for (const c of cases) {
      const reason = missing(driver, c);
      if (reason) it.skip(`${c.title} — not on ${driver.name} (${reason})`, () => undefined);
      else it(c.title, () => c.run(driver, has), TIMEOUT);
    }
  });
}
