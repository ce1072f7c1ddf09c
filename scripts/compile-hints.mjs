// Marks every client script of a build for eager compilation (docs/decisions/029).
//
// V8 compiles a function lazily, on the main thread, the first time it is called:
// on an old phone that is most of the time a page spends running the framework's
// scripts before it answers a tap. A script that begins with the magic comment
// `//# allFunctionsCalledOnLoad` (V8's explicit compile hints, Chromium 136 and
// later) is compiled whole on a background thread while it downloads instead.
// Other browsers read it as a comment. The chunks keep their names: the build's
// hashes only make each name unique, and the change is the same on every build.
import fs from "node:fs";
import path from "node:path";

export const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

/** Prepends the compile hint to each .js file under `dir` that lacks it; returns how many were changed. */
export function addCompileHints(dir) {
  if (!fs.existsSync(dir)) return 0;
  let changed = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".js")) continue;
    const file = path.join(entry.parentPath, entry.name);
    const source = fs.readFileSync(file, "utf8");
    if (source.startsWith(COMPILE_HINT)) continue;
    fs.writeFileSync(file, COMPILE_HINT + source);
    changed++;
  }
  return changed;
}
