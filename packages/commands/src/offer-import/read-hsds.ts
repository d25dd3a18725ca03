import { z } from "zod";
import type { ImportValues } from "./columns.js";
import { decodeText } from "./decode.js";
import { fileError, importLimits, tooManyRows } from "./limits.js";

// Open Referral HSDS 3 `service` objects, as the hub's own HSDS export writes them (or another
// registry's): a list, `{ "services": [...] }` or an API page `{ "contents": [...] }`. Each
// service becomes a row of the same columns as a spreadsheet, so it is checked the same way; the
// hub's vocabularies come back from the attributes' taxonomy terms, and the service's `id` is the
// external id the row is matched on. A service names no language of its texts (its `languages`
// are those spoken on the course), so the row leaves text_language empty and the offer takes the
// provider organisation's written language (check-row.ts).

const text = z.string().nullish();
const term = z.object({ code: text, name: text }).passthrough();
const service = z
  .object({
    id: z.string().min(1).max(200),
    name: text,
    description: text,
    url: text,
    email: text,
    status: text,
    application_process: text,
    phones: z.array(z.object({ number: text }).passthrough()).nullish(),
    contacts: z.array(z.object({ name: text, email: text }).passthrough()).nullish(),
    languages: z.array(z.object({ code: text, name: text }).passthrough()).nullish(),
    service_areas: z.array(z.object({ name: text, description: text }).passthrough()).nullish(),
    service_at_locations: z
      .array(
        z
          .object({
            location: z.object({ location_type: text, name: text, url: text }).passthrough().nullish(),
          })
          .passthrough(),
      )
      .nullish(),
    attributes: z.array(z.object({ link_type: text, taxonomy_term: term.nullish() }).passthrough()).nullish(),
  })
  .passthrough();
type Service = z.infer<typeof service>;

const statusOf: Record<string, string> = {
  active: "PUBLISHED",
  inactive: "DRAFT",
  "temporarily closed": "PAUSED",
  defunct: "ARCHIVED",
};

const attributeColumns: Record<string, keyof ImportValues> = {
  offer_kind: "kind",
  diagnosis_scope: "diagnosis_scope",
  diagnosis_group: "diagnosis_groups",
  topic: "topics",
  audience: "audiences",
  priority_group: "priority_groups",
  delivery_format: "format",
  accessibility: "accessibility",
  diagnosis: "diagnosis_codes",
};

export function readHsds(bytes: Uint8Array): { line: number; values: ImportValues }[] {
  let json: unknown;
  try {
    json = JSON.parse(decodeText(bytes).text);
  } catch {
    throw fileError(
      "bad_json",
      "The file is not valid JSON",
      "Fila er ikke gyldig JSON",
      "Fila er ikkje gyldig JSON",
    );
  }
  const list = Array.isArray(json)
    ? json
    : ((json as { services?: unknown; contents?: unknown })?.services ??
      (json as { contents?: unknown })?.contents ?? [json]);
  if (!Array.isArray(list)) throw notHsds("the services must be a list");
  if (list.length > importLimits.rows) throw tooManyRows();
  return list.map((item, i) => {
    const parsed = service.safeParse(item);
    if (!parsed.success) throw notHsds(`service ${i + 1}: ${parsed.error.issues[0]?.message ?? ""}`);
    return { line: i + 1, values: valuesOf(parsed.data) };
  });
}

function valuesOf(s: Service): ImportValues {
  const joined = (items: readonly (string | null | undefined)[]) =>
    items.filter((v): v is string => !!v).join(", ");
  const places = (s.service_at_locations ?? []).flatMap((a) => (a.location ? [a.location] : []));
  const values: ImportValues = {
    reference: s.id,
    title: s.name ?? "",
    summary: firstParagraph(s.description ?? ""),
    description: s.description ?? "",
    status: statusOf[s.status ?? ""] ?? s.status ?? "",
    registration_url: s.url ?? "",
    contact_email: s.email ?? s.contacts?.find((c) => c.email)?.email ?? "",
    contact_name: s.contacts?.find((c) => c.name)?.name ?? "",
    contact_phone: s.phones?.[0]?.number ?? "",
    how_to_join: s.application_process ?? "",
    location: places.find((l) => l.location_type !== "virtual")?.name ?? "",
    online_url: places.find((l) => l.location_type === "virtual")?.url ?? "",
    languages: joined((s.languages ?? []).map((l) => (l.code === "nsi" ? "sgn-no" : (l.code ?? l.name)))),
    // The hub's export writes "Kommunenummer 1507, …" in an area's description; else its name.
    municipalities: joined(
      (s.service_areas ?? []).map((a) => /\b(\d{4})\b/.exec(a.description ?? "")?.[1] ?? a.name),
    ),
  };
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s.id)) values.id = s.id;
  const flags = new Set<string>();
  for (const a of s.attributes ?? []) {
    const code = a.taxonomy_term?.code ?? a.taxonomy_term?.name;
    if (!a.link_type || !code) continue;
    if (a.link_type === "user_involvement") flags.add(code);
    const column = attributeColumns[a.link_type];
    if (column) values[column] = values[column] ? `${values[column]}, ${code}` : code;
  }
  values.user_rep_planning = flags.has("PLANNING") ? "ja" : "nei";
  values.user_rep_delivery = flags.has("DELIVERY") ? "ja" : "nei";
  values.user_rep_evaluation = flags.has("EVALUATION") ? "ja" : "nei";
  return values;
}

/** The summary is the description's first paragraph, cut to the 1,000 characters a summary holds. */
const firstParagraph = (description: string) => (description.split(/\n\s*\n/)[0] ?? "").slice(0, 1000);

const notHsds = (detail: string) =>
  fileError(
    "bad_hsds",
    `The file is not a list of HSDS services (${detail})`,
    `Fila er ikke en liste over HSDS-tjenester (${detail})`,
    `Fila er ikkje ei liste over HSDS-tenester (${detail})`,
  );
