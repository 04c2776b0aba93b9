/**
 * Slack's App Home and shortcuts. Opening the Home tab publishes the person's home
 * (`/cdce accueil`, views.publish); later changes refresh it through the outbox (sender.ts).
 * The global shortcuts and the message shortcut open the form of the command they stand for
 * (`/cdce raccourci`), the message's text and permalink pre-filling "Partager avec le réseau".
 */
import type { App, GlobalShortcut, MessageShortcut } from "@slack/bolt";
import { deliver, dispatch, targetOf, tellFailure, type Invocation, type SlackContext } from "./deliver.js";
import { describeSlackError } from "./errors.js";
import { homeView } from "./render.js";
import type { ListenerHooks } from "./listeners.js";

/** The shortcuts the manifest declares: callback id, what `/cdce raccourci` opens, and their names in Slack. */
export const SHORTCUTS = [
  { callbackId: "cdce_share_initiative", type: "global", opens: "initiative", name: "Partager une initiative", description: "Partager une initiative locale avec tout le réseau" },
  { callbackId: "cdce_plan_webinar", type: "global", opens: "webinaire", name: "Planifier un webinaire", description: "Planifier un webinaire du réseau (coordination)" },
  { callbackId: "cdce_find_kit", type: "global", opens: "kit", name: "Trouver un kit", description: "Chercher un kit ou un outil de campagne" },
  { callbackId: "cdce_share_message", type: "message", opens: "initiative", name: "Partager avec le réseau", description: "Partager ce message comme initiative avec le réseau" },
] as const;

export function registerHomeListeners(app: App, ctx: SlackContext, hooks: ListenerHooks): void {
  app.event("app_home_opened", async ({ event, body }) => {
    // The Messages tab opens the DM: nothing to publish.
    if (event.tab !== "home") return;
    const teamId = body.team_id;
    await hooks.track(
      (async () => {
        try {
          const reply = await dispatch(ctx, { teamId, userId: event.user, structured: { name: "accueil", options: {} } });
          await ctx.client.views.publish({ user_id: event.user, view: homeView(reply) });
        } catch (err) {
          ctx.logger.error({ error: describeSlackError(err), team: teamId, user: event.user }, "home could not be published");
        }
      })(),
    );
  });

  for (const s of SHORTCUTS) {
    app.shortcut<GlobalShortcut | MessageShortcut>({ callback_id: s.callbackId, type: s.type === "global" ? "shortcut" : "message_action" }, async ({ ack, shortcut, respond }) => {
      await ack();
      const options: Record<string, unknown> = { quoi: s.opens };
      let channelId: string | undefined;
      if (shortcut.type === "message_action") {
        channelId = shortcut.channel.id;
        options.texte = shortcut.message.text ?? "";
        options.lien = await permalink(ctx, shortcut.channel.id, shortcut.message.ts);
      }
      const inv: Invocation = {
        teamId: shortcut.team?.id ?? shortcut.user.team_id ?? "",
        userId: shortcut.user.id,
        userName: shortcut.user.username,
        channelId,
        structured: { name: "raccourci", options },
        triggerId: shortcut.trigger_id,
        respond: shortcut.type === "message_action" ? respond : undefined,
      };
      const target = targetOf(inv);
      await hooks.track(
        (async () => {
          try {
            const reply = await dispatch(ctx, inv);
            await deliver(ctx, reply, { target, ephemeral: true });
          } catch (err) {
            ctx.logger.error({ error: describeSlackError(err), team: inv.teamId, user: inv.userId }, "shortcut failed");
            await tellFailure(ctx, target, undefined);
          }
        })(),
      );
    });
  }
}

/** The message's link (chat.getPermalink); without it the form is pre-filled with the text alone. */
async function permalink(ctx: SlackContext, channel: string, ts: string): Promise<string | undefined> {
  try {
    return (await ctx.client.chat.getPermalink({ channel, message_ts: ts })).permalink;
  } catch (err) {
    ctx.logger.info({ error: describeSlackError(err) }, "no permalink for a shared message");
    return undefined;
  }
}
