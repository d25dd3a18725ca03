export { addMeasureProgressNote } from "./add-measure-progress-note.js";
export { updateMeasureStatus } from "./update-measure-status.js";
