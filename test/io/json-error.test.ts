import { describe, expect, it } from "vitest";
import { jsonErrorOffset } from "../../src/io/json-error.js";

describe("jsonErrorOffset: where invalid JSON goes wrong, since Node 20 names no position", () => {
  it.each([
    ['{"a": 1}', undefined],
    ['{"a": [1, {"b": null}], "c": "x\\n", "d": -1.5e3, "e": true, "f": false}', undefined],
    ["[]", undefined],
    ["{}", undefined],
    ['{"a": 1,}', 8],
    ['{\n "a": 1\n "b": 2}', 11],
    ["[1,2", 4],
    ["", 0],
    ["x", 0],
    ['{"a": 01}', 7],
    ['{"a": "\u0001"}', 7],
    ['"a" b', 4],
    ["[[[[", 4],
    ['{"a":1}}', 7],
    ['{"a" 1}', 5],
    ["[1 2]", 3],
  ])("%j: %j", (text, offset) => {
    let valid = true;
    try {
      JSON.parse(text);
    } catch {
      valid = false;
    }
    expect({ valid, offset: jsonErrorOffset(text) }).toStrictEqual({ valid: offset === undefined, offset });
  });

  it("stops at a nesting no config has, without overflowing the stack", () => {
    expect(jsonErrorOffset("[".repeat(100_000))).toBe(500);
  });
});
