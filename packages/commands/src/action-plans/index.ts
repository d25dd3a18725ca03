export { addMeasure } from "./add-measure.js";
export { addMeasureProgressNote } from "./add-measure-progress-note.js";
export { type AdvanceRun, advanceCheckpoints } from "./advance-checkpoints.js";
export { meetMeasureCheckpoint, meetPlanReview } from "./meet-checkpoint.js";
export { reviseMeasure } from "./revise-measure.js";
export { updateMeasureStatus } from "./update-measure-status.js";
