import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { corpus } from "../corpus/write-corpus.mjs";
import { removeFolders, runIn } from "../cli/harness.js";
import { runBin } from "../golden/run-bin.js";

// The real-world corpus (test/corpus/, written by test/corpus/write-corpus.mjs): files shaped
// exactly as Excel (US, German, French, "Unicode Text"), Google Sheets, Salesforce and HubSpot
// export them. Each is either planned right (figures worked by hand below) or refused in one line
// naming the file, the line and the doubtful value. Runs happen in test/corpus, so messages name
// the files as a planner there would type them; nothing is written (no --out).

afterAll(removeFolders);

const CORPUS = join(import.meta.dirname, "..", "corpus");

/** $75,000 deals, 25% close, 10% qualification, a 2-month cycle, $40 an inquiry, no surge. */
const ASSUME = ["--deal-size", "75000", "--close-rate", "25%", "--qualify-rate", "10%", "--cycle-months", "2", "--cost-per-inquiry", "40", "--surge", "0", "--no-config"];
const SEGMENTS = ["--by", "segment", "--format", "csv"];
const HEADER = "month,rep,product,quota,deals,qualified_leads,inquiries,surge_inquiries,budget";
const csv = (...rows: string[]) => [HEADER, ...rows].join("\n") + "\n";

const leadplan = (args: readonly string[]) => runIn(CORPUS, args);
const windows1252Warning = (file: string, byte: number, hex: string) =>
  `warning: ${file}:2: not UTF-8 (byte ${byte} of the line is ${hex}): read as Windows-1252 (--encoding NAME states the encoding)\n`;

/** A refusal from the built bin: exit 2, nothing on stdout, exactly `message` as one stderr line. */
function expectRefusal(args: readonly string[], message: string) {
  const run = runBin(["compute", ...args]);
  expect(run.stdout).toBe("");
  expect(run.stderr).toBe(`leadplan: ${message}\n`);
  expect(run.status).toBe(2);
}

describe("the corpus files", () => {
  it("are the bytes write-corpus.mjs writes", () => {
    for (const [name, bytes] of Object.entries(corpus)) {
      expect(readFileSync(join(CORPUS, name)).equals(bytes), name).toBe(true);
    }
  });
});

