/** One case of the adapter contract: the same object runs on every platform's driver. */
import type { AdapterDriver, Capability } from "../driver.js";

export interface ContractCase {
  title: string;
  /** Capabilities the case cannot run without; a driver lacking one reports it skipped. */
  needs?: Capability[];
  run(driver: AdapterDriver, has: (c: Capability) => boolean): Promise<void>;
}
