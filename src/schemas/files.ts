import * as z from "zod";
import { calibrateSchema } from "./calibrate.js";
import { computeSchema } from "./compute.js";
import { configSchema } from "./config.js";
import { scenariosSchema } from "./scenarios.js";
import { trackSchema } from "./track.js";

/**
 * The files `npm run schemas` writes into schemas/ (shipped in the package), by name: each
 * JSON document's schema (told apart by its `schema` field) and the config file's.
 */
export const SCHEMA_SOURCES = {
  "compute.json": { schema: computeSchema, io: "output" },
  "track.json": { schema: trackSchema, io: "output" },
  "scenarios.json": { schema: scenariosSchema, io: "output" },
  "calibrate.json": { schema: calibrateSchema, io: "output" },
  // The config as written (its input): a list where the flag takes a comma list.
  "config.json": { schema: configSchema, io: "input" },
} as const satisfies Record<string, { schema: z.ZodType; io: "input" | "output" }>;

/** The `schema` field of each JSON document, and the file that describes it. */
export const DOCUMENT_SCHEMA_FILES: Readonly<Record<string, keyof typeof SCHEMA_SOURCES>> = {
  "leadplan.compute/1": "compute.json",
  "leadplan.track/1": "track.json",
  "leadplan.scenarios/1": "scenarios.json",
  "leadplan.calibrate/1": "calibrate.json",
};

/**
 * Each schema as JSON Schema draft 7 (what editors complete config files with), as the file's text.
 * A document's top level allows keys it does not list: later additive fields keep the schema valid.
 * Parts a document repeats (the capacity section) are written once, as definitions; the config inline, for editors' hover text.
 */
export function schemaFiles(): Record<keyof typeof SCHEMA_SOURCES, string> {
  const files = {} as Record<keyof typeof SCHEMA_SOURCES, string>;
  for (const [name, { schema, io }] of Object.entries(SCHEMA_SOURCES) as [keyof typeof SCHEMA_SOURCES, (typeof SCHEMA_SOURCES)[keyof typeof SCHEMA_SOURCES]][]) {
    files[name] = `${JSON.stringify(z.toJSONSchema(schema, { target: "draft-7", io, reused: name === "config.json" ? "inline" : "ref" }), null, 2)}\n`;
  }
  return files;
}
