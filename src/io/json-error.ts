/**
 * Where JSON text goes wrong: the offset of the first character no JSON value can continue with
 * (the text's length when it ends too soon), or undefined when it is valid. Node 20's JSON.parse
 * names no position, so a config error would have no line: this re-scan gives it one.
 */
export function jsonErrorOffset(text: string): number | undefined {
  let at = 0;
  const space = () => {
    while (at < text.length && (text[at] === " " || text[at] === "\t" || text[at] === "\n" || text[at] === "\r")) at++;
  };
  const word = (expected: string): boolean => {
    for (const char of expected) {
      if (text[at] !== char) return false;
      at++;
    }
    return true;
  };
  const digits = (): boolean => {
    const start = at;
    while (at < text.length && text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57) at++;
    return at > start;
  };
  const number = (): boolean => {
    if (text[at] === "-") at++;
    if (text[at] === "0") at++;
    else if (!digits()) return false;
    if (text[at] === ".") {
      at++;
      if (!digits()) return false;
    }
    if (text[at] === "e" || text[at] === "E") {
      at++;
      if (text[at] === "+" || text[at] === "-") at++;
      if (!digits()) return false;
    }
    return true;
  };
  const string = (): boolean => {
    at++;
    while (at < text.length) {
      const code = text.charCodeAt(at);
      if (code === 34) {
        at++;
        return true;
      }
      if (code < 0x20) return false;
      if (code === 92) {
        at++;
        const escape = text[at];
        if (escape === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) return false;
          at += 5;
        } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) at++;
        else return false;
      } else at++;
    }
    return false;
  };
  // A config nests two levels; past this depth the scan stops and points there, so a hostile
  // file cannot overflow the stack.
  const MAX_DEPTH = 500;
  const value = (depth: number): boolean => {
    space();
    const char = text[at];
    if (char === "{" || char === "[") return depth < MAX_DEPTH && container(char === "{" ? "}" : "]", depth + 1);
    if (char === '"') return string();
    if (char === "t") return word("true");
    if (char === "f") return word("false");
    if (char === "n") return word("null");
    return number();
  };
  const container = (close: string, depth: number): boolean => {
    at++;
    space();
    if (text[at] === close) {
      at++;
      return true;
    }
    for (;;) {
      if (close === "}") {
        space();
        if (text[at] !== '"' || !string()) return false;
        space();
        if (text[at] !== ":") return false;
        at++;
      }
      if (!value(depth)) return false;
      space();
      if (text[at] === close) {
        at++;
        return true;
      }
      if (text[at] !== ",") return false;
      at++;
    }
  };
  if (!value(0)) return Math.min(at, text.length);
  space();
  return at < text.length ? at : undefined;
}
