/**
 * One error type for the whole service. `code` is for logs and tests, `messageKey` and
 * `params` make the user-facing message (translated in one place, the dispatcher), and
 * `cause` keeps the original error for the logs only: it never reaches a user.
 */
import type { MessageKey } from "./i18n/catalogue.js";

export class CdceError extends Error {
  readonly code: string;
  readonly messageKey: MessageKey;
  readonly params: Record<string, string | number>;

  constructor(
    code: string,
    messageKey: MessageKey,
    params: Record<string, string | number> = {},
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${messageKey}`, options);
    this.name = "CdceError";
    this.code = code;
    this.messageKey = messageKey;
    this.params = params;
  }
}

export function isCdceError(e: unknown): e is CdceError {
  return e instanceof CdceError;
}
