export {
  recordSensitiveRead,
  type SensitiveRead,
  type SensitiveReadKind,
  sensitiveReadKinds,
} from "./record-sensitive-read.js";
