// Types for scripts/compile-hints.mjs (plain JavaScript: scripts/build.mjs runs before anything is compiled).
export declare const COMPILE_HINT: string;
export declare function addCompileHints(dir: string): number;
