// The library as a script imports it: `leadplan` through the package's own exports (dist/index.js).
await import("leadplan");
