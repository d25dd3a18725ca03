import type { RouteObject } from "react-router";
import { ImportPreviewPage } from "./ImportPreviewPage.js";
import { ImportUploadPage } from "./ImportUploadPage.js";

/** Importing offers from a spreadsheet or HSDS file: /import (upload), /import/<id> (preview, progress, report). */
export const importRoutes: RouteObject[] = [
  { path: "import", element: <ImportUploadPage /> },
  { path: "import/:id", element: <ImportPreviewPage /> },
];
