import { scrubPersonalData } from "@samspill/domain";
import { type DestinationStream, type Logger, type LoggerOptions, pino, stdSerializers } from "pino";

// The services' logs go to a log platform that many people can read and that keeps them long:
// no personal data belongs there. Code logs ids, not people; this is the net under it, for what
// code does not control: an SMTP server's rejection that names the address, a library error
// quoting its input, a field someone added without thinking.
//
// - fields that hold contact details by name are replaced outright (pino's `redact`);
// - every string in a log line, the message and the serialised error (message, stack and any
//   property such as nodemailer's `response`) is scrubbed of e-mail addresses, national identity
//   numbers and phone numbers (scrubPersonalData).

export const redactedLogPaths = [
  "email",
  "*.email",
  "recipient",
  "*.recipient",
  "to",
  "*.to",
  "phone",
  "*.phone",
  // People's names, postal addresses, sign-up needs and PAM pseudonyms: no pattern finds these
  // in free text, so they go by field name. (An error's own `name` goes too; its `type` stays.)
  "name",
  "*.name",
  "contactName",
  "*.contactName",
  "address",
  "*.address",
  "otherNeeds",
  "*.otherNeeds",
  "accessibilityNeeds",
  "*.accessibilityNeeds",
  "interpreterLanguage",
  "*.interpreterLanguage",
  "pseudonym",
  "*.pseudonym",
  // nodemailer's errors list the addresses it tried.
  "err.accepted",
  "err.rejected",
  "err.rejectedErrors",
  "err.envelope",
  "req.headers.cookie",
  "req.headers.authorization",
];

const maxDepth = 8;

/** A copy of `value` with every string scrubbed; Errors are left to the `err` serializer. */
export function scrubLogValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubPersonalData(value);
  if (value === null || typeof value !== "object" || value instanceof Error || depth >= maxDepth)
    return value;
  if (Array.isArray(value)) return value.map((v) => scrubLogValue(v, depth + 1));
  if (value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = scrubLogValue(v, depth + 1);
  return out;
}

/** pino options for a service's logger: the service name, the level and the scrubbing above. */
export function logOptions(service: string, level: string): LoggerOptions {
  return {
    level,
    base: { service },
    redact: { paths: redactedLogPaths, censor: "[redacted]" },
    serializers: {
      err: (error: Error) =>
        scrubLogValue(stdSerializers.err(error)) as ReturnType<typeof stdSerializers.err>,
    },
    formatters: { log: (object) => scrubLogValue(object) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        const [first, ...rest] = args as unknown[];
        // `log.error(err)` takes the message from the error itself, past the serializer.
        const scrubbed =
          first instanceof Error && typeof rest[0] !== "string"
            ? [first, scrubPersonalData(first.message), ...rest]
            : args.map((a) => (typeof a === "string" ? scrubPersonalData(a) : a));
        return method.apply(this, scrubbed as Parameters<typeof method>);
      },
    },
  };
}

export function createLogger(service: string, level: string, destination?: DestinationStream): Logger {
  return destination ? pino(logOptions(service, level), destination) : pino(logOptions(service, level));
}
