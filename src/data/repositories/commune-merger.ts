/**
 * Moves a merged commune's history to the commune it joined, table by table, inside the
 * caller's transaction. Rows under a per-commune unique key (a Fair-O-Mètre record on the
 * same day, a tool declared by both, a momentum snapshot) keep the joined commune's own
 * row and drop the merged one's: the joined commune's record is the one that stays true.
 */
import type { MergerReport } from "../../core/ports.js";
import type { Db } from "../client.js";

export async function moveCommuneHistory(tx: Db, fromId: string, intoId: string, on: Date): Promise<MergerReport> {
  const from = { communeId: fromId };
  const into = { communeId: intoId };

  // Fair-O-Mètre records: one per commune and day.
  const intoDays = new Set((await tx.fomRecord.findMany({ where: into, select: { on: true } })).map((r) => r.on.getTime()));
  const fromFom = await tx.fomRecord.findMany({ where: from, select: { id: true, on: true } });
  const clash = fromFom.filter((r) => intoDays.has(r.on.getTime())).map((r) => r.id);
  if (clash.length) await tx.fomRecord.deleteMany({ where: { id: { in: clash } } });
  const fomRecords = (await tx.fomRecord.updateMany({ where: from, data: into })).count;

  // Tools: one declaration per commune and tool.
  const intoTools = (await tx.toolUse.findMany({ where: into, select: { key: true } })).map((t) => t.key);
  if (intoTools.length) await tx.toolUse.deleteMany({ where: { ...from, key: { in: intoTools } } });

  // Partners: one per commune and name; the joined commune's own record stays.
  const intoPartners = (await tx.partner.findMany({ where: into, select: { key: true } })).map((p) => p.key);
  if (intoPartners.length) await tx.partner.deleteMany({ where: { ...from, key: { in: intoPartners } } });
  // A monthly update asked by the merged commune goes on for the joined one.
  if (await tx.monthlyUpdate.findUnique({ where: into })) await tx.monthlyUpdate.deleteMany({ where: from });

  // Memberships: a person already holding the same role in the joined commune keeps that one.
  const intoSeats = await tx.membership.findMany({ where: into, select: { personId: true, role: true } });
  const held = new Set(intoSeats.map((m) => `${m.personId}:${m.role}`));
  const fromSeats = await tx.membership.findMany({ where: from, select: { id: true, personId: true, role: true } });
  const twice = fromSeats.filter((m) => held.has(`${m.personId}:${m.role}`)).map((m) => m.id);
  if (twice.length) await tx.membership.deleteMany({ where: { id: { in: twice } } });

  // Youth groups: one name per commune; a group both had keeps the joined commune's row and
  // gains the merged one's people.
  const intoGroups = await tx.youthGroup.findMany({ where: into, select: { id: true, name: true } });
  for (const twin of await tx.youthGroup.findMany({ where: { ...from, name: { in: intoGroups.map((g) => g.name) } }, include: { ambassadors: true } })) {
    const keep = intoGroups.find((g) => g.name === twin.name)!;
    const already = new Set((await tx.youthGroupLink.findMany({ where: { groupId: keep.id }, select: { personId: true } })).map((l) => l.personId));
    for (const link of twin.ambassadors) if (!already.has(link.personId)) await tx.youthGroupLink.create({ data: { groupId: keep.id, personId: link.personId } });
    await tx.youthGroup.delete({ where: { id: twin.id } });
  }

  const activities = (await tx.activityEvent.updateMany({ where: from, data: into })).count;
  const events = (await tx.event.updateMany({ where: from, data: into })).count;
  const copilMembers = (await tx.copilMember.updateMany({ where: from, data: into })).count;
  const memberships = (await tx.membership.updateMany({ where: from, data: into })).count;
  const initiatives = (await tx.initiative.updateMany({ where: from, data: into })).count;
  const channels = (await tx.channelLink.updateMany({ where: from, data: into })).count;
  const other = [
    await tx.initiativeFollow.updateMany({ where: from, data: into }),
    await tx.experienceSheet.updateMany({ where: from, data: into }),
    await tx.poll.updateMany({ where: from, data: into }),
    await tx.idea.updateMany({ where: from, data: into }),
    await tx.toolUse.updateMany({ where: from, data: into }),
    await tx.partner.updateMany({ where: from, data: into }),
    await tx.monthlyUpdate.updateMany({ where: from, data: into }),
    await tx.registration.updateMany({ where: from, data: into }),
    await tx.communePrompt.updateMany({ where: from, data: into }),
    await tx.joinRequest.updateMany({ where: from, data: into }),
    await tx.welcomeJourney.updateMany({ where: from, data: into }),
    await tx.recruitCall.updateMany({ where: from, data: into }),
    await tx.eventProposal.updateMany({ where: from, data: into }),
    await tx.youthGroup.updateMany({ where: from, data: into }),
    await tx.mentorship.updateMany({ where: { mentorId: fromId }, data: { mentorId: intoId } }),
    await tx.mentorship.updateMany({ where: { menteeId: fromId }, data: { menteeId: intoId } }),
    await tx.localFeast.updateMany({ where: from, data: into }),
    ...(await moveTerritory(tx, fromId, intoId)),
  ].reduce((n, r) => n + r.count, 0);
  // A pair between the two communes has become a commune mentoring itself: it ends here.
  await tx.mentorship.updateMany({ where: { mentorId: intoId, menteeId: intoId, state: "active" }, data: { state: "ended", endedAt: on, outcome: "merger" } });
  // The merged commune's scores described it alone; the joined commune's next scan counts its history.
  await tx.momentumSnapshot.deleteMany({ where: from });
  return { activities, events, fomRecords, copilMembers, memberships, initiatives, channels, other };
}

/**
 * Joint events and "near you" answers of the merged commune, without doubles: a co-ownership
 * the joined commune already has, or of an event it now owns, is dropped; an answer it
 * already gave to the same item too.
 */
async function moveTerritory(tx: Db, fromId: string, intoId: string): Promise<Array<{ count: number }>> {
  const owned = (await tx.event.findMany({ where: { communeId: intoId }, select: { id: true } })).map((r) => r.id);
  const coOwned = (await tx.eventCommune.findMany({ where: { communeId: intoId }, select: { eventId: true } })).map((r) => r.eventId);
  await tx.eventCommune.deleteMany({ where: { communeId: fromId, eventId: { in: [...owned, ...coOwned] } } });
  await tx.eventCommune.deleteMany({ where: { communeId: intoId, eventId: { in: owned } } });
  const given = await tx.neighbourAnswer.findMany({ where: { communeId: intoId }, select: { item: true, answer: true } });
  for (const a of given) await tx.neighbourAnswer.deleteMany({ where: { communeId: fromId, item: a.item, answer: a.answer } });
  return [await tx.eventCommune.updateMany({ where: { communeId: fromId }, data: { communeId: intoId } }), await tx.neighbourAnswer.updateMany({ where: { communeId: fromId }, data: { communeId: intoId } })];
}
