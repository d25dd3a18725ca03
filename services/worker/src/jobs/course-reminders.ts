import { queueNames } from "@samspill/events";
import { z } from "zod";
import { mailCoursePerson } from "./course-person-mail.js";
import { mailDeps } from "./mail-deps.js";
import { defineJob } from "./types.js";

// Every quarter of an hour: each confirmed participant of a run starting within the next
// COURSE_REMINDER_DAYS days gets that day's reminder, once (claimed per sign-up and number of
// days). Someone who got their seat inside the window already has it in the confirmation, so
// is not reminded again for that window.

const DAY = 86_400_000;

export const courseRemindersJob = defineJob({
  queue: queueNames.maintenance,
  name: "course.reminders",
  schema: z.object({ at: z.iso.datetime({ offset: true }).optional() }).strict(),
  schedule: { every: 15 * 60_000 },
  handle: async (data, ctx) => {
    const now = data.at ? new Date(data.at) : new Date();
    const deps = mailDeps(ctx);
    let sent = 0;
    try {
      for (const days of ctx.env.COURSE_REMINDER_DAYS) {
        const due = await ctx.db.sessionSignUp.findMany({
          where: {
            status: "CONFIRMED",
            email: { not: null },
            mails: { none: { key: `reminder:${days}` } },
            session: { cancelled: false, startsAt: { gt: now, lte: new Date(now.getTime() + days * DAY) } },
          },
          select: { id: true, createdAt: true, session: { select: { startsAt: true } } },
          take: 1000,
        });
        for (const s of due) {
          if (s.createdAt.getTime() > s.session.startsAt.getTime() - days * DAY) continue;
          if (await mailCoursePerson(deps, s.id, "reminder", `reminder:${days}`)) sent++;
        }
      }
    } finally {
      deps.mailer.close();
    }
    if (sent > 0) ctx.log.info({ sent }, "course reminders sent");
    return { sent };
  },
});
