/** Which communes asked for the monthly update; Prisma implementation in src/data/repositories/monthly.ts. */
export interface MonthlyUpdateRepository {
  /** Switches it on or off; false when it already was so. */
  set(communeId: string, on: boolean, now: Date): Promise<boolean>;
  isOn(communeId: string): Promise<boolean>;
  /** The communes that asked for it. */
  communeIds(): Promise<string[]>;
}
