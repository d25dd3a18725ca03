export { correctParticipationReport } from "./correct-participation-report.js";
export { reportParticipation } from "./report-participation.js";
