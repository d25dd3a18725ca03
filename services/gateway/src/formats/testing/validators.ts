import { readFileSync } from "node:fs";
import JSONSchemaValidator from "@asymmetrik/fhir-json-schema-validator";
import { Ajv, type ErrorObject } from "ajv";
import addFormats from "ajv-formats";

// Validators against the official schemas, for the export tests. The HSDS schemas carry
// documentation keywords ajv does not know, hence non-strict mode.

export type HsdsSchemaName = "service" | "organization" | "service_at_location";

export interface SchemaCheck {
  valid: boolean;
  errors: string[];
}

const hsdsDir = new URL("../schemas/hsds-3/", import.meta.url);

export function hsdsValidator(name: HsdsSchemaName): (document: unknown) => SchemaCheck {
  const ajv = new Ajv({ strict: false, allErrors: true });
  // ajv-formats is CommonJS; under NodeNext its default import is the module object.
  addFormats.default(ajv);
  const schema = JSON.parse(readFileSync(new URL(`${name}.json`, hsdsDir), "utf8")) as object;
  const validate = ajv.compile(schema);
  return (document) => {
    const valid = validate(document);
    return { valid, errors: (validate.errors ?? []).map(describeAjvError) };
  };
}

function describeAjvError(error: ErrorObject): string {
  return `${error.instancePath || "/"} ${error.message ?? error.keyword}`;
}

export function fhirValidator(): (resource: unknown) => SchemaCheck {
  const validator = new JSONSchemaValidator();
  return (resource) => {
    // Verbose: the terse mode mutates the package's shared schema on every failure.
    const errors = validator.validate(resource, true);
    return {
      valid: errors.length === 0,
      errors: errors.map((e) => (typeof e === "string" ? e : `${e.dataPath ?? ""} ${e.message ?? ""}`)),
    };
  };
}
