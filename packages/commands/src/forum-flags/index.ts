export { dismissForumFlag, resolveForumFlags } from "./end-forum-flags.js";
export { raiseForumFlag } from "./raise-forum-flag.js";
export { taskDivisionFlagDueDays } from "./task-division-flags.js";
