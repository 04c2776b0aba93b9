/**
 * Files that come with a reply (a calendar, a map, a personal export) as Slack files, through
 * files.uploadV2 (getUploadURLExternal, the upload, completeUploadExternal; scope
 * `files:write`). Slack has no private file in a channel: a public reply's files are shared
 * in its channel, a private reply's files in the user's direct conversation with the bot
 * (conversations.open, scope `im:write`), so a personal export never lands in a channel.
 */
import type { webApi } from "@slack/bolt";
import type { Logger } from "../../core/logger.js";
import type { Reply } from "../../core/types.js";
import { translator } from "../../core/i18n/catalogue.js";
import { describeSlackError } from "./errors.js";

export interface FileTarget {
  client: webApi.WebClient;
  logger: Logger;
  userId: string;
  /** Where the command was typed, if Slack said. */
  channelId?: string;
  /** Tells the user a short line in the reply's conversation. */
  tell(text: string): Promise<void>;
}

/** Uploads the reply's files; never throws: a failure is logged and told to the user. */
export async function uploadReplyFiles(target: FileTarget, reply: Reply): Promise<void> {
  const files = reply.files ?? [];
  if (files.length === 0) return;
  const t = translator(reply.locale);
  const names = files.map((f) => f.name).join(", ");
  const inChannel = reply.visibility === "channel" && !!target.channelId;
  try {
    const channel_id = inChannel ? target.channelId! : await directConversation(target.client, target.userId);
    await target.client.files.uploadV2({
      channel_id,
      file_uploads: files.map((f) => ({ file: Buffer.from(f.data), filename: f.name, title: f.name })),
    });
    if (!inChannel) await target.tell(t("files.sentPrivately", { names }));
  } catch (err) {
    target.logger.warn({ error: describeSlackError(err), files: files.map((f) => f.name) }, "slack file upload failed");
    await target.tell(t("files.failed", { names })).catch(() => undefined);
  }
}

async function directConversation(client: webApi.WebClient, userId: string): Promise<string> {
  const opened = await client.conversations.open({ users: userId });
  const id = opened.channel?.id;
  if (!id) throw new Error("conversations.open returned no channel");
  return id;
}
