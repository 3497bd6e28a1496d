// Writes schemas/*.json (shipped in the package) from the zod schemas in src/schemas/, as
// compiled into dist/ by tsc. `npm run build` runs it; test/schemas/schemas.test.ts fails when
// the committed files are stale.
import { mkdirSync, writeFileSync } from "node:fs";
import { schemaFiles } from "../dist/schemas/files.js";

mkdirSync("schemas", { recursive: true });
for (const [name, text] of Object.entries(schemaFiles())) writeFileSync(`schemas/${name}`, text);
