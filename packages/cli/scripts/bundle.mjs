// Bundles the built CLI (dist/) into bundle/postlint.js and bundle/worker.js.
//
// Starting Node on ~150 small ES modules (unified, micromark, twitter-text and its polyfills,
// our own packages) costs more than linting a post; one file loads in a fraction of that.
// Libraries loaded lazily by name (js-yaml, Ajv, twemoji, compromise, the SARIF builder) stay
// outside the bundle and are dependencies of this package, so only runs that need them pay.
// The rules' lexicons are copied to bundle/lexicons/: with them, bundle/ and those dependencies
// are all a git install of the repository root needs (the pre-commit framework's way).
import { build } from 'esbuild';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

await build({
  absWorkingDir: root,
  entryPoints: { postlint: 'dist/bin.js', worker: 'dist/worker.js' },
  outdir: 'bundle',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  keepNames: true,
  legalComments: 'linked',
  logLevel: 'warning',
  external: ['js-yaml', 'ajv', '@twemoji/parser', 'compromise', 'compromise/*', 'es-compromise', 'node-sarif-builder'],
  // CommonJS libraries inside an ES module bundle still call require() for Node's builtins.
  banner: { js: "import { createRequire as __postlintRequire } from 'node:module'; const require = __postlintRequire(import.meta.url);" },
});

const lexicons = join(dirname(createRequire(join(root, 'package.json')).resolve('@postlint/rules/package.json')), 'lexicons');
rmSync(join(root, 'bundle', 'lexicons'), { recursive: true, force: true });
cpSync(lexicons, join(root, 'bundle', 'lexicons'), { recursive: true });
