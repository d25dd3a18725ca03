import type { WrittenLanguage } from "@samspill/domain";

// Small self-contained HTML pages for sign-in, in the language given (bokmål unless told), no scripts, no external
// assets (they must work offline and under a strict CSP), semantic markup for screen readers.

export function escapeHtml(value: unknown): string {
  return String(value ?? "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const styles = `
:root{color-scheme:light dark;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5}
body{margin:0;padding:1.5rem;background:Canvas;color:CanvasText}
main{max-width:40rem;margin:0 auto}
h1{font-size:1.6rem;margin:0 0 .5rem}
.note{border-left:.3rem solid #b35c00;padding:.5rem .75rem;background:color-mix(in srgb,#b35c00 12%,Canvas)}
.error{border-left:.3rem solid #b00020;padding:.5rem .75rem;background:color-mix(in srgb,#b00020 12%,Canvas)}
fieldset{border:1px solid GrayText;border-radius:.4rem;padding:.75rem 1rem;margin:1rem 0}
legend{font-weight:600;padding:0 .25rem}
ul{list-style:none;margin:0;padding:0}
li{margin:.35rem 0}
label{display:flex;gap:.6rem;align-items:flex-start;padding:.4rem;border-radius:.3rem;cursor:pointer}
label:hover{background:color-mix(in srgb,CanvasText 6%,Canvas)}
input[type=radio]{margin-top:.3rem;width:1.1rem;height:1.1rem;flex:none}
input[type=text]{font:inherit;padding:.4rem;width:100%;max-width:24rem;box-sizing:border-box}
.who{display:block;font-weight:600}
.what{display:block;font-size:.95rem}
.actions{display:flex;gap:.75rem;flex-wrap:wrap;margin-top:1rem}
button{font:inherit;padding:.55rem 1.2rem;border-radius:.3rem;border:2px solid #004b8d;cursor:pointer}
button.primary{background:#004b8d;color:#fff}
button.secondary{background:Canvas;color:CanvasText}
:focus-visible{outline:3px solid #ff9100;outline-offset:2px}
`;

export function htmlPage(title: string, body: string, lang: WrittenLanguage = "nb"): string {
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${styles}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

export function messagePage(
  title: string,
  message: string,
  link?: { href: string; text: string },
  lang: WrittenLanguage = "nb",
): string {
  const action = link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></p>` : "";
  return htmlPage(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>\n${action}`, lang);
}
