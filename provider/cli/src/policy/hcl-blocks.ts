/**
 * Finds the top-level `resource "type" "name" { … }` blocks of an HCL file and the lines they
 * span. A small scanner, not a parser: it skips comments, quoted strings (with their `${…}`
 * interpolations) and heredocs, and matches braces; that is all block ranges need.
 */

export interface HclBlock {
  type: string;
  name: string;
  /** 1-based, the line of the `resource` keyword. */
  startLine: number;
  /** 1-based, the line of the closing brace. */
  endLine: number;
}

export function resourceBlocks(text: string): HclBlock[] {
  const blocks: HclBlock[] = [];
  let line = 1;
  let depth = 0;
  let open: { type: string; name: string; startLine: number } | undefined;
  // Inside a string, each entry is the brace depth of one `${` interpolation being read as code.
  const interpolations: number[] = [];
  let inString = false;
  let i = 0;
  const at = (s: string) => text.startsWith(s, i);

  while (i < text.length) {
    const c = text[i]!;
    if (c === "\n") line++;
    if (inString) {
      if (c === "\\") i += 2;
      else if (at("${") || at("%{")) {
        interpolations.push(0);
        inString = false;
        i += 2;
      } else {
        if (c === '"') inString = false;
        i++;
      }
      continue;
    }
    if (c === "#" || at("//")) {
      while (i < text.length && text[i] !== "\n") i++;
      continue;
    }
    if (at("/*")) {
      const end = text.indexOf("*/", i + 2);
      const stop = end < 0 ? text.length : end + 2;
      for (let j = i; j < stop; j++) if (text[j] === "\n") line++;
      i = stop;
      continue;
    }
    const heredoc = /^<<-?([A-Za-z_][A-Za-z0-9_]*)[ \t]*\n/.exec(text.slice(i, i + 200));
    if (heredoc) {
      const marker = new RegExp(`^[ \\t]*${heredoc[1]}[ \\t]*$`, "m");
      const bodyStart = i + heredoc[0].length;
      const rest = text.slice(bodyStart);
      const m = marker.exec(rest);
      const stop = m ? bodyStart + m.index + m[0].length : text.length;
      for (let j = i; j < stop; j++) if (text[j] === "\n") line++;
      i = stop;
      continue;
    }
    if (c === '"') {
      inString = true;
      i++;
      continue;
    }
    if (c === "{") {
      if (interpolations.length) interpolations[interpolations.length - 1]!++;
      else depth++;
      i++;
      continue;
    }
    if (c === "}") {
      if (interpolations.length) {
        if (interpolations[interpolations.length - 1] === 0) {
          interpolations.pop();
          inString = true;
        } else interpolations[interpolations.length - 1]!--;
      } else {
        depth--;
        if (depth === 0 && open) {
          blocks.push({ ...open, endLine: line });
          open = undefined;
        }
      }
      i++;
      continue;
    }
    if (depth === 0 && !interpolations.length && /[A-Za-z]/.test(c) && (i === 0 || /\s/.test(text[i - 1]!))) {
      const header = /^resource[ \t]+"([^"]+)"[ \t]+"([^"]+)"[ \t]*\{/.exec(text.slice(i, i + 300));
      if (header) {
        open = { type: header[1]!, name: header[2]!, startLine: line };
        depth = 1;
        i += header[0].length;
        continue;
      }
    }
    i++;
  }
  return blocks;
}
