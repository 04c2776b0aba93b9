/**
 * Answers one interaction over REST, whatever stage it is in: the first callback (reply,
 * update, defer, modal, autocomplete), then edits of `@original` and follow-ups. Interaction
 * routes need no bot token (the interaction token is the credential): `auth: false`.
 */
import { InteractionResponseType, MessageFlags, Routes, type REST } from "discord.js";
import type { DiscordMessage } from "./render.js";

/** A message for an edit: Discord keeps omitted fields, so say explicitly what is gone. */
function replacing(m: DiscordMessage) {
  return { content: m.content ?? "", embeds: m.embeds ?? [], components: m.components ?? [], allowed_mentions: m.allowed_mentions };
}

/** How an interaction was deferred, if it was. */
export type Deferral = "reply" | "update" | null;

/** The REST calls that answer one interaction, with its state (acknowledged, deferred). */
export class Responder {
  /** Whether the first callback was sent (only one is allowed). */
  acknowledged = false;
  /** How the interaction was deferred, if it was: type 5 (`reply`) or type 6 (`update`). */
  deferred: Deferral = null;

  constructor(
    private readonly rest: REST,
    private readonly applicationId: string,
    private readonly id: string,
    private readonly token: string,
  ) {}

  private async callback(type: InteractionResponseType, data?: object): Promise<void> {
    // Set first: if the request fails midway we must not try a second callback blindly.
    this.acknowledged = true;
    await this.rest.post(Routes.interactionCallback(this.id, this.token), { body: data ? { type, data } : { type }, auth: false });
  }

  /** Type 4: a new message answering the interaction. */
  reply(message: DiscordMessage, ephemeral: boolean): Promise<void> {
    return this.callback(InteractionResponseType.ChannelMessageWithSource, { ...message, flags: ephemeral ? MessageFlags.Ephemeral : 0 });
  }

  /** Type 7: replaces the message that holds the clicked component. */
  update(message: DiscordMessage): Promise<void> {
    return this.callback(InteractionResponseType.UpdateMessage, replacing(message));
  }

  /** Type 5 (a "thinking…" message, ephemeral or not) or type 6 (for components: nothing shown). */
  async defer(kind: "reply" | "update", ephemeral: boolean): Promise<void> {
    if (kind === "reply") {
      await this.callback(InteractionResponseType.DeferredChannelMessageWithSource, { flags: ephemeral ? MessageFlags.Ephemeral : 0 });
    } else {
      await this.callback(InteractionResponseType.DeferredMessageUpdate);
    }
    this.deferred = kind;
  }

  /** Type 9: opens a modal. */
  modal(data: object): Promise<void> {
    return this.callback(InteractionResponseType.Modal, data);
  }

  /** Type 8: autocomplete suggestions. */
  choices(choices: { name: string; value: string }[]): Promise<void> {
    return this.callback(InteractionResponseType.ApplicationCommandAutocompleteResult, { choices });
  }

  /** Edits the original response (or, after type 6, the component's message). */
  async editOriginal(message: DiscordMessage): Promise<void> {
    await this.rest.patch(Routes.webhookMessage(this.applicationId, this.token, "@original"), { body: replacing(message), auth: false });
  }

  /**
   * A further message carrying files (multipart: `payload_json` and `files[n]`, each declared
   * in `attachments`), with the same visibility as the answer it completes.
   */
  async followUpFiles(message: DiscordMessage, files: ReadonlyArray<{ name: string; contentType: string; data: Uint8Array | string }>, ephemeral: boolean): Promise<void> {
    await this.rest.post(Routes.webhook(this.applicationId, this.token), {
      body: { ...message, flags: ephemeral ? MessageFlags.Ephemeral : 0, attachments: files.map((f, id) => ({ id, filename: f.name })) },
      files: files.map((f, id) => ({ key: `files[${id}]`, name: f.name, contentType: f.contentType, data: Buffer.from(f.data) })),
      auth: false,
    });
  }

  /** A further message in the same conversation (valid 15 minutes). */
  async followUp(message: DiscordMessage, ephemeral: boolean): Promise<void> {
    await this.rest.post(Routes.webhook(this.applicationId, this.token), {
      body: { ...message, flags: ephemeral ? MessageFlags.Ephemeral : 0 },
      auth: false,
    });
  }
}
