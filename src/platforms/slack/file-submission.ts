/**
 * The modal that asks for a file (a reply's `askFile`, e.g. `/cdce kit importer` with no
 * file): its submission carries the ids of the files Slack keeps. See downloads.ts.
 */
import type { App, ViewSubmitAction } from "@slack/bolt";
import { DEFAULT_LOCALE } from "../../core/types.js";
import { toLocale, translator } from "../../core/i18n/catalogue.js";
import { message } from "../../core/reply.js";
import { FILE_CALLBACK_ID, readFileIds, readMeta } from "./modal.js";
import { downloadSlackFiles, MAX_SLACK_FILE_BYTES } from "./downloads.js";
import { deliver, dispatch, targetOf, tellFailure, type Invocation, type SlackContext } from "./deliver.js";
import { describeSlackError } from "./errors.js";
import { afterAck, type ListenerHooks } from "./listeners.js";

/**
 * The submission of a modal that asked for a file: acked at once (closing it; the download
 * may outlast Slack's 3 s), then the file is fetched (files.info, then its private url with
 * the bot token) and the command runs with it; the answer comes as a message, like a form's.
 */
export function registerFileSubmissions(app: App, ctx: SlackContext, hooks: ListenerHooks): void {
  app.view<ViewSubmitAction>({ callback_id: FILE_CALLBACK_ID, type: "view_submission" }, async ({ ack, body, view }) => {
    await ack();
    const meta = readMeta(view.private_metadata);
    if (!meta) {
      ctx.logger.warn({ view: view.id }, "file submission without our metadata");
      return;
    }
    await afterAck();
    const inv: Invocation = {
      teamId: body.team?.id ?? body.user.team_id ?? view.team_id,
      userId: body.user.id,
      userName: body.user.name,
      channelId: meta.channelId,
      structured: { name: meta.command, options: {} },
    };
    const target = targetOf(inv);
    await hooks.track(
      (async () => {
        try {
          const ids = readFileIds(view.state.values as Parameters<typeof readFileIds>[0]);
          const got = await downloadSlackFiles(ctx.client, ctx.botToken, ids);
          if ("refused" in got) {
            const locale = meta.locale ?? (await dispatchLocale(ctx, inv));
            const t = translator(locale);
            if (got.refused === "failed") ctx.logger.warn({ file: got.file, reason: got.reason, team: inv.teamId, user: inv.userId }, "slack file could not be read");
            const text = got.refused === "tooLarge" ? t("files.tooLarge", { file: got.file, size: Math.ceil(got.size / 1024), max: MAX_SLACK_FILE_BYTES / 1024 }) : t("files.downloadFailed", { file: got.file });
            await deliver(ctx, message(locale, text), { target, ephemeral: true });
            return;
          }
          const reply = await dispatch(ctx, { ...inv, files: got.files });
          await deliver(ctx, reply, { target, ephemeral: reply.visibility === "ephemeral" });
        } catch (err) {
          ctx.logger.error({ error: describeSlackError(err), team: inv.teamId, user: inv.userId }, "file submission failed");
          await tellFailure(ctx, target, meta.locale);
        }
      })(),
    );
  });
}

/** The user's language when the modal did not carry it: Slack's profile, else the default. */
async function dispatchLocale(ctx: SlackContext, inv: Invocation) {
  const profile = await ctx.users.lookup(inv.teamId, inv.userId).catch(() => undefined);
  return toLocale(profile?.locale) ?? DEFAULT_LOCALE;
}

