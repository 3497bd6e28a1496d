/**
 * Spreadsheet conventions for `--excel`: `us` (`,` and `.`) or `eu` (`;` and `,`). Apart from the
 * CSV writer so that checking the option loads no CSV library.
 */
export const EXCEL_LOCALES = ["us", "eu"] as const;
export type ExcelLocale = (typeof EXCEL_LOCALES)[number];
