import { useTranslation } from "react-i18next";
import type { ImportIssue } from "./queries.js";

// Each problem the import reports has a code; the reader gets it in their language, with the
// template column it concerns and the offending value. Codes the catalogue lacks (a domain rule
// added later) fall back to the gateway's English message.

export function useImportIssueText() {
  const { t, i18n } = useTranslation();
  return (issue: Pick<ImportIssue, "code" | "message" | "value">) => {
    const code = issue.code.startsWith("publish_") ? "publish" : issue.code;
    const key = `offerImport.issues.${code}`;
    return i18n.exists(key) ? t(key, { value: issue.value ?? "", message: issue.message }) : issue.message;
  };
}
