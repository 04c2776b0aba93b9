/**
 * Tells a database that is away (down, unreachable, frozen, or a SQLite file still locked by
 * another process after every retry) from any other failure, so that the person is told so,
 * in their language, and that nothing was saved, instead of the generic "something went
 * wrong". Errors come wrapped in several layers (Prisma, the driver adapter, pg, Node's
 * sockets): every layer is looked at.
 */
import { CdceError } from "../core/errors.js";
import { errorCodes, isSqliteBusy } from "./sqlite-busy.js";

/**
 * Prisma's codes for a database it cannot reach or that stopped answering: P1001 cannot
 * reach, P1002 reached but timed out, P1008 operation timed out, P1017 server closed the
 * connection, P2024 no connection from the pool in time, P2028 a transaction that could not
 * start in time.
 */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);

/** Node's socket errors. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);

/**
 * PostgreSQL's SQLSTATEs: 08xxx connection exceptions, 57014 statement cancelled (our
 * statement_timeout), 57P01-57P03 server shutting down or starting, 53300 too many
 * connections, 25P03 idle-in-transaction timeout.
 */
const POSTGRES_CODE = /^(08...|57014|57P0[1-3]|53300|25P03)$/;

/** pg's own errors carry no code, only these messages. */
const DRIVER_MESSAGES = /Connection terminated|Query read timeout|timeout exceeded when trying to connect|Connection terminated due to connection timeout|Client has encountered a connection error|terminating connection/i;

/** The driver adapter's kinds for the same situations. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

export function isDatabaseUnavailable(error: unknown): boolean {
  if (isSqliteBusy(error)) return true;
  const codes = errorCodes(error);
  if (codes.some((c) => PRISMA_CODES.has(c) || SOCKET_CODES.has(c) || POSTGRES_CODE.test(c))) return true;
  return walk(error).some((e) => {
    const { kind, message } = e as { kind?: unknown; message?: unknown };
    return (typeof kind === "string" && ADAPTER_KINDS.has(kind)) || (typeof message === "string" && DRIVER_MESSAGES.test(message));
  });
}

/** The error itself, its causes, and the driver adapter error under a Prisma error. */
function walk(error: unknown, depth = 0): object[] {
  if (typeof error !== "object" || error === null || depth > 6) return [];
  const e = error as { cause?: unknown; meta?: { driverAdapterError?: unknown } };
  return [error, ...walk(e.cause, depth + 1), ...walk(e.meta?.driverAdapterError, depth + 1)];
}

/**
 * The reply-ready error for a database that is away, or undefined for any other error
 * (the dispatcher then answers as before). The original error stays as `cause`, for the logs.
 */
export function databaseUnavailableError(error: unknown): CdceError | undefined {
  if (!isDatabaseUnavailable(error)) return undefined;
  return new CdceError("database_unavailable", "error.databaseUnavailable", {}, { cause: error });
}
