/**
 * The three things Slack sends us: the `/cdce` slash command, a click on one of our
 * buttons, and the submission of one of our modals. Each is acked at once (Slack's 3-second
 * rule; `processBeforeResponse: false` sends the HTTP answer at `ack()`), and the work goes
 * on after it. A modal submission is the one exception: its ack carries the validation
 * errors, so the core runs first, under a deadline that keeps the ack in time.
 */
import type { App, BlockButtonAction, ViewSubmitAction } from "@slack/bolt";
import { BUTTON_ACTION_PREFIX } from "./render.js";
import { FORM_CALLBACK_ID, readMeta, readValues, viewErrors, type ViewState } from "./modal.js";
import { registerFileSubmissions } from "./file-submission.js";
import { deliver, dispatch, handleInvocation, targetOf, tellFailure, type Invocation, type SlackContext } from "./deliver.js";
import { describeSlackError } from "./errors.js";
import type { Reply } from "../../core/types.js";

/** Slack waits 3 s for a view_submission ack; past this, we ack and answer by message. */
export const SUBMIT_DEADLINE_MS = 2500;

export interface ListenerHooks {
  /** Keeps the promise until it settles, so that stop() can wait for in-flight replies. */
  track(work: Promise<unknown>): Promise<unknown>;
  /** Overrides SUBMIT_DEADLINE_MS (tests). */
  submitDeadlineMs?: number;
}

/** Lets the acknowledgement leave the process before the heavy work takes the event loop. */
export const afterAck = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Registers the `/cdce` command, button and modal-submission listeners on a Bolt app. */
export function registerListeners(app: App, ctx: SlackContext, hooks: ListenerHooks): void {
  registerFileSubmissions(app, ctx, hooks);
  app.command(ctx.command, async ({ command, ack, respond }) => {
    await ack();
    await afterAck();
    await hooks.track(
      handleInvocation(ctx, {
        teamId: command.team_id,
        userId: command.user_id,
        userName: command.user_name,
        channelId: command.channel_id,
        text: unescapeLinks(command.text),
        triggerId: command.trigger_id,
        respond,
      }),
    );
  });

  app.action<BlockButtonAction>({ type: "block_actions", action_id: new RegExp(`^${BUTTON_ACTION_PREFIX}`) }, async ({ ack, body, action, respond }) => {
    await ack();
    await afterAck();
    await hooks.track(
      handleInvocation(ctx, {
        teamId: body.team?.id ?? body.user.team_id ?? "",
        userId: body.user.id,
        userName: body.user.name,
        channelId: body.channel?.id,
        // The button's value is the `/cdce` line it runs, as if typed.
        text: action.value ?? "",
        actedAt: slackStamp(action.action_ts),
        triggerId: body.trigger_id,
        respond,
      }),
    );
  });

  app.view<ViewSubmitAction>({ callback_id: FORM_CALLBACK_ID, type: "view_submission" }, async ({ ack, body, view }) => {
    const meta = readMeta(view.private_metadata);
    if (!meta) {
      // Not a view we built (or its metadata was lost): close it rather than leave it spinning.
      ctx.logger.warn({ view: view.id }, "form submission without our metadata");
      await ack();
      return;
    }
    const inv: Invocation = {
      teamId: body.team?.id ?? body.user.team_id ?? view.team_id,
      userId: body.user.id,
      userName: body.user.name,
      channelId: meta.channelId,
      structured: { name: meta.command, options: readValues(view.state.values as ViewState) },
    };
    const work = dispatch(ctx, inv);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), hooks.submitDeadlineMs ?? SUBMIT_DEADLINE_MS)));
    let first: Reply | "late" | Error;
    try {
      first = await Promise.race([work, late]);
    } catch (err) {
      first = err instanceof Error ? err : new Error(String(err));
    } finally {
      clearTimeout(timer);
    }
    const target = targetOf(inv);
    if (first instanceof Error) {
      await ack();
      ctx.logger.error({ error: describeSlackError(first), team: inv.teamId, user: inv.userId }, "form submission failed");
      await hooks.track(tellFailure(ctx, target, meta.locale));
      return;
    }
    if (first !== "late" && first.fieldErrors && Object.keys(first.fieldErrors).length) {
      const blockIds = view.blocks.map((b) => b.block_id).filter((id): id is string => !!id);
      // The modal stays open, each message under its field, in the user's language.
      await ack({ response_action: "errors", errors: viewErrors(first.fieldErrors, blockIds) });
      return;
    }
    await ack();
    await afterAck();
    await hooks.track(
      (async () => {
        try {
          const reply = first === "late" ? await work : first;
          await deliver(ctx, reply, { target, ephemeral: reply.visibility === "ephemeral" });
        } catch (err) {
          ctx.logger.error({ error: describeSlackError(err), team: inv.teamId, user: inv.userId }, "form result could not be delivered");
          await tellFailure(ctx, target, meta.locale);
        }
      })(),
    );
  });
}

/**
 * The manifest sets `should_escape: true` so that user mentions arrive as `<@U123|name>`
 * (ids, which `/cdce role` needs). Links then arrive as `<https://…|label>`: give the core
 * the bare URL, as typed. Mentions and channel references are kept.
 */
export function unescapeLinks(text: string): string {
  return text.replace(/<((?:https?|mailto):[^|>\s]+)(?:\|[^>]*)?>/g, "$1");
}

/** Slack's stamp of a click (`action_ts`: seconds with microseconds, "1764410001.000200"). */
function slackStamp(ts: string | undefined): Date | undefined {
  const seconds = Number(ts);
  return ts && Number.isFinite(seconds) ? new Date(Math.round(seconds * 1000)) : undefined;
}
