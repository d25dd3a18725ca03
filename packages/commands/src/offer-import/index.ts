export { importColumns } from "./columns.js";
export { confirmOfferImport } from "./confirm-offer-import.js";
export { editOfferImportRow } from "./edit-offer-import-row.js";
export { importLimits } from "./limits.js";
export { previewOfferImport } from "./preview-offer-import.js";
export { readOfferFile } from "./read-file.js";
export { maxReportedFailures, type OfferImportReport, runOfferImport } from "./run-offer-import.js";
export { templateCsv, templateXlsx } from "./template.js";
