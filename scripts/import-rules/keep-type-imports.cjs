// A Babel plugin for dependency-cruiser only (.dependency-cruiser.cjs), never for
// the build: it turns `import type { X } from "./y"` (and `export type ... from`)
// into `import "./y"` before the TypeScript preset erases it, so that the import
// rules and the cycle check see type-only dependencies too. A cycle through types
// is still a cycle: the two modules cannot be understood or moved apart.
module.exports = function keepTypeImports({ types: t }) {
  const typeOnly = (node, kind) => node[kind] === "type" || (node.specifiers.length > 0 && node.specifiers.every((s) => s[kind] === "type"));
  return {
    name: "keep-type-imports",
    visitor: {
      // On entering the program: the TypeScript preset drops type imports there too, and plugins run first.
      Program(program) {
        for (const statement of program.get("body")) {
          const { node } = statement;
          const keep =
            (statement.isImportDeclaration() && typeOnly(node, "importKind")) ||
            (statement.isExportNamedDeclaration() && node.source && typeOnly(node, "exportKind"));
          if (keep) statement.replaceWith(t.importDeclaration([], t.stringLiteral(node.source.value)));
        }
      },
    },
  };
};
