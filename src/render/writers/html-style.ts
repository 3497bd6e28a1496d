/**
 * The report's one stylesheet, inlined in every page (nothing is fetched: no web font, no CDN).
 * System fonts; tabular figures so columns of numbers line up; print rules that fit A4 and Letter
 * (186 and 192 mm of text width at these margins: the widest table, calibrate's funnel, fits A4
 * only with smaller figures and cells that wrap) and keep a chart with its caption on one page.
 */
export const HTML_STYLE = `
:root { color-scheme: light; --ink: #1f2328; --muted: #57606a; --rule: #d0d7de; --warn: #fff4d6; --bad: #ffe1dc; --bad-ink: #a0111f; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #ffffff; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 8px; }
h1 { font-size: 24px; margin: 0 0 16px; }
h2 { font-size: 18px; margin: 28px 0 8px; }
section { margin: 0 0 28px; }
p { margin: 6px 0; }
p.headline { font-size: 17px; font-weight: 700; margin: 18px 0 10px; }
p.detail, p.note, figcaption, footer { color: var(--muted); }
ul { margin: 6px 0; padding-left: 22px; }
.warnings { border-left: 4px solid #d4a72c; background: var(--warn); padding: 8px 14px; margin: 0 0 20px; }
.warnings h2 { margin: 4px 0; font-size: 16px; }
figure.chart { margin: 12px 0 10px; break-inside: avoid; page-break-inside: avoid; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: 13px; margin-top: 2px; }
/* A table wider than main's text column grows up to the window's width less 24px (room for a classic
   scrollbar, which 100vw counts), centred on the page by margin and transform, so text keeps its measure
   while a wide table stays in sight; min-width keeps narrow tables at main's width, so they don't move;
   fit-content keeps a table that fits today at today's width (headers wrap as before); a table wider
   than the window scrolls in its box. Print undoes all of it below. */
.table-wrap { overflow-x: auto; width: fit-content; min-width: 100%; max-width: calc(100vw - 24px); margin-left: 50%; transform: translateX(-50%); }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; margin: 6px 0; font-size: 14px; }
th, td { padding: 4px 10px; border-bottom: 1px solid var(--rule); white-space: nowrap; }
thead th { border-bottom: 2px solid var(--ink); vertical-align: bottom; white-space: normal; }
tbody th { font-weight: normal; }
.num { text-align: right; }
.text { text-align: left; }
tr.warn { background: var(--warn); }
tr.bad, td.bad { background: var(--bad); }
td.warn { background: var(--warn); }
td.marked { color: var(--bad-ink); font-weight: 700; }
tfoot td, tfoot th { font-weight: 700; border-bottom: none; }
tfoot tr:first-child td, tfoot tr:first-child th { border-top: 2px solid var(--ink); }
.flag { color: #9a6700; font-weight: 700; }
footer { max-width: 1100px; margin: 0 auto; padding: 8px 28px 24px; font-size: 13px; }
@media print {
  @page { margin: 14mm 12mm; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  table { font-size: 8pt; }
  th, td { padding: 2px 4px; white-space: normal; }
  .table-wrap { overflow: visible; width: auto; min-width: 0; max-width: none; margin-left: 0; transform: none; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  footer { padding: 8px 0 0; }
}
`;
