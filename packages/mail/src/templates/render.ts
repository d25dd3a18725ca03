import { render, toPlainText } from "@react-email/render";
import type { ReactElement } from "react";

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

/**
 * HTML and plain text of one mail. The text is derived from the same HTML (links written out
 * after their text), so the two versions cannot say different things.
 */
export async function renderMail(subject: string, element: ReactElement): Promise<RenderedMail> {
  const html = await render(element);
  const text = toPlainText(html);
  return { subject, html, text };
}
