import { Prisma } from "@samspill/database";
import { getDatamodel } from "@samspill/database/pothos-types";

// A Prisma `select` (as the Pothos Prisma plugin plans it from a GraphQL selection) written as
// one Postgres json_build_object expression, so a hot list reads its rows already shaped in the
// same statement as its search: Prisma's client and its result mapping were a large part of a
// catalogue page's CPU, and a second statement a round trip. Only what the catalogue (and the
// lists it nests) asks for is supported (columns, to-one relations, to-many relations with a simple
// where/orderBy/take/skip); anything else returns null and the caller uses Prisma as before.

interface Field {
  name: string;
  kind: string;
  type: string;
  isList: boolean;
  isId: boolean;
  relationName?: string;
  relationFromFields?: string[];
}
type Models = Record<string, { fields: Field[] }>;

const models = (getDatamodel() as unknown as { datamodel: { models: Models } }).datamodel.models;
const fieldsOf = new Map(
  Object.entries(models).map(([name, m]) => [name, new Map(m.fields.map((f) => [f.name, f]))]),
);
/** Types JSON carries as they come: strings, numbers, booleans and their lists. */
const plainTypes = new Set(["String", "Int", "Float", "Boolean"]);

/** Turns the JSON Postgres built back into what Prisma would have returned (dates as Date). */
export type Decode = (json: unknown) => unknown;

export interface JsonSelect {
  sql: Prisma.Sql;
  decode: Decode;
}

const ident = (name: string) => Prisma.raw(`"${name.replace(/"/g, '""')}"`);
/** A key of the JSON object: a field name from the data model, written as a literal. */
const key = (name: string) => Prisma.raw(`'${name.replace(/'/g, "''")}'`);

// A model's id and a list relation's foreign key, looked up once: the statement is built per
// request, and scanning a model's fields for them was most of building it (issue 16's profile).
const ids = new Map(
  [...fieldsOf].map(([model, fields]) => [model, [...fields.values()].find((f) => f.isId)]),
);
const idOf = (model: string): Field | undefined => ids.get(model);

const backs = new Map<Field, Field | undefined>();
/** The field on the other side of a to-many relation that holds the key pointing back. */
function backOf(field: Field): Field | undefined {
  if (!backs.has(field))
    backs.set(
      field,
      [...(fieldsOf.get(field.type)?.values() ?? [])].find(
        (f) => f.relationName === field.relationName && f.relationFromFields?.length === 1,
      ),
    );
  return backs.get(field);
}

