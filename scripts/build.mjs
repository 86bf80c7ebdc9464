// Builds postlint: `tsc -b`, then the CLI bundle. `pnpm build`, and the root's `prepare`
// script, which runs after every install of the workspace.
//
// npm runs `prepare` too when it installs this repository from git, which is how the pre-commit
// framework installs the hook (`npm install -g git+file://<clone>`, docs/integrations.md).
// npm first installs the clone's dependencies, dev ones included, so that `prepare` can build;
// but npm up to 11 runs that install with the outer command's `--global`, which installs no
// dev dependency at all (npm/cli#8440; fixed in pacote 22). So when TypeScript is missing in
// a global install, put the dev dependencies in place here, as a local install, first.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** Runs a command in the repository root; a failure ends this script with its exit code. */
function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (result.error) throw result.error;
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function resolves(name) {
  try {
    return require.resolve(`${name}/package.json`);
  } catch {
    return undefined;
  }
}

if (!resolves('typescript')) {
  const npm = process.env.npm_execpath;
  if (process.env.npm_config_global !== 'true' || !npm) {
    console.error('postlint: cannot build: TypeScript is not installed here. Run `pnpm install` first.');
    process.exit(1);
  }
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key.toLowerCase() !== 'npm_config_global'));
  // --ignore-scripts: this install would run this script again.
  run(process.execPath, [npm, 'install', '--global=false', '--include=dev', '--no-save', '--no-audit', '--no-fund', '--ignore-scripts'], env);
}

const typescript = resolves('typescript');
if (!typescript) throw new Error('postlint: TypeScript is still not installed');
run(process.execPath, [join(dirname(typescript), 'bin', 'tsc'), '-b']);
run(process.execPath, [join(root, 'packages', 'cli', 'scripts', 'bundle.mjs')]);
