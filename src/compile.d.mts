/** Types of src/compile.mjs for the TypeScript callers (tests). */
export function compileTree(options: { root: string; dirs: readonly string[]; outdir: string; skip?: (file: string) => boolean }): Promise<void>;
