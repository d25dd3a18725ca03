import type { FieldComplexityValue } from "@pothos/plugin-complexity";
import { DomainValidationError, fieldIssue } from "@samspill/domain";
import { builder } from "./builder.js";

// Every list field that is not a connection serves a page: `limit` items (a default, at most a
// maximum) after skipping `offset`. The query cost counts the list by its `limit`, so nested lists
// multiply by what they can really return, and a `limit` over the maximum refuses the whole
// operation before it runs, naming the field. Where the domain bounds a list (an agreement has
// at most 200 parties), the maximum is that bound, so one page always holds all of it.

export interface ListPageSize {
  /** Items served when the caller does not say. */
  default: number;
  /** Items one page may hold; asking for more is refused. */
  max: number;
}

export interface ListPage {
  limit: number;
  offset: number;
}

/** At most this many items are skipped: deep offsets are a scan, and no list is longer. */
export const maxOffset = 10_000;

/** The `limit` and `offset` arguments of a paged list field. */
export function pageArgs(size: ListPageSize) {
  return builder.args((t) => ({
    limit: t.int({
      required: true,
      defaultValue: size.default,
      description: `Items to return, at most ${size.max}.`,
    }),
    offset: t.int({ required: true, defaultValue: 0, description: "Items to skip." }),
  }));
}

/**
 * The cost of a paged list: its selection once per item of the page asked for. Refuses a page
 * over the maximum (or a negative one) while the operation is measured, so nothing runs.
 */
export function pageCost(field: string, size: ListPageSize) {
  return (args: Partial<ListPage>): FieldComplexityValue => {
    const { limit } = checkedPage(field, size, args);
    return { field: 1, multiplier: limit };
  };
}

/** The page asked for, refused with a field issue when out of bounds. */
export function checkedPage(field: string, size: ListPageSize, args: Partial<ListPage>): ListPage {
  const limit = args.limit ?? size.default;
  const offset = args.offset ?? 0;
  const issues = [];
  if (!Number.isInteger(limit) || limit < 0 || limit > size.max)
    issues.push(
      fieldIssue(
        `${field}.limit`,
        "page_too_large",
        `${field}: ask for between 0 and ${size.max} items a page (limit), and page on with offset`,
        `${field}: be om mellom 0 og ${size.max} elementer per side (limit), og bla videre med offset`,
        `${field}: be om mellom 0 og ${size.max} element per side (limit), og bla vidare med offset`,
      ),
    );
  if (!Number.isInteger(offset) || offset < 0 || offset > maxOffset)
    issues.push(
      fieldIssue(
        `${field}.offset`,
        "offset_out_of_range",
        `${field}: offset must be between 0 and ${maxOffset}`,
        `${field}: offset må være mellom 0 og ${maxOffset}`,
        `${field}: offset må vere mellom 0 og ${maxOffset}`,
      ),
    );
  if (issues.length > 0) throw new DomainValidationError(issues);
  return { limit, offset };
}

/**
 * A paged list field's options: its arguments and cost, in one spread. Pass its `page` to
 * `takePage` (a Prisma relation) or `slicePage` (a list already in memory).
 */
export function pagedList(field: string, size: ListPageSize) {
  return {
    args: pageArgs(size),
    complexity: pageCost(field, size),
    page: (args: Partial<ListPage>) => checkedPage(field, size, args),
  };
}

/** Prisma's `take` and `skip` for a page. */
export const takePage = ({ limit, offset }: ListPage) => ({ take: limit, skip: offset });

/** The page of a list already in memory. */
export const slicePage = <T>(items: readonly T[], { limit, offset }: ListPage): T[] =>
  items.slice(offset, offset + limit);

/** The offers behind a published summary: a region has thousands, the figures cover them all. */
export const summaryOffersPage = pagedList("offers", { default: 100, max: 500 });
