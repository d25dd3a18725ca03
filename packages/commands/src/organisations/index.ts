export { requireRegionalAdmin } from "./regional-admin.js";
export { addHealthCommunityMembers, upsertOrganisation } from "./upsert-organisation.js";
export { upsertMembership, upsertPerson, upsertSubscription } from "./upsert-person.js";
export { upsertUnit } from "./upsert-unit.js";
