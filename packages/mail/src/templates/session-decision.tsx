// Compiled with the automatic JSX runtime however the file is loaded (tsx from the repo root
// finds no tsconfig with "jsx" and would fall back to React.createElement).
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { links } from "../links.js";
import { Layout, Paragraph } from "./layout.js";
import { type RenderedMail, renderMail } from "./render.js";

// To the provider, a set time before a session with a minimum number of participants: whether
// it goes ahead or was cancelled, with the count (staff mail, in bokmål like the reminders).

export interface SessionDecisionProps {
  offerId: string;
  offerTitle: string;
  startsAt: Date;
  goesAhead: boolean;
  participants: number;
  minimum: number;
  waiting: number;
  publicUrl: string;
}

const when = (at: Date) =>
  new Intl.DateTimeFormat("nb-NO", { dateStyle: "full", timeStyle: "short", timeZone: "Europe/Oslo" }).format(
    at,
  );

const subjectOf = (p: SessionDecisionProps) =>
  p.goesAhead
    ? `Kurset blir gjennomført: ${p.offerTitle}`
    : `Kurset er avlyst (for få påmeldte): ${p.offerTitle}`;

export function SessionDecisionMail(p: SessionDecisionProps) {
  return (
    <Layout
      preview={subjectOf(p)}
      title={subjectOf(p)}
      publicUrl={p.publicUrl}
      reason="Du får denne e-posten fordi du er kontaktperson eller redaktør for kurset i Samspill."
    >
      <Paragraph>
        {p.offerTitle}, {when(p.startsAt)}.
      </Paragraph>
      <Paragraph>
        {p.participants} bekreftede deltakere; minimum er {p.minimum}.
        {p.waiting > 0 ? ` ${p.waiting} står på venteliste.` : ""}
      </Paragraph>
      <Paragraph>
        {p.goesAhead
          ? "Kurset går som planlagt."
          : "Samlingen er avlyst, og alle påmeldte og alle på venteliste har fått beskjed på e-post."}
      </Paragraph>
      <Paragraph>{links.offer(p.publicUrl, p.offerId)}</Paragraph>
    </Layout>
  );
}

export function renderSessionDecision(props: SessionDecisionProps): Promise<RenderedMail> {
  return renderMail(subjectOf(props), <SessionDecisionMail {...props} />);
}
