import * as z from "zod";

/** A figure that may be missing (a rate against a zero target, a budget without a cost): `null`, never 0. */
export const figureOrNull = z.number().nullable();

/** A month as every document writes it: `2027-01`. */
export const month = z.string().regex(/^\d{4}-\d{2}$/);

/** A lag distribution: the share of an entry's outcomes that land `lag_months` later. */
export const lag = z.array(z.strictObject({ lag_months: z.number().int(), share: z.number() }));

/** The one-line warnings a run printed on stderr, in every document. */
export const warnings = z.array(z.string()).readonly();

/** A row's key: the fields of its view (`month`, `quarter`, `rep`, `product`), the others absent. */
export const rowKey = {
  month: z.string().optional(),
  quarter: z.string().optional(),
  rep: z.string().optional(),
  product: z.string().optional(),
};

/**
 * A document's top level takes keys the schema does not name: a later version may add fields
 * (additive changes keep the `schema` number), and a reader written for this one keeps working.
 */
export const documentOf = <Shape extends z.core.$ZodLooseShape>(shape: Shape) => z.looseObject(shape);

/**
 * Keys named after a configured funnel's stages with a fixed ending (`sql_capacity`,
 * `mql_capacity`), each holding `value`: JSON Schema's patternProperties, other keys left to the
 * document. (The regex check is what the JSON Schema writer reads; the template literal types the keys.)
 */
export const stageKeys = <Ending extends string, Value extends z.ZodType>(ending: Ending, value: Value) =>
  z.looseRecord(z.templateLiteral([z.string(), ending]).check(z.regex(new RegExp(`^.+${ending}$`))), value);
