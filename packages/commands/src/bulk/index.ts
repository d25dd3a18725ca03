export { type DatasetCounts, type DatasetTable, datasetTables } from "./dataset-rows.js";
export { loadDatasetBatch } from "./load-dataset.js";