describe("spreadsheet exports are planned right", () => {
  it('Excel US "CSV UTF-8": BOM, CRLF, "$1,200,000" cells under Jan-27 headers; Zoë and Zoé stay two reps', async () => {
    const run = await leadplan(["compute", "excel-us-utf8/quotas.csv", ...ASSUME, ...SEGMENTS]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    // Zoë: $1.2M in Jan = 16 deals ÷ 25% = 64 qualified leads two months before (Nov) ÷ 10% = 640
    // inquiries ($25,600); $600k Feb = 8 → 32 in Dec; $1.5M Mar = 20 → 80 in Jan. Zoé: $300k Jan
    // = 4 → 16 in Nov; $750k Mar = 10 → 40 in Jan (the empty Feb cell is no quota). Ana: $150k a
    // month = 2 deals → 8 qualified leads in Nov, Dec and Jan.
    expect(run.stdout).toBe(
      csv(
        "2026-11,Ana,Services,0,0,8,80,0,3200",
        "2026-11,Zoé,Platform,0,0,16,160,0,6400",
        "2026-11,Zoë,Platform,0,0,64,640,0,25600",
        "2026-12,Ana,Services,0,0,8,80,0,3200",
        "2026-12,Zoë,Platform,0,0,32,320,0,12800",
        "2027-01,Ana,Services,150000,2,8,80,0,3200",
        "2027-01,Zoé,Platform,300000,4,40,400,0,16000",
        "2027-01,Zoë,Platform,1200000,16,80,800,0,32000",
        "2027-02,Ana,Services,150000,2,0,0,0,0",
        "2027-02,Zoë,Platform,600000,8,0,0,0,0",
        "2027-03,Ana,Services,150000,2,0,0,0,0",
        "2027-03,Zoé,Platform,750000,10,0,0,0,0",
        "2027-03,Zoë,Platform,1500000,20,0,0,0,0",
      ),
    );
  });

  // A totals row under the reps (Excel's SUM row, "Total" in the rep column, product empty) would
  // be one more rep, every month's quota planned twice: refused, naming its line.
  it("Excel US with a totals row under the reps: refused in one line, not planned twice", () => {
    const run = runBin(["compute", "test/corpus/excel-us-utf8/quotas-with-total-row.csv", ...ASSUME, ...SEGMENTS]);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^leadplan: test\/corpus\/excel-us-utf8\/quotas-with-total-row\.csv:5: [^\n]*"Total"[^\n]*\n$/);
    expect(run.status).toBe(2);
  });

  it('Excel US "CSV (Comma delimited)": Windows-1252, Zoë (0xEB) and Zoé (0xE9) two reps, one warning', async () => {
    const run = await leadplan(["compute", "excel-us-1252/quotas.csv", ...ASSUME, "--by", "rep", "--format", "csv"]);
    expect(run.stderr).toBe(windows1252Warning("excel-us-1252/quotas.csv", 10, "0xEB"));
    expect(run.code).toBe(0);
    // Zoë: $300k + $225k = 4 + 3 deals → 28 qualified leads, 280 inquiries; Zoé: $150k + $75k
    // ("Café Services", é as 0xE9 too) = 2 + 1 deals → 12, 120.
    expect(run.stdout).toBe(
      "rep,quota,deals,qualified_leads,inquiries,surge_inquiries,budget\nZoé,225000,3,12,120,0,4800\nZoë,525000,7,28,280,0,11200\n",
    );
    const stated = await leadplan(["compute", "excel-us-1252/quotas.csv", ...ASSUME, "--by", "rep", "--format", "csv", "--encoding", "windows-1252"]);
    expect(stated).toMatchObject({ code: 0, stderr: "", stdout: run.stdout });
  });

  it('Excel German "CSV UTF-8": `;`, dd.MM.yyyy months, 1.200.000,50 €, 12,5% and a 1,5-month cycle', async () => {
    const run = await leadplan(["compute", "excel-de/quotas.csv", "--ratios", "excel-de/ratios.csv", "--cycles", "excel-de/cycles.csv", "--surge", "0", "--no-config", ...SEGMENTS]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    // Ratios: 75.000,00 € deals, 25,0% close, 12,5% qualification, 45,50 € an inquiry; cycle 1,5
    // months: half of each month's qualified leads one month earlier, half two. Jürgen: Jan
    // 1.200.000,50 € = 16.0000067 deals (17) → 64.0000267 qualified leads, 32.00001 in Dec and in
    // Nov; Feb 750.000 € = 10 deals → 40, 20 in Jan and in Dec: Nov 33, Dec 52.00001 → 53, Jan 20.
    // Inquiries ÷ 12,5%: 257, 417, 160; budget 257 × 45.50 = 11,693.50. Björn: Mar 450.000 € = 6
    // deals → 24, 12 in Feb and in Jan → 96 inquiries each.
    expect(run.stdout).toBe(
      csv(
        "2026-11,Jürgen,Plattform,0,0,33,257,0,11693.5",
        "2026-12,Jürgen,Plattform,0,0,53,417,0,18973.5",
        "2027-01,Björn,Plattform,0,0,12,96,0,4368",
        "2027-01,Jürgen,Plattform,1200000.5,17,20,160,0,7280",
        "2027-02,Björn,Plattform,0,0,12,96,0,4368",
        "2027-02,Jürgen,Plattform,750000,10,0,0,0,0",
        "2027-03,Björn,Plattform,450000,6,0,0,0,0",
      ),
    );
  });

  it('Excel German "CSV (Trennzeichen-getrennt)": Windows-1252 with € as 0x80, read with one warning', async () => {
    const run = await leadplan(["compute", "excel-de-1252/quotas.csv", ...ASSUME, ...SEGMENTS]);
    expect(run.stderr).toBe(windows1252Warning("excel-de-1252/quotas.csv", 13, "0xFC"));
    expect(run.code).toBe(0);
    // 1.200.000,00 € = 16 deals → 64 qualified leads in Nov; 300.000,00 € = 4 → 16 in Dec.
    expect(run.stdout).toBe(
      csv(
        "2026-11,Jürgen,Plattform,0,0,64,640,0,25600",
        "2026-12,Björn,Plattform,0,0,16,160,0,6400",
        "2027-01,Jürgen,Plattform,1200000,16,0,0,0,0",
        "2027-02,Björn,Plattform,300000,4,0,0,0,0",
      ),
    );
  });

  it('Excel French "CSV UTF-8": thousands in narrow no-break spaces, "12,5 %" with a no-break space', async () => {
    const run = await leadplan(["compute", "excel-fr/quotas.csv", "--ratios", "excel-fr/ratios.csv", "--cycle-months", "2", "--cost-per-inquiry", "40", "--surge", "0", "--no-config", ...SEGMENTS]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    // 1 200 000,00 € ÷ 75 000 = 16 deals ÷ 25,0 % = 64 ÷ 12,5 % = 512 inquiries; 600 000 € = 8 → 32 → 256.
    expect(run.stdout).toBe(
      csv(
        "2026-11,Hélène,Plateforme,0,0,64,512,0,20480",
        "2026-12,Hélène,Plateforme,0,0,32,256,0,10240",
        "2027-01,Hélène,Plateforme,1200000,16,0,0,0,0",
        "2027-02,Hélène,Plateforme,600000,8,0,0,0,0",
      ),
    );
  });

  it('Excel "Unicode Text": UTF-16LE with BOM, tabs, "$1,200,000" quoted, so "$300,000" is read with a point', async () => {
    const run = await leadplan(["compute", "excel-unicode-text/quotas.txt", ...ASSUME, ...SEGMENTS]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    // Ana: $1.2M Jan = 16 deals → 64 in Nov; $300k Feb = 4 → 16 in Dec. Łukasz: $600k = 8 → 32 in Nov.
    expect(run.stdout).toBe(
      csv(
        "2026-11,Ana,Platform,0,0,64,640,0,25600",
        "2026-11,Łukasz,Platform,0,0,32,320,0,12800",
        "2026-12,Ana,Platform,0,0,16,160,0,6400",
        "2027-01,Ana,Platform,1200000,16,0,0,0,0",
        "2027-01,Łukasz,Platform,600000,8,0,0,0,0",
        "2027-02,Ana,Platform,300000,4,0,0,0,0",
      ),
    );
  });

  it("UTF-16BE with BOM, LF: José and Zoë", async () => {
    const run = await leadplan(["compute", "utf16be/quotas.csv", ...ASSUME, ...SEGMENTS]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    // José: 300000 Jan = 4 deals → 16 in Nov; 450000 Feb = 6 → 24 in Dec. Zoë: 150000 = 2 → 8 in Nov.
    expect(run.stdout).toBe(
      csv(
        "2026-11,José,Platform,0,0,16,160,0,6400",
        "2026-11,Zoë,Platform,0,0,8,80,0,3200",
        "2026-12,José,Platform,0,0,24,240,0,9600",
        "2027-01,José,Platform,300000,4,0,0,0,0",
        "2027-01,Zoë,Platform,150000,2,0,0,0,0",
        "2027-02,José,Platform,450000,6,0,0,0,0",
      ),
    );
  });

  it('Google Sheets CSV: no BOM, CRLF, no final line end, "January 2027" headers, "$1,200,000.00"; Chloé and Chloe two reps', async () => {
    const run = await leadplan(["compute", "google-sheets/quotas.csv", ...ASSUME, ...SEGMENTS]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    // Chloé: $1.2M Jan = 16 → 64 in Nov; $450k Feb = 6 → 24 in Dec; $0.00 Mar is no deal.
    // Chloe: $150k Jan = 2 → 8 in Nov; $300k Mar = 4 → 16 in Jan.
    expect(run.stdout).toBe(
      csv(
        "2026-11,Chloe,Platform,0,0,8,80,0,3200",
        "2026-11,Chloé,Platform,0,0,64,640,0,25600",
        "2026-12,Chloé,Platform,0,0,24,240,0,9600",
        "2027-01,Chloe,Platform,150000,2,16,160,0,6400",
        "2027-01,Chloé,Platform,1200000,16,0,0,0,0",
        "2027-02,Chloé,Platform,450000,6,0,0,0,0",
        "2027-03,Chloe,Platform,300000,4,0,0,0,0",
      ),
    );
  });
});

describe("doubtful files are refused in one line by the built bin", () => {
  it("a German file whose only numbers are 750.000 and 300.000", () => {
    expectRefusal(
      ["test/corpus/refusals/eu-thousands-only.csv", ...ASSUME],
      'test/corpus/refusals/eu-thousands-only.csv:2: quota: expected an amount, found "750.000" (it reads as 750000 with a decimal comma or 750 with a decimal point: give --decimal-comma or --decimal-point, or write it without a thousands separator)',
    );
  });

  it("the same file with --decimal-comma: 750.000 € is 10 deals", async () => {
    const run = await leadplan(["compute", "refusals/eu-thousands-only.csv", ...ASSUME, "--decimal-comma", "--format", "csv"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toBe(
      "month,quota,deals,qualified_leads,inquiries,surge_inquiries,budget\n2026-11,0,0,40,400,0,16000\n2026-12,0,0,16,160,0,6400\n2027-01,750000,10,0,0,0,0\n2027-02,300000,4,0,0,0,0\n",
    );
  });

  it("UTF-16LE without a BOM", () => {
    expectRefusal(
      ["test/corpus/refusals/utf16le-no-bom.csv", ...ASSUME],
      "test/corpus/refusals/utf16le-no-bom.csv: UTF-16 without a byte-order mark (a NUL byte every other byte): expected UTF-8, or UTF-16 with a byte-order mark (give --encoding utf-16le)",
    );
  });

  it("the same file with --encoding utf-16le is planned", async () => {
    const run = await leadplan(["compute", "refusals/utf16le-no-bom.csv", ...ASSUME, "--encoding", "utf-16le", "--format", "csv"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toBe("month,quota,deals,qualified_leads,inquiries,surge_inquiries,budget\n2026-11,0,0,16,160,0,6400\n2026-12,0,0,0,0,0,0\n2027-01,300000,4,0,0,0,0\n");
  });

  it("a month written 01/02/2027", () => {
    expectRefusal(
      ["test/corpus/refusals/ambiguous-month.csv", ...ASSUME],
      'test/corpus/refusals/ambiguous-month.csv:2: month: expected a month as YYYY-MM, found "01/02/2027" (the order of day and month is never guessed: give --date-format dd/MM/yyyy or MM/dd/yyyy)',
    );
  });

  it("01/02/2027 with --date-format dd/MM/yyyy is February", async () => {
    const run = await leadplan(["compute", "refusals/ambiguous-month.csv", ...ASSUME, "--date-format", "dd/MM/yyyy", "--format", "csv"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    // 300000 in Feb = 4 deals → 16 in Dec; 150000 in Mar = 2 → 8 in Jan.
    expect(run.stdout).toBe(
      "month,quota,deals,qualified_leads,inquiries,surge_inquiries,budget\n2026-12,0,0,16,160,0,6400\n2027-01,0,0,8,80,0,3200\n2027-02,300000,4,0,0,0,0\n2027-03,150000,2,0,0,0,0\n",
    );
  });

  it("UTF-8 with accents, then a Windows-1252 line", () => {
    expectRefusal(
      ["test/corpus/refusals/mixed-encodings.csv", ...ASSUME],
      'test/corpus/refusals/mixed-encodings.csv:3: byte 11: expected UTF-8 as in the lines before, found "0xE9" (the file mixes encodings: save it again as UTF-8, or give --encoding windows-1252)',
    );
  });
});

interface CalibrationJson {
  leads: number;
  skipped: { count: number };
  scopes: { rep: string; product: string; inquiries: number; qualified_leads: number; won_deals: number; inquiry_to_qualified: number; qualified_to_won: number; avg_deal_size: number }[];
}

/** The all-leads scope of a calibration, with the figures the test checks. */
function learned(stdout: string) {
  const report = JSON.parse(stdout) as CalibrationJson;
  const all = report.scopes.find((scope) => scope.rep === "" && scope.product === "");
  return { leads: report.leads, skipped: report.skipped.count, ...all };
}

const SALESFORCE_MAP = 'lead_id="Lead ID",created="Created Date",source="Lead Source",rep="Lead Owner",qualified_on="Converted Date",closed_on="Close Date",outcome="Stage"';
const SALESFORCE = ["--map", SALESFORCE_MAP, "--date-format", "M/d/yyyy", "--as-of", "2026-12-31", "--format", "json"];
// Twelve leads, six converted (qualified), two of those Closed Won at $75,000 and $125,000.
const SALESFORCE_LEARNED = { leads: 12, inquiries: 12, qualified_leads: 6, won_deals: 2, inquiry_to_qualified: 0.5, qualified_to_won: 0.333333, avg_deal_size: 100000 };

describe("CRM exports calibrate with --map and --date-format", () => {
  it('Salesforce report, "Details Only" CSV: quoted fields, M/d/yyyy dates, "$75,000.00"', async () => {
    const run = await leadplan(["calibrate", "salesforce/leads-report.csv", ...SALESFORCE]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(learned(run.stdout)).toMatchObject({ ...SALESFORCE_LEARNED, skipped: 0 });
  });

  it("Salesforce without --date-format: refused at the first M/d/yyyy date, asking for the order", () => {
    const run = runBin(["calibrate", "test/corpus/salesforce/leads-report.csv", "--map", SALESFORCE_MAP, "--format", "json"]);
    expect(run).toMatchObject({ status: 2, stdout: "" });
    expect(run.stderr).toBe(
      'leadplan: test/corpus/salesforce/leads-report.csv:2: Created Date: expected a date as YYYY-MM-DD (a time may follow) or DD.MM.YYYY, found "1/6/2026" (give --date-format MM/dd/yyyy or dd/MM/yyyy)\n',
    );
  });

  it("Salesforce Classic export: the footer is refused at its first line, and skipped with --skip-bad-rows", async () => {
    const run = runBin(["calibrate", "test/corpus/salesforce/leads-report-classic.csv", ...SALESFORCE]);
    expect(run).toMatchObject({ status: 2, stdout: "" });
    expect(run.stderr).toBe("leadplan: test/corpus/salesforce/leads-report-classic.csv:16: a row of 1 fields: expected 9 as in the header\n");
    const skipping = await leadplan(["calibrate", "salesforce/leads-report-classic.csv", ...SALESFORCE, "--skip-bad-rows"]);
    expect(skipping.code).toBe(0);
    expect(skipping.stderr.split("\n")[0]).toBe("warning: salesforce/leads-report-classic.csv: skipped 4 bad rows of 16:");
    expect(learned(skipping.stdout)).toMatchObject({ ...SALESFORCE_LEARNED, skipped: 4 });
  });

  // Refused rather than read: leadplan takes no ISO currency code before an amount.
  it('Salesforce multi-currency org: "USD 75,000.00" is refused in one line', () => {
    const run = runBin(["calibrate", "test/corpus/salesforce/leads-report-multicurrency.csv", ...SALESFORCE]);
    expect(run).toMatchObject({ status: 2, stdout: "" });
    expect(run.stderr).toBe('leadplan: test/corpus/salesforce/leads-report-multicurrency.csv:2: Amount: expected the amount of a won lead, above 0, found "USD 75,000.00"\n');
  });

  it("Salesforce with an opportunity in an open stage: the stage's name is refused in one line", () => {
    const run = runBin(["calibrate", "test/corpus/salesforce/leads-report-open-stage.csv", ...SALESFORCE]);
    expect(run).toMatchObject({ status: 2, stdout: "" });
    expect(run.stderr).toBe('leadplan: test/corpus/salesforce/leads-report-open-stage.csv:14: Stage: expected won, lost, open or empty, found "Proposal/Price Quote"\n');
  });

  it("HubSpot contacts with deals: quoted fields, yyyy-MM-dd HH:mm date-times, no --date-format needed", async () => {
    const map = 'lead_id="Record ID",created="Create Date",source="Original Source",rep="Contact owner",qualified_on="Became a Sales Qualified Lead Date",closed_on="Close Date",outcome="Deal Stage"';
    const run = await leadplan(["calibrate", "hubspot/contacts-deals.csv", "--map", map, "--as-of", "2026-12-31", "--format", "json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    // Eight contacts, five became SQLs, three of those Closed Won at 48,000, 72,000 and 60,000.
    expect(learned(run.stdout)).toMatchObject({ leads: 8, inquiries: 8, qualified_leads: 5, won_deals: 3, inquiry_to_qualified: 0.625, qualified_to_won: 0.6, avg_deal_size: 60000 });
  });
});
