export { applyImport, type Imported, type ImportOutcome } from "./apply-import.js";
export { importActionPlan, importMeasure } from "./import-action-plan.js";
export { importAgreement } from "./import-agreement.js";
export { importMeetingPoint } from "./import-meeting-point.js";
export { importPamEvaluation, importParticipationReport } from "./import-participation.js";
export { importSession } from "./import-session.js";
