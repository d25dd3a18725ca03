export { deletePamResult } from "./delete-pam-result.js";
export { recordPamResults } from "./record-pam-results.js";