/** `timestamp(3)` comes as "2026-12-14T09:00:00.000" (UTC without a zone), `date` as "2026-12-14". */
function toDate(value: unknown): unknown {
  if (typeof value !== "string") return value;
  if (value.length === 10) return new Date(`${value}T00:00:00Z`);
  return new Date(/[Zz]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
}

type Args = {
  select?: Record<string, unknown>;
  where?: unknown;
  orderBy?: unknown;
  take?: unknown;
  skip?: unknown;
};

/**
 * The json expression for one row of `model` aliased `alias`, selecting `select` (`true`: every
 * column). Null when the selection holds something this does not translate.
 */
export function selectAsJson(
  model: string,
  alias: string,
  select: true | Record<string, unknown>,
  depth = 0,
): JsonSelect | null {
  const fields = fieldsOf.get(model);
  if (!fields || depth > 4) return null;
  const entries: [string, unknown][] =
    select === true
      ? [...fields.values()].filter((f) => f.kind !== "object").map((f) => [f.name, true])
      : Object.entries(select);
  const parts: Prisma.Sql[] = [];
  const decoders: [string, Decode][] = [];
  const at = Prisma.raw(`"${alias}"`);
  for (const [name, value] of entries) {
    if (!value) continue;
    const field = fields.get(name);
    if (!field) return null;
    if (field.kind === "enum" || field.kind === "scalar") {
      if (field.kind === "scalar" && field.type === "DateTime") {
        if (field.isList) return null;
        decoders.push([name, toDate]);
      } else if (field.kind === "scalar" && !plainTypes.has(field.type)) return null;
      // A list column can be NULL in rows written by SQL (Prisma reads that as an empty list).
      const column = Prisma.sql`${at}.${ident(name)}`;
      parts.push(Prisma.sql`${key(name)}, ${field.isList ? Prisma.sql`coalesce(${column}, '{}')` : column}`);
    } else {
      const related = relationJson(model, field, alias, value, depth);
      if (!related) return null;
      parts.push(Prisma.sql`${key(name)}, ${related.sql}`);
      decoders.push([name, related.decode]);
    }
  }
  if (parts.length === 0 || parts.length > 50) return null;
  const decode: Decode = (json) => {
    if (json === null || typeof json !== "object") return json;
    const row = json as Record<string, unknown>;
    for (const [name, d] of decoders) row[name] = d(row[name]);
    return row;
  };
  return { sql: Prisma.sql`json_build_object(${Prisma.join(parts, ", ")})`, decode };
}

function relationJson(
  model: string,
  field: Field,
  alias: string,
  value: unknown,
  depth: number,
): JsonSelect | null {
  const args: Args = value === true ? {} : (value as Args);
  if (Object.keys(args).some((k) => !["select", "where", "orderBy", "take", "skip"].includes(k))) return null;
  const child = `r${depth + 1}_${field.name}`;
  const inner = selectAsJson(field.type, child, args.select ?? true, depth + 1);
  if (!inner) return null;
  const at = Prisma.raw(`"${alias}"`);
  const c = Prisma.raw(`"${child}"`);
  if (!field.isList) {
    // To one: the key is on this row and points at the other model's id.
    const from = field.relationFromFields?.[0];
    const to = idOf(field.type);
    if (field.relationFromFields?.length !== 1 || !from || !to || args.where || args.orderBy) return null;
    return {
      sql: Prisma.sql`(SELECT ${inner.sql} FROM ${ident(field.type)} ${c} WHERE ${c}.${ident(to.name)} = ${at}.${ident(from)})`,
      decode: inner.decode,
    };
  }
  // To many: the other model's key points at this row's id.
  const back = backOf(field);
  const id = idOf(model);
  const fk = back?.relationFromFields?.[0];
  if (!back || !id || !fk) return null;
  const where = whereSql(field.type, child, args.where);
  const order = orderSql(field.type, child, args.orderBy);
  if (!where || order === null) return null;
  const take = args.take === undefined ? Prisma.empty : Prisma.sql` LIMIT ${Number(args.take)}`;
  const skip = args.skip === undefined ? Prisma.empty : Prisma.sql` OFFSET ${Number(args.skip)}`;
  const decodeList: Decode = (json) => (Array.isArray(json) ? json.map(inner.decode) : []);
  return {
    sql: Prisma.sql`(SELECT coalesce(json_agg(x.j ORDER BY x.n), '[]') FROM (SELECT ${inner.sql} AS j, row_number() OVER (${order}) AS n FROM ${ident(field.type)} ${c} WHERE ${c}.${ident(fk)} = ${at}.${ident(id.name)} AND ${where}${order}${take}${skip}) x)`,
    decode: decodeList,
  };
}

const comparisons: Record<string, string> = { equals: "=", gte: ">=", gt: ">", lte: "<=", lt: "<" };

/** `{}` or `{ column: { gte: value, … } }`, the filters list fields put on their relations. */
function whereSql(model: string, alias: string, where: unknown): Prisma.Sql | null {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  for (const [name, condition] of Object.entries((where ?? {}) as Record<string, unknown>)) {
    const field = fieldsOf.get(model)?.get(name);
    if (field?.kind !== "scalar" || field.isList || !condition || typeof condition !== "object") return null;
    for (const [op, operand] of Object.entries(condition)) {
      const sqlOp = comparisons[op];
      if (
        !sqlOp ||
        !(
          operand instanceof Date ||
          typeof operand === "string" ||
          typeof operand === "number" ||
          typeof operand === "boolean"
        )
      )
        return null;
      const cast =
        field.type === "DateTime" && operand instanceof Date ? Prisma.raw("::timestamp(3)") : Prisma.empty;
      const param = operand instanceof Date ? operand.toISOString().replace("Z", "") : operand;
      conditions.push(Prisma.sql`"${Prisma.raw(alias)}".${ident(name)} ${Prisma.raw(sqlOp)} ${param}${cast}`);
    }
  }
  return Prisma.join(conditions, " AND ");
}

/** `{ column: "asc" }` (or a list of them) as ORDER BY, empty when none. */
function orderSql(model: string, alias: string, orderBy: unknown): Prisma.Sql | null {
  if (orderBy === undefined) return Prisma.empty;
  const keys: Prisma.Sql[] = [];
  for (const item of Array.isArray(orderBy) ? orderBy : [orderBy]) {
    for (const [name, direction] of Object.entries(item as Record<string, unknown>)) {
      const field = fieldsOf.get(model)?.get(name);
      if (!field || field.kind === "object" || (direction !== "asc" && direction !== "desc")) return null;
      keys.push(Prisma.sql`"${Prisma.raw(alias)}".${ident(name)} ${Prisma.raw(direction.toUpperCase())}`);
    }
  }
  return keys.length ? Prisma.sql` ORDER BY ${Prisma.join(keys, ", ")}` : Prisma.empty;
}
