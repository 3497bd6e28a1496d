// Writes the real-world input corpus (test/corpus/*/) byte for byte, as the spreadsheet or CRM
// that names each folder exports it: BOMs, line ends, separators, encodings and number formats.
// The files are committed; run `node test/corpus/write-corpus.mjs` after changing one here.
// test/io/corpus.test.ts checks that the committed bytes are what this script writes.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const here = import.meta.dirname;

const BOM_UTF8 = Buffer.from([0xef, 0xbb, 0xbf]);

/** Lines joined by `end`, with `end` after the last one too unless `final` is false. */
const text = (lines, end, final = true) => lines.join(end) + (final ? end : "");

const utf8 = (s) => Buffer.from(s, "utf8");
const utf8Bom = (s) => Buffer.concat([BOM_UTF8, utf8(s)]);
const utf16le = (s) => Buffer.from(s, "utf16le");
const utf16leBom = (s) => Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(s)]);
const utf16beBom = (s) => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16le(s).swap16()]);

/** Windows-1252: Latin-1 for U+00A0-U+00FF, and the euro sign at 0x80 (all this corpus needs). */
function cp1252(s) {
  return Buffer.from(
    [...s].map((c) => {
      const code = c.codePointAt(0) ?? 0;
      if (c === "€") return 0x80;
      if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
      throw new Error(`no Windows-1252 byte written here for ${c}`);
    }),
  );
}

/** A CSV line with every field quoted, as Salesforce and HubSpot write them. */
const quoted = (fields) => fields.map((f) => `"${f}"`).join(",");

