/** Prisma implementation of {@link NeighbourRepository}. */
import type { Db } from "../client.js";
import type { NeighbourAnswer, NeighbourRepository } from "../../features/neighbours/index.js";
import { isUniqueViolation } from "../errors.js";
import { withSavepoint } from "../transaction.js";

export class PrismaNeighbourRepository implements NeighbourRepository {
  constructor(private readonly db: Db) {}

  async answer(input: { communeId: string; item: string; answer: NeighbourAnswer; at: Date }): Promise<boolean> {
    try {
      // withSavepoint(): inside a unit of work, an answer already given must not spoil the transaction.
      await withSavepoint(this.db, () => this.db.neighbourAnswer.create({ data: input }));
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async count(item: string, answer: NeighbourAnswer): Promise<number> {
    return this.db.neighbourAnswer.count({ where: { item, answer } });
  }
}
