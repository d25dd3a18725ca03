import type { z } from "zod";
import { util } from "zod/v4/core";

// zod ships no nynorsk locale. This mirrors zod's `no` (bokmål) locale code for code and with
// the same parameters, so a nynorsk reader sees the same facts in their own written standard.

type RawIssue = Parameters<ReturnType<typeof z.locales.no>["localeError"]>[0];

const sizable: Record<string, { unit: string; verb: string }> = {
  string: { unit: "teikn", verb: "å ha" },
  file: { unit: "byte", verb: "å ha" },
  array: { unit: "element", verb: "å innehalde" },
  set: { unit: "element", verb: "å innehalde" },
  map: { unit: "element", verb: "å innehalde" },
};

const formats: Record<string, string> = {
  regex: "input",
  email: "e-postadresse",
  url: "URL",
  uuid: "UUID",
  datetime: "ISO-dato og -klokkeslett",
  date: "ISO-dato",
  time: "ISO-klokkeslett",
  duration: "ISO-varigheit",
  ipv4: "IPv4-adresse",
  ipv6: "IPv6-adresse",
  base64: "base64-koda streng",
  base64url: "base64url-koda streng",
  json_string: "JSON-streng",
  e164: "E.164-nummer",
  template_literal: "input",
};

const types: Record<string, string> = { nan: "NaN", number: "tal", array: "liste" };

/** Renders a zod issue in nynorsk; codes the domain cannot produce get a generic text. */
export function nynorskIssue(issue: RawIssue): string {
  switch (issue.code) {
    case "invalid_type": {
      const receivedType = util.parsedType(issue.input);
      const received = types[receivedType] ?? receivedType;
      if (/^[A-Z]/.test(issue.expected))
        return `Ugyldig input: venta instanceof ${issue.expected}, fekk ${received}`;
      return `Ugyldig input: venta ${types[issue.expected] ?? issue.expected}, fekk ${received}`;
    }
    case "invalid_value":
      if (issue.values.length === 1)
        return `Ugyldig verdi: venta ${util.stringifyPrimitive(issue.values[0])}`;
      return `Ugyldig val: venta ein av ${util.joinValues(issue.values, "|")}`;
    case "too_big": {
      const adj = issue.inclusive ? "<=" : "<";
      const unit = sizable[issue.origin ?? ""]?.unit;
      return `For stor(t): venta at ${issue.origin ?? "verdien"} skulle ha ${adj}${issue.maximum.toString()}${unit ? ` ${unit}` : ""}`;
    }
    case "too_small": {
      const adj = issue.inclusive ? ">=" : ">";
      const unit = sizable[issue.origin ?? ""]?.unit;
      return `For lite(n): venta at ${issue.origin ?? "verdien"} skulle ha ${adj}${issue.minimum.toString()}${unit ? ` ${unit}` : ""}`;
    }
    case "invalid_format": {
      if (issue.format === "starts_with") return `Ugyldig streng: må byrje med "${issue.prefix}"`;
      if (issue.format === "ends_with") return `Ugyldig streng: må slutte med "${issue.suffix}"`;
      if (issue.format === "includes") return `Ugyldig streng: må innehalde "${issue.includes}"`;
      if (issue.format === "regex") return `Ugyldig streng: må passe mønsteret ${issue.pattern}`;
      return `Ugyldig ${formats[issue.format] ?? issue.format}`;
    }
    case "not_multiple_of":
      return `Ugyldig tal: må vere eit multiplum av ${issue.divisor}`;
    case "unrecognized_keys":
      return `${issue.keys.length > 1 ? "Ukjende nøklar" : "Ukjend nøkkel"}: ${util.joinValues(issue.keys, ", ")}`;
    case "invalid_key":
      return `Ugyldig nøkkel i ${issue.origin}`;
    case "invalid_element":
      return `Ugyldig verdi i ${issue.origin}`;
    default:
      return "Ugyldig input";
  }
}