export const corpus = {
  // Excel (US), Save As "CSV UTF-8 (Comma delimited)": BOM, CRLF, currency cells as displayed,
  // month headers typed as dates and shown in Excel's default mmm-yy.
  "excel-us-utf8/quotas.csv": utf8Bom(
    text(
      [
        "Rep,Product,Jan-27,Feb-27,Mar-27",
        'Zoë,Platform,"$1,200,000","$600,000","$1,500,000"',
        'Zoé,Platform,"$300,000",,"$750,000"',
        'Ana,Services,"$150,000","$150,000","$150,000"',
      ],
      "\r\n",
    ),
  ),

  // The same sheet as planners keep it: a totals row (a SUM per month) under the reps.
  "excel-us-utf8/quotas-with-total-row.csv": utf8Bom(
    text(
      [
        "Rep,Product,Jan-27,Feb-27,Mar-27",
        'Zoë,Platform,"$1,200,000","$600,000","$1,500,000"',
        'Zoé,Platform,"$300,000",,"$750,000"',
        'Ana,Services,"$150,000","$150,000","$150,000"',
        'Total,,"$1,650,000","$750,000","$2,400,000"',
      ],
      "\r\n",
    ),
  ),

  // Excel (US, Windows), Save As "CSV (Comma delimited)": Windows-1252, no BOM, CRLF.
  "excel-us-1252/quotas.csv": cp1252(
    text(
      [
        "Month,Rep,Product,Quota",
        'Jan-27,Zoë,Platform,"$300,000"',
        'Jan-27,Zoé,Platform,"$150,000"',
        'Feb-27,Zoë,Platform,"$225,000"',
        'Feb-27,Zoé,Café Services,"$75,000"',
      ],
      "\r\n",
    ),
  ),

  // Excel (German locale), "CSV UTF-8 (durch Trennzeichen getrennt)": BOM, CRLF, `;`, dates as
  // dd.MM.yyyy, 1.200.000,50 and euro amounts, percentages as 12,5%.
  "excel-de/quotas.csv": utf8Bom(
    text(
      [
        "month;rep;product;quota",
        "01.01.2027;Jürgen;Plattform;1.200.000,50 €",
        "01.02.2027;Jürgen;Plattform;750.000,00 €",
        "01.03.2027;Björn;Plattform;450.000,00 €",
      ],
      "\r\n",
    ),
  ),
  "excel-de/ratios.csv": utf8Bom(
    text(["rep;product;avg_deal_size;qualified_to_won;inquiry_to_qualified;cost_per_inquiry", ";Plattform;75.000,00 €;25,0%;12,5%;45,50 €"], "\r\n"),
  ),
  "excel-de/cycles.csv": utf8Bom(text(["rep;product;sales_cycle_months;qualification_days", ";Plattform;1,5;0"], "\r\n")),

  // Excel (German locale, Windows), "CSV (Trennzeichen-getrennt)": Windows-1252 (€ is 0x80), `;`.
  "excel-de-1252/quotas.csv": cp1252(
    text(["month;rep;product;quota", "01.01.2027;Jürgen;Plattform;1.200.000,00 €", "01.02.2027;Björn;Plattform;300.000,00 €"], "\r\n"),
  ),

  // Excel (French locale), "CSV UTF-8": `;`, thousands grouped by the narrow no-break space
  // (U+202F) recent Windows writes for fr-FR, the currency after a no-break space (U+00A0).
  "excel-fr/quotas.csv": utf8Bom(
    text(["month;rep;product;quota", "01.01.2027;Hélène;Plateforme;1\u202f200\u202f000,00\u00a0€", "01.02.2027;Hélène;Plateforme;600\u202f000,00\u00a0€"], "\r\n"),
  ),
  // French percentages as Excel shows them: a no-break space before the %.
  "excel-fr/ratios.csv": utf8Bom(
    text(["rep;product;avg_deal_size;qualified_to_won;inquiry_to_qualified", ";Plateforme;75\u202f000,00\u00a0€;25,0\u00a0%;12,5\u00a0%"], "\r\n"),
  ),

  // Excel, Save As "Unicode Text": UTF-16LE with BOM, tab-separated, CRLF; a cell holding a
  // comma is quoted.
  "excel-unicode-text/quotas.txt": utf16leBom(
    text(["Rep\tProduct\tJan-27\tFeb-27", 'Ana\tPlatform\t"$1,200,000"\t"$300,000"', 'Łukasz\tPlatform\t"$600,000"\t'], "\r\n"),
  ),

  // UTF-16BE with BOM (what some Mac and Java tools write), comma-separated, LF.
  "utf16be/quotas.csv": utf16beBom(text(["month,rep,product,quota", "2027-01,José,Platform,300000", "2027-01,Zoë,Platform,150000", "2027-02,José,Platform,450000"], "\n")),

  // Google Sheets, File > Download > CSV: UTF-8 without BOM, CRLF, no line end after the last
  // row, formatted numbers quoted as displayed, month headers as the sheet shows dates.
  "google-sheets/quotas.csv": utf8(
    text(
      [
        "Rep,Product,January 2027,February 2027,March 2027",
        'Chloé,Platform,"$1,200,000.00","$450,000.00","$0.00"',
        'Chloe,Platform,"$150,000.00",,"$300,000.00"',
      ],
      "\r\n",
      false,
    ),
  ),

  // Salesforce, report "Leads with converted lead information", Export > Details Only > CSV,
  // UTF-8: every field quoted, CRLF, dates M/d/yyyy, amounts with the currency symbol.
  "salesforce/leads-report.csv": utf8(text(salesforceRows("$"), "\r\n")),
  // The same report from a multi-currency org: amounts carry the ISO code.
  "salesforce/leads-report-multicurrency.csv": utf8(text(salesforceRows("USD "), "\r\n")),
  // The same report exported from Salesforce Classic: a footer of quoted lines after the rows.
  "salesforce/leads-report-classic.csv": utf8(
    text(
      [
        ...salesforceRows("$"),
        "",
        '""',
        '"Confidential Information - Do Not Distribute"',
        '"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."',
        '""',
        '"Generated By:  Dana Scott  6/30/2026 9:14 AM"',
        '"Acme Corp"',
      ],
      "\r\n",
    ),
  ),
  // An opportunity still in an open stage: Salesforce writes the stage's own name.
  "salesforce/leads-report-open-stage.csv": utf8(
    text([...salesforceRows("$"), quoted(["00Q5e00000AbC13", "3/20/2026", "Web", "Platform", "Mark Lee", "3/27/2026", "", "Proposal/Price Quote", ""])], "\r\n"),
  ),

  // HubSpot, contacts with their associated deal, exported as CSV: UTF-8, every field quoted,
  // date-times as yyyy-MM-dd HH:mm, amounts plain.
  "hubspot/contacts-deals.csv": utf8(
    text(
      [
        quoted(["Record ID", "Create Date", "Original Source", "Product", "Contact owner", "Became a Sales Qualified Lead Date", "Close Date", "Deal Stage", "Amount"]),
        quoted(["51201", "2026-01-05 09:14", "Organic Search", "Platform", "Priya Nair", "2026-01-19 16:02", "2026-03-02 11:45", "Closed Won", "48000"]),
        quoted(["51202", "2026-01-07 13:30", "Paid Search", "Platform", "Priya Nair", "2026-01-12 10:00", "2026-02-20 17:20", "Closed Lost", ""]),
        quoted(["51203", "2026-01-22 08:05", "Paid Search", "Platform", "Tom Berg", "", "", "", ""]),
        quoted(["51204", "2026-02-03 15:41", "Referrals", "Platform", "Tom Berg", "2026-02-10 09:30", "2026-04-14 12:00", "Closed Won", "72000"]),
        quoted(["51205", "2026-02-11 10:22", "Organic Search", "Platform", "Priya Nair", "2026-02-25 14:10", "2026-04-30 09:00", "Closed Lost", ""]),
        quoted(["51206", "2026-02-18 11:00", "Paid Social", "Platform", "Tom Berg", "", "", "", ""]),
        quoted(["51207", "2026-03-04 09:45", "Referrals", "Platform", "Priya Nair", "2026-03-09 13:15", "2026-05-18 15:30", "Closed Won", "60000"]),
        quoted(["51208", "2026-03-14 10:22", "Paid Search", "Platform", "Tom Berg", "", "", "", ""]),
      ],
      "\r\n",
    ),
  ),

  // Refused: a German file whose only numbers are 750.000 (75 thousand or 750?).
  "refusals/eu-thousands-only.csv": utf8Bom(text(["month;rep;product;quota", "01.01.2027;Jürgen;Plattform;750.000", "01.02.2027;Jürgen;Plattform;300.000"], "\r\n")),
  // Refused: UTF-16LE without its BOM (a tool that dropped it).
  "refusals/utf16le-no-bom.csv": utf16le(text(["month,rep,product,quota", "2027-01,Ana,Platform,300000"], "\r\n")),
  // Refused without --date-format: 01/02/2027 is 1 February or 2 January.
  "refusals/ambiguous-month.csv": utf8(text(["month,rep,product,quota", "01/02/2027,Ana,Platform,300000", "01/03/2027,Ana,Platform,150000"], "\r\n")),
  // Refused: UTF-8 text with accents, then a Windows-1252 line pasted in (two encodings in one file).
  "refusals/mixed-encodings.csv": Buffer.concat([utf8("month,rep,product,quota\r\n2027-01,Zoë,Platform,300000\r\n"), cp1252("2027-01,Zoé,Platform,150000\r\n")]),
};

