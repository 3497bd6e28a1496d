import type { PlanGrouping, PlanRow } from "../core/group.js";
import { buildCalibrationDocument } from "./calibrate/build.js";
import type { CalibrationReport } from "./calibrate/report.js";
import { buildCapacityDocument } from "./capacity/build.js";
import type { CapacitySection } from "./capacity/report.js";
import { type CsvOptions, PLAIN_CSV } from "./csv-writer.js";
import { buildPlanDocument, planTable } from "./plan/build.js";
import type { PlanReport } from "./plan/report.js";
import { writeCsvChunks, writeCsvText } from "./writers/csv.js";
import { writeMarkdown } from "./writers/markdown.js";
import { type TableOptions, writeTable } from "./writers/table.js";

// The library's render functions from before the document model, kept so its users' code still
// runs: each is one builder and one writer. New code builds a document and calls a writer.

export const renderPlanTable = (report: PlanReport, options: TableOptions): string => writeTable(buildPlanDocument(report), options);
export const renderPlanMarkdown = (report: PlanReport): string => writeMarkdown(buildPlanDocument(report));
export const renderPlanCsv = (report: PlanReport, options: CsvOptions = PLAIN_CSV): string =>
  writeCsvText({ sections: [{ table: planTable(report.view.by, report.view.rows) }], warnings: [] }, options);

/** The plan's CSV in chunks, made as the rows are read (a generator of segment months streams). */
export const planCsvChunks = (by: PlanGrouping, rows: Iterable<PlanRow>, options: CsvOptions = PLAIN_CSV): Generator<string> =>
  writeCsvChunks({ sections: [{ table: planTable(by, rows) }], warnings: [] }, options);

export const renderCapacityTable = (section: CapacitySection, options: TableOptions): string => writeTable(buildCapacityDocument(section, []), options);
export const renderCapacityMarkdown = (section: CapacitySection, warnings: readonly string[] = []): string =>
  writeMarkdown(buildCapacityDocument(section, warnings));
export const renderCapacityCsv = (section: CapacitySection, options: CsvOptions = PLAIN_CSV): string =>
  writeCsvText(buildCapacityDocument(section, []), options);

export const renderCalibrationTable = (report: CalibrationReport, options: TableOptions): string => writeTable(buildCalibrationDocument(report), options);
export const renderCalibrationMarkdown = (report: CalibrationReport): string => writeMarkdown(buildCalibrationDocument(report));
export const renderCalibrationCsv = (report: CalibrationReport, options: CsvOptions = PLAIN_CSV): string => writeCsvText(buildCalibrationDocument(report), options);
