/**
 * What the poll commands share: finding a poll from its reference, building the view with
 * the live tally, and closing (by hand, or by the scheduled scan when the closing time
 * passes), after which the author gets the final results by direct message.
 */
import type { Services } from "../../core/commands.js";
import { CdceError } from "../../core/errors.js";
import type { Notification } from "../../core/notify.js";
import { translator } from "../../core/i18n/catalogue.js";
import { reply } from "../../core/reply.js";
import type { Actor, Block, Locale } from "../../core/types.js";
import { canModify } from "../../core/permissions.js";
import type { Poll } from "./ports.js";
import { pollBlocks } from "./render.js";
import { prefixWithin } from "../../core/clip.js";

export async function findPoll(services: Services, ref: string | undefined): Promise<Poll> {
  const r = (ref ?? "").trim();
  if (!r) throw new CdceError("poll.ref_missing", "poll.error.refMissing");
  const exact = r.length === 36 ? await services.community.polls.get(r) : null;
  if (exact) return exact;
  const found = await services.community.polls.findByPrefix(r);
  if (found.length !== 1) throw new CdceError("poll.not_found", found.length ? "poll.error.ambiguous" : "poll.error.notFound", { ref: prefixWithin(r, 40) });
  return found[0]!;
}

/** The poll with its current tally (and voter names unless anonymous), as blocks. */
export async function pollView(services: Services, poll: Poll, opts: { locale: Locale; zone: string; now: Date; actor?: Actor }): Promise<Block[]> {
  const tally = await services.community.polls.tally(poll.id, poll.choices.length);
  let voters: Map<number, string[]> | undefined;
  if (!poll.anonymous) {
    const ids = await services.community.polls.votersByChoice(poll.id);
    voters = new Map();
    for (const [choice, people] of ids) {
      const names = await Promise.all(people.map(async (id) => (await services.repos.identity.getPerson(id))?.name ?? "?"));
      voters.set(choice, names);
    }
  }
  return pollBlocks(translator(opts.locale), {
    poll, tally, voters, now: opts.now, zone: opts.zone, locale: opts.locale,
    canClose: opts.actor ? canModify(opts.actor, poll) : false,
  });
}

/** The final results, to the poll's author, once (key `poll:<id>:closed`). */
export async function closedNotice(services: Services, poll: Poll, now: Date): Promise<Notification | null> {
  if (!poll.authorId) return null;
  const author = await services.repos.identity.getPerson(poll.authorId);
  if (!author) return null;
  const closed = { ...poll, closedAt: poll.closedAt ?? now };
  const blocksByLocale = new Map<Locale, Block[]>();
  for (const locale of [author.locale]) blocksByLocale.set(locale, await pollView(services, closed, { locale, zone: author.timeZone, now }));
  return {
    key: `poll:${poll.id}:closed`,
    to: { kind: "person", personId: poll.authorId },
    dueAt: now,
    render: (locale) => {
      const t = translator(locale);
      const blocks = blocksByLocale.get(locale) ?? blocksByLocale.get(author.locale)!;
      return reply(locale, [{ type: "section", text: t("poll.closedNotice") }, ...blocks.filter((b) => b.type !== "actions")], "channel");
    },
  };
}

/**
 * The scheduled scan: closes the polls whose closing time passed and tells their authors.
 * The conditional close makes two replicas (or two runs) announce each poll once.
 */
export async function closeDuePolls(services: Services, now: Date, limit = 100): Promise<number> {
  let closed = 0;
  for (const poll of await services.community.polls.dueToClose(now, limit)) {
    // The close and its results notice together: the close happens once (a conditional
    // update), so a notice lost after it would never be queued again.
    const done = await services.transaction(async (scope) => {
      if (!(await scope.community.polls.close(poll.id, now))) return false;
      const notice = await closedNotice(scope, { ...poll, closedAt: now }, now);
      if (notice) await scope.notifier.enqueue(notice);
      return true;
    });
    if (done) closed++;
  }
  return closed;
}