/**
 * Twelve leads created January to March 2026: six converted (qualified), of which two closed won
 * and four lost; six never converted. `currency` leads each amount.
 */
function salesforceRows(currency) {
  const header = ["Lead ID", "Created Date", "Lead Source", "Product", "Lead Owner", "Converted Date", "Close Date", "Stage", "Amount"];
  const rows = [
    ["00Q5e00000AbC01", "1/6/2026", "Web", "Platform", "Mark Lee", "1/13/2026", "3/10/2026", "Closed Won", `${currency}75,000.00`],
    ["00Q5e00000AbC02", "1/9/2026", "Trade Show", "Platform", "Mark Lee", "1/20/2026", "2/27/2026", "Closed Lost", ""],
    ["00Q5e00000AbC03", "1/15/2026", "Web", "Platform", "Sara Kim", "", "", "", ""],
    ["00Q5e00000AbC04", "1/28/2026", "Partner Referral", "Platform", "Sara Kim", "2/4/2026", "4/21/2026", "Closed Won", `${currency}125,000.00`],
    ["00Q5e00000AbC05", "2/2/2026", "Web", "Platform", "Mark Lee", "", "", "", ""],
    ["00Q5e00000AbC06", "2/11/2026", "Trade Show", "Platform", "Sara Kim", "2/18/2026", "4/2/2026", "Closed Lost", ""],
    ["00Q5e00000AbC07", "2/17/2026", "Web", "Platform", "Mark Lee", "", "", "", ""],
    ["00Q5e00000AbC08", "2/24/2026", "Partner Referral", "Platform", "Sara Kim", "3/3/2026", "5/12/2026", "Closed Lost", ""],
    ["00Q5e00000AbC09", "3/3/2026", "Web", "Platform", "Mark Lee", "", "", "", ""],
    ["00Q5e00000AbC10", "3/12/2026", "Trade Show", "Platform", "Sara Kim", "3/19/2026", "5/28/2026", "Closed Lost", ""],
    ["00Q5e00000AbC11", "3/18/2026", "Web", "Platform", "Mark Lee", "", "", "", ""],
    ["00Q5e00000AbC12", "3/25/2026", "Web", "Platform", "Sara Kim", "", "", "", ""],
  ];
  return [quoted(header), ...rows.map(quoted)];
}

if (process.argv[1] === import.meta.filename) {
  for (const [name, bytes] of Object.entries(corpus)) {
    mkdirSync(dirname(join(here, name)), { recursive: true });
    writeFileSync(join(here, name), bytes);
  }
}
