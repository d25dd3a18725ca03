import fc from "fast-check";

// Hostile HTTP requests for any route of the gateway: path parameters, query parameters, cookies
// and bearer tokens filled with what an attacker would try (NUL, broken surrogates, control
// characters, malformed percent-escapes, path traversal, SQL, huge values).

export interface RouteRow {
  method: string;
  path: string;
}

const hostileText = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.constantFrom(
    "\u0000",
    "kurs\u0000",
    "\ud800",
    "\udc00x",
    "\u0007\u001b[2J",
    "../../../etc/passwd",
    "..\\..\\windows\\win.ini",
    "' OR 1=1 --",
    '"; DROP TABLE "Offer"; --',
    "<script>alert(1)</script>",
    "-".repeat(36),
    "00000000-0000-0000-0000-000000000000",
    "x".repeat(70_000),
    "",
    "%",
    "NaN",
    "-1",
    "1e309",
  ),
);

/** Lone surrogates survive as U+FFFD: a URL carries UTF-8 bytes, which cannot spell them. */
function percentEncode(value: string): string {
  return [...new TextEncoder().encode(value)]
    .map((b) =>
      /[A-Za-z0-9_.~-]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).padStart(2, "0")}`,
    )
    .join("");
}

/** An encoded URL component: hostile text, or escapes that are themselves malformed or overlong. */
export const hostileComponent = fc.oneof(
  { weight: 4, arbitrary: hostileText.map(percentEncode) },
  {
    weight: 1,
    arbitrary: fc.constantFrom("%00", "%ZZ", "%E0%80", "%ED%A0%80", "%C0%80", "%", "..%2F..%2F", "%2e%2e/"),
  },
  { weight: 1, arbitrary: hostileText.filter((s) => /^[\x21-\x7e]*$/.test(s) && !/[#?%]/.test(s)) },
);

/** A header value that fetch's Headers accepts (no NUL, CR or LF), still hostile. */
const headerValue = hostileText.map((s) => s.replace(/[^\u0020-\u00ff]/g, "?")).map((s) => s.slice(0, 8000));

/** A value for `:name` or `:name{regex}` in a route's path: one the pattern admits, or anything. */
function pathParameter(pattern: string | undefined): fc.Arbitrary<string> {
  if (!pattern) return hostileComponent;
  return fc.oneof(fc.stringMatching(new RegExp(`^${pattern}$`)), hostileComponent);
}

/** The route's path with every parameter and wildcard filled in. */
export function hostilePath(path: string): fc.Arbitrary<string> {
  const parts = path.split("/").map((segment): fc.Arbitrary<string> => {
    if (segment === "*")
      return fc.array(hostileComponent, { minLength: 0, maxLength: 3 }).map((s) => s.join("/"));
    const param = /^:\w+(?:\{(.+)\})?$/.exec(segment);
    if (param) return pathParameter(param[1]);
    return fc.constant(segment);
  });
  return fc.tuple(...parts).map((segments) => segments.join("/"));
}

export interface HostileRequestOptions {
  /** Query parameter names the route reads, so values reach its validation. */
  knownKeys: readonly string[];
  /** Cookie names the gateway reads. */
  cookieNames: readonly string[];
}

/** A request to `route` with hostile parameters, query, cookies and credentials. */
export function hostileRequest(route: RouteRow, options: HostileRequestOptions): fc.Arbitrary<Request> {
  const method =
    route.method === "ALL"
      ? fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE")
      : fc.constant(route.method);
  const key = fc.oneof(
    {
      weight: 4,
      arbitrary: options.knownKeys.length ? fc.constantFrom(...options.knownKeys) : hostileComponent,
    },
    { weight: 1, arbitrary: hostileComponent },
  );
  const query = fc.array(fc.tuple(key, hostileComponent), { maxLength: 4 });
  const cookie = fc.option(
    fc
      .tuple(fc.constantFrom(...options.cookieNames), headerValue)
      .map(([name, value]) => `${name}=${value.replace(/;/g, "")}`),
  );
  const authorization = fc.option(headerValue.map((t) => `Bearer ${t.replace(/\s/g, "") || "x"}`));
  const body = fc.option(fc.oneof(fc.json(), hostileText), { freq: 2 });
  return fc
    .record({ method, path: hostilePath(route.path), query, cookie, authorization, body })
    .map(({ method, path, query, cookie, authorization, body }) => {
      const search = query.map(([k, v]) => `${k}=${v}`).join("&");
      const headers: Record<string, string> = { accept: "application/json", "x-samspill-csrf": "1" };
      if (cookie) headers.cookie = cookie;
      if (authorization) headers.authorization = authorization;
      const init: RequestInit = { method, headers };
      if (body !== null && method !== "GET") {
        init.body = body;
        headers["content-type"] = "application/json";
      }
      return new Request(`http://gateway.test${path}${search ? `?${search}` : ""}`, init);
    });
}
