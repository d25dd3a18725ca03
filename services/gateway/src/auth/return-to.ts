/**
 * Where to send the browser after sign-in: only a relative path on our own origin, so the
 * login link cannot be turned into an open redirect (`//evil.example`, `/\evil.example`,
 * `https://…`, `javascript:` all fall back to "/").
 */
export function safeReturnTo(candidate: string | null | undefined): string {
  if (!candidate || candidate.length > 2000) return "/";
  if (!candidate.startsWith("/") || candidate.startsWith("//")) return "/";
  // Browsers treat backslashes as slashes and drop tabs and newlines inside URLs.
  if ([...candidate].some(unsafeCharacter)) return "/";
  const base = "https://samspill.invalid";
  let url: URL;
  try {
    url = new URL(candidate, base);
  } catch {
    return "/";
  }
  if (url.origin !== base) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}

function unsafeCharacter(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return ch === "\\" || code < 0x20 || code === 0x7f;
}
