/**
 * leadplan as a library (README, "Library"): each command as a function taking the command's
 * inputs and the config file's options, returning a report that renders to any format. The
 * low-level core, readers and renderers are not part of the package's interface.
 */
export { plan, track, scenarios, calibrate, CalibrateReport } from "./api/library.js";
export { Report, type RenderSettings, type JsonDocument, type ComputeDocument, type TrackDocument, type ScenariosDocument, type CalibrateDocument } from "./api/report.js";
export type { Input, Rows, Cell } from "./api/inputs.js";
export type { PlanOptions, ComputeOptions, SimulationOptions, TrackOptions, ScenariosOptions, CalibrateOptions, OutputOptions, OptionValue } from "./api/options.js";
export type { CalibrationFile } from "./api/calibrate-run.js";
export type { Format } from "./io/settings.js";
export { InputError, type InputIssue, type IssueCode } from "./io/input-issue.js";
