// Mail HTML is shown as sent, but never with the web app's powers: an iframe with an empty
// `sandbox` runs no scripts, has an opaque origin (no cookies, no access to this page), submits
// no forms and opens no windows. The Content-Security-Policy inside the document says the same
// to the browser a second time and keeps the mail from loading anything but images and its own
// inline styles.
const policy =
  "default-src 'none'; img-src data: http: https:; style-src 'unsafe-inline'; font-src data:; form-action 'none'";

export function MailFrame({ html, title }: { html: string; title: string }) {
  const document = `<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${policy}"><base target="_blank">${html}`;
  return (
    <iframe className="mail-frame" title={title} sandbox="" referrerPolicy="no-referrer" srcDoc={document} />
  );
}

/** The plain-text part, as text (never parsed as HTML), in a scrollable region keyboard users can reach. */
export function MailText({ text, label }: { text: string; label: string }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region needs a tab stop to scroll by keyboard
    <section className="mail-text" aria-label={label} tabIndex={0}>
      <pre>{text}</pre>
    </section>
  );
}
