import { eventJobData, queueNames } from "@samspill/events";
import { raisedFlag } from "@samspill/mail";
import { mailFlagOwners } from "./forum-flag-sending.js";
import { mailDeps } from "./mail-deps.js";
import { defineJob } from "./types.js";

/**
 * Tells the owner organisation's admins and editors that a forum flag was raised on them
 * (`forum_flag.raised`). A flag closed before the job runs is not mailed; a retry mails only
 * those not yet told (mailFlagOwners claims each once).
 */
export const forumFlagRaisedJob = defineJob({
  queue: queueNames.events,
  name: "forum_flag.raised.mail",
  handles: ["forum_flag.raised"],
  schema: eventJobData,
  async handle(event, ctx) {
    const deps = mailDeps(ctx);
    try {
      const flag = await raisedFlag(deps.db, event.aggregateId);
      if (!flag) return { flags: 0, sent: 0 };
      const run = await mailFlagOwners(deps, [flag], "raised");
      deps.log.info({ forumFlagId: flag.id, ...run }, "forum flag raised: owner told");
      return run;
    } finally {
      deps.mailer.close();
    }
  },
});
