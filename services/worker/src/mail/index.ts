// What other packages (the gateway, tests, the start script) use of the worker's mail code.

export { osloDay } from "./oslo.js";
export { halfYearOf, isoWeekKey, reportYearOf } from "./periods.js";
export { type DigestPreview, previewDigest } from "./preview.js";
export { type CapturedMessage, type SmtpSink, startSmtpSink, storeInDatabase } from "./sink.js";
