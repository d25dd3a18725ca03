export { confirmAttendanceReport } from "./confirm-attendance-report.js";
export { prepareAttendanceReport } from "./prepare-attendance-report.js";
export { recordAttendance } from "./record-attendance.js";
