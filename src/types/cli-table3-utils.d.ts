// cli-table3 ships no types for its helpers; leadplan uses two: how wide a cell is
// on a terminal, and a cell's lines with their colours closed and reopened.
declare module "cli-table3/src/utils.js" {
  const utils: { strlen(text: string): number; colorizeLines(lines: string[]): string[] };
  export default utils;
}
