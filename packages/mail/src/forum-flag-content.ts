import type { Database } from "@samspill/database";
import { forumFlagReminderDays } from "@samspill/domain";
import { dateOnly, osloDay } from "./oslo.js";

// What a forum flag's mails say and to whom: the owner organisation's admins and editors (those
// who have not turned reminders off) hear when a flag is raised on it, and again when its due
// date nears while it is still open. The period key names the flag and the occasion (and the due
// date for the reminder), so each goes to each person once, and a moved due date is due again.

const flagSelect = {
  id: true,
  kind: true,
  note: true,
  dueOn: true,
  state: true,
  ownerId: true,
  healthCommunity: { select: { name: true } },
  owner: { select: { name: true } },
  offer: { select: { title: true } },
  agreement: { select: { title: true } },
  gapMunicipality: { select: { name: true } },
  gapHospitalTrust: { select: { name: true } },
  gapPriorityGroup: true,
  gapDiagnosisGroup: true,
  gapFormat: true,
  gapLanguage: true,
  gapAudience: true,
} as const;

export interface FlagMailItem {
  id: string;
  kind: "GAP" | "TASK_DIVISION_CONFLICT" | "STALE_OFFER";
  note: string;
  dueOn: Date;
  ownerId: string;
  communityName: string;
  ownerName: string;
  /** The offer's or agreement's title, else null (a gap is worded in the mail's language). */
  subjectTitle: string | null;
  gap: {
    place: string | null;
    priorityGroup: string | null;
    diagnosisGroup: string | null;
    format: string | null;
    language: string | null;
    audience: string | null;
  } | null;
}

type FlagRow = Awaited<ReturnType<typeof loadFlags>>[number];

const loadFlags = (db: Database, where: Parameters<Database["forumFlag"]["findMany"]>[0]) =>
  db.forumFlag.findMany({ ...where, select: flagSelect });

function toItem(f: FlagRow): FlagMailItem {
  const place = f.gapMunicipality?.name ?? f.gapHospitalTrust?.name ?? null;
  return {
    id: f.id,
    kind: f.kind,
    note: f.note,
    dueOn: f.dueOn,
    ownerId: f.ownerId,
    communityName: f.healthCommunity.name,
    ownerName: f.owner.name,
    subjectTitle: f.offer?.title ?? f.agreement?.title ?? null,
    gap:
      f.kind === "GAP" || place
        ? {
            place,
            priorityGroup: f.gapPriorityGroup,
            diagnosisGroup: f.gapDiagnosisGroup,
            format: f.gapFormat,
            language: f.gapLanguage,
            audience: f.gapAudience,
          }
        : null,
  };
}

/** The flag a `forum_flag.raised` event names, while it is still open. */
export async function raisedFlag(db: Database, id: string): Promise<FlagMailItem | null> {
  const [flag] = await loadFlags(db, { where: { id, state: "OPEN" } });
  return flag ? toItem(flag) : null;
}

/** Open flags due within the reminder horizon (or overdue), soonest first. */
export async function dueForumFlags(db: Database, now: Date): Promise<FlagMailItem[]> {
  const flags = await loadFlags(db, {
    where: { state: "OPEN", dueOn: { lte: osloDay(now, forumFlagReminderDays) } },
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
  });
  return flags.map(toItem);
}

export const flagPeriodKey = (flag: FlagMailItem, occasion: "raised" | "due") =>
  occasion === "raised"
    ? `forum-flag:${flag.id}:raised`
    : `forum-flag:${flag.id}:due:${dateOnly(flag.dueOn)}`;

export interface FlagRecipient {
  personId: string;
  email: string;
  name: string;
}

/** The admins and editors of the organisations, one entry per person and organisation. */
export async function flagRecipients(
  db: Database,
  organisationIds: readonly string[],
): Promise<Map<string, FlagRecipient[]>> {
  const memberships = await db.membership.findMany({
    where: {
      organisationId: { in: [...organisationIds] },
      role: { in: ["ADMIN", "EDITOR"] },
      person: { subscriptions: { none: { kind: "REMINDERS", active: false } } },
    },
    orderBy: [{ person: { email: "asc" } }],
    select: { organisationId: true, person: { select: { id: true, email: true, name: true } } },
  });
  const byOrg = new Map<string, FlagRecipient[]>();
  for (const m of memberships) {
    const list = byOrg.get(m.organisationId) ?? [];
    if (!list.some((r) => r.email === m.person.email))
      list.push({ personId: m.person.id, email: m.person.email, name: m.person.name });
    byOrg.set(m.organisationId, list);
  }
  return byOrg;
}
