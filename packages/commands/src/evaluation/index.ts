export { reportPamEvaluation } from "./report-pam-evaluation.js";
