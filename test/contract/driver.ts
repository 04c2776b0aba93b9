/**
 * What a platform provides to run the adapter contract (test/contract/cases/*): a driver
 * that acts as a user of the platform would, through the platform's real SDK against its
 * fake (or, for the terminal, its real input and output), and reports what the user sees
 * in one normalized shape, so that one list of cases runs unchanged on every platform.
 *
 * - The user is a plain member (no role) whose platform language is `opts.locale`
 *   (default `fr`); the same locale is always the same user.
 * - `texts`: everything visible, in display order, as plain text: platform markup removed
 *   (Markdown/mrkdwn markers, `<url|label>` -> `label`, `[label](url)` -> `label`). How the
 *   text is cut into pieces does not matter: the cases compare normalized lines.
 * - Anything the platform refused (a post over its limits, a second acknowledgement) makes
 *   the driver throw: a reply counts only as the platform accepted it.
 * - Setup may happen lazily in the first call (the cases have generous timeouts).
 */
import type { PlatformSender } from "../../src/core/outbound.js";
import type { ChannelRef } from "../../src/core/types.js";
import type { TestApp } from "../helpers/test-app.js";

export interface UserOpts {
  locale?: string;
}

/** A file that came with a reply, as the user receives it. */
export interface ReceivedFile {
  name: string;
  data: Buffer;
  /** Only the caller can get it (a DM, an ephemeral attachment, the user's own folder). */
  private: boolean;
}

export interface NormalizedReply {
  texts: string[];
  /** The visible labels of the buttons, in order. */
  buttons: string[];
  /** Whether only the caller sees the (first message of the) reply. */
  ephemeral: boolean;
  /** How many messages the reply took (posts, follow-ups, prints). */
  messages: number;
  files: ReceivedFile[];
}

/** A form as the platform opened it. */
export interface OpenedForm {
  title: string;
  /** Its fields in order: the option name each fills, and the label the user reads. */
  fields: Array<{ name: string; label: string }>;
}

export interface Submission {
  /**
   * Errors the platform shows by field (Slack: under each field of the modal that stays
   * open; Discord: a message naming each field), keyed by field name. Undefined when the
   * form was accepted, or when the platform cannot show errors by field.
   */
  fieldErrors?: Record<string, string>;
  /** Whatever messages the user got after submitting (none on Slack when the modal stays open). */
  reply: NormalizedReply;
}

/** An outbound failure the fake can inject on the next post to a channel. */
export type InjectedFailure = { kind: "rate_limited"; retryAfterSeconds: number } | { kind: "server_error" };

/** The platform's outbox sender, with the fake's knobs around it. */
export interface SenderKnobs {
  sender: PlatformSender;
  /** A channel the bot may post in, new on each call (its own rate-limit bucket). */
  channel(): ChannelRef;
  /** A channel that does not exist. */
  unknownChannel(): ChannelRef;
  /** A channel the bot may not post in. */
  forbiddenChannel(): ChannelRef;
  /** A member the bot may write to directly. */
  member: { workspaceId: string; userId: string };
  /** The next post to `target` fails this way. */
  failNextPost(target: ChannelRef, failure: InjectedFailure): void;
  /** Plain texts of the messages the platform holds at `target`, oldest first. */
  posted(target: ChannelRef): string[];
}

/**
 * What a platform may lack. A case that needs it is reported as skipped on that platform,
 * with the driver's reason in its title.
 */
export type Capability = "ephemeral" | "fieldErrors" | "sender" | "rateLimits" | "remoteChannels" | "plainLanguage";

export interface AdapterDriver {
  name: string;
  /** Capabilities this platform does not have, each with the reason (shown in the report). */
  unsupported?: Partial<Record<Capability, string>>;
  /**
   * The most visible characters one message can hold, when the platform has such a limit
   * (a longer reply must come as several messages).
   */
  maxMessageChars?: number;
  /** Sends `line` (what follows `/cdce`) the way a user of the platform would. */
  run(line: string, opts?: UserOpts): Promise<NormalizedReply>;
  /**
   * Writes `text` to the bot in plain language, the way a user of the platform would: a
   * direct message, or (`where: "mention"`) a mention of the bot in a channel. Absent: see
   * `unsupported.plainLanguage`.
   */
  converse?(text: string, opts?: UserOpts & { where?: "direct" | "mention" }): Promise<NormalizedReply>;
  /** Clicks the button labelled `label` on the last reply this user received. */
  click(label: string, opts?: UserOpts): Promise<NormalizedReply>;
  /** Sends `line`, which must open a form; returns the form as shown. */
  openForm(line: string, opts?: UserOpts): Promise<OpenedForm>;
  /**
   * Fills and submits the form this user has open, with `values` by field name (others left
   * empty). After a rejection, submits again the way the platform lets the user correct.
   */
  submitForm(values: Record<string, string>, opts?: UserOpts): Promise<Submission>;
  /** The app behind the platform, for setting up data (never for reading a reply). */
  app(): Promise<TestApp>;
  /** The outbox sender and the fake's knobs (absent: see `unsupported.sender`). */
  sender?(): Promise<SenderKnobs>;
  /** Called once after the suite. */
  close?(): Promise<void>;
}
