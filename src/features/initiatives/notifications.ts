/**
 * The messages initiatives make the bot send on its own, as pure functions returning
 * {@link Notification}s for `services.notifier`. Keys are stable and grouped under
 * `initiative:<id>:` so that one prefix cancels or retracts a whole family:
 * - `initiative:<id>:post:<hash>[:by:<personId>]` the network post (hash of its content: an
 *   edit is a new post);
 * - `initiative:<id>:moderation:<hash>[:by:<personId>]` the request to coordination;
 * - `initiative:<id>:author:<what>` direct messages to the author (approved, rejected);
 * - `initiative:<id>:contact:<personId>`, `initiative:<id>:follow:<personId>` DMs to the author.
 */
import { translator } from "../../core/i18n/catalogue.js";
import type { Notification } from "../../core/notify.js";
import { message, reply } from "../../core/reply.js";
import type { Initiative } from "./ports.js";
import { initiativeCard, moderationButtons, networkButtons, refOf, type CardInfo } from "./render.js";
import { isoDay } from "../../core/time/local.js";
import { clip } from "../../core/clip.js";

/** Prefix of the network posts of an initiative (what a deletion removes). */
export const postPrefix = (id: string) => `initiative:${id}:post:`;
/**
 * A message that shows a person's name carries `:by:<personId>` in its key: erasing that
 * person finds it (src/data/repositories/privacy.ts) and takes it down.
 */
const by = (i: Initiative, info: CardInfo) => (i.authorId && info.authorName ? `:by:${i.authorId}` : "");

/** Prefix of everything posted in channels for an initiative (posts and moderation request). */
export const channelPrefixes = (id: string) => [postPrefix(id), `initiative:${id}:moderation`];

/** FNV-1a, 32 bits, hex: a short stable fingerprint of a post's content. */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** What the network post shows: if this changes, the post is a new one. */
function contentOf(i: Initiative, info: CardInfo): string {
  return JSON.stringify([i.title, i.description, i.kind, i.partnerKinds, i.criteria, i.place, i.links, isoDay(i.happenedOn), i.communeId, info.communeName, info.authorName, ...(info.partnerNames?.length ? [info.partnerNames] : []), ...(info.revision ? [info.revision] : [])]);
}

/** The post to every channel linked as the network's shared channel, on every platform. */
export function networkPost(i: Initiative, info: CardInfo, now: Date): Notification {
  return {
    key: `${postPrefix(i.id)}${fingerprint(contentOf(i, info))}${by(i, info)}`,
    to: { kind: "purpose", purpose: "network" },
    dueAt: now,
    render: (locale) => {
      const t = translator(locale);
      return { ...reply(locale, [...initiativeCard(t, i, { ...info, follows: 0 }), { type: "actions", buttons: networkButtons(t, i) }], "channel"), tags: postTags(t, i, info) };
    },
  };
}

/**
 * What the post is filed under where the network's channel is a forum (Discord): its criteria
 * and its province, at most 5 short tags (the criteria served first).
 */
export function postTags(t: (key: "initiative.tag.criterion", values: { n: number }) => string, i: Initiative, info: CardInfo): string[] {
  const tags = [...i.criteria].sort().map((c) => t("initiative.tag.criterion", { n: Number(c) }));
  const province = info.province?.trim();
  return [...tags.slice(0, province ? 4 : 5), ...(province ? [clip(province, 20)] : [])];
}

/** Asks coordination to approve an initiative before it goes out. */
export function moderationRequest(i: Initiative, info: CardInfo, now: Date): Notification {
  return {
    key: `initiative:${i.id}:moderation:${fingerprint(contentOf(i, info))}${by(i, info)}`,
    to: { kind: "purpose", purpose: "coordination" },
    dueAt: now,
    render: (locale) => {
      const t = translator(locale);
      return reply(
        locale,
        [{ type: "section", text: t("initiative.moderation.request") }, ...initiativeCard(t, i, info), { type: "actions", buttons: moderationButtons(t, i) }],
        "channel",
      );
    },
  };
}

/** Tells the author that coordination approved or refused their initiative. */
export function authorVerdict(i: Initiative, authorId: string, verdict: "approved" | "rejected", reason: string | undefined, now: Date): Notification {
  return {
    key: `initiative:${i.id}:author:${verdict}`,
    to: { kind: "person", personId: authorId },
    dueAt: now,
    render: (locale) => {
      const t = translator(locale);
      const text = verdict === "approved"
        ? t("initiative.author.approved", { title: i.title, ref: refOf(i.id) })
        : t("initiative.author.rejected", { title: i.title, reason: reason ?? "—" });
      return message(locale, text, "channel");
    },
  };
}

/** Someone clicked "contact" on a post: the author gets a direct message naming them. */
export function contactRequest(i: Initiative, authorId: string, from: { personId: string; name: string; commune: string | null }, now: Date): Notification {
  return {
    key: `initiative:${i.id}:contact:${from.personId}`,
    to: { kind: "person", personId: authorId },
    dueAt: now,
    render: (locale) => {
      const t = translator(locale);
      const who = from.commune ? `${from.name} (${from.commune})` : from.name;
      return message(locale, t("initiative.contact.dm", { who, title: i.title }), "channel");
    },
  };
}

/** Someone will do it too: the author hears about it. */
export function followNotice(i: Initiative, authorId: string, from: { personId: string; name: string; commune: string | null }, now: Date): Notification {
  return {
    key: `initiative:${i.id}:follow:${from.personId}`,
    to: { kind: "person", personId: authorId },
    dueAt: now,
    render: (locale) => {
      const t = translator(locale);
      const who = from.commune ? `${from.name} (${from.commune})` : from.name;
      return message(locale, t("initiative.follow.dm", { who, title: i.title }), "channel");
    },
  };
}
