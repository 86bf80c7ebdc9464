/**
 * The package.json files serve two package managers: pnpm for development, and npm when the
 * pre-commit framework installs the repository from git (pre-commit-framework.e2e.ts runs
 * that). What each one reads separately has to agree.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYaml, ROOT } from './integration-kit.js';

interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly workspaces?: readonly string[];
  readonly bin?: Readonly<Record<string, string>>;
  readonly files?: readonly string[];
  readonly overrides?: Readonly<Record<string, string>>;
  readonly engines?: Readonly<Record<string, string>>;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
}

const read = (path: string): Manifest => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Manifest;

const MANIFESTS = ['package.json', 'packages/core/package.json', 'packages/cli/package.json', 'packages/testing/package.json', 'rules/package.json'];
const root = read('package.json');
const cli = read('packages/cli/package.json');
const workspace = parseYaml(readFileSync(join(ROOT, 'pnpm-workspace.yaml'), 'utf8')) as {
  packages: string[];
  overrides: Record<string, string>;
  linkWorkspacePackages?: boolean;
};

/** Every dependency of every manifest: [manifest, name, range]. */
const deps = MANIFESTS.flatMap((path) => {
  const manifest = read(path);
  return Object.entries({ ...manifest.dependencies, ...manifest.devDependencies }).map(([name, range]) => [path, name, range] as const);
});

describe('package manifests', () => {
  it('use plain version ranges that npm can install, not pnpm protocols', () => {
    const pnpmOnly = deps.filter(([, , range]) => /^(workspace|catalog):/.test(range));
    expect(pnpmOnly).toEqual([]);
    // Without this, pnpm would look for our own packages on the registry.
    expect(workspace.linkWorkspacePackages).toBe(true);
    for (const [, name, range] of deps) {
      if (name.startsWith('@postlint/') || name === 'postlint') expect(range, name).toBe(`^${cli.version}`);
    }
  });

  it('give each dependency one range everywhere, as a pnpm catalog would', () => {
    const ranges = new Map<string, Set<string>>();
    for (const [, name, range] of deps) ranges.set(name, (ranges.get(name) ?? new Set()).add(range));
    const split = [...ranges].filter(([, set]) => set.size > 1).map(([name, set]) => `${name}: ${[...set].join(' | ')}`);
    expect(split).toEqual([]);
  });

  it('tell npm and pnpm the same workspaces and overrides', () => {
    expect(root.workspaces).toEqual(workspace.packages);
    expect(root.overrides).toEqual(workspace.overrides);
  });

  it('make the root installable as the CLI: its bin, its bundle, and what the bundle loads at run time', () => {
    expect(root.bin).toEqual({ postlint: 'packages/cli/bin/postlint.js' });
    expect(cli.bin).toEqual({ postlint: './bin/postlint.js' });
    // bin/ and bundle/ (lexicons inside), and package.json: the version, and "type": "module".
    expect(root.files).toEqual(['packages/cli/bin/', 'packages/cli/bundle/', 'packages/cli/package.json']);

    const script = readFileSync(join(ROOT, 'packages', 'cli', 'scripts', 'bundle.mjs'), 'utf8');
    const list = /external: \[([^\]]*)\]/.exec(script)?.[1];
    expect(list, 'bundle.mjs has no external list').toBeDefined();
    const external = [...list!.matchAll(/'([^']+)'/g)].map((m) => m[1]!).filter((name) => !name.endsWith('/*'));
    expect(Object.keys(root.dependencies ?? {}).sort()).toEqual([...external].sort());
    for (const name of external) expect(root.dependencies?.[name], name).toBe(cli.dependencies?.[name]);
  });

  it('depend at run time only on versions that run on the Node.js postlint supports', () => {
    // npm warns at install (EBADENGINE) when a dependency wants a newer Node (node-sarif-builder 5 wants 22).
    const supported = /^>=(\d+)\.(\d+)$/.exec(root.engines?.node ?? '');
    expect(supported, 'engines.node is not of the form >=major.minor').not.toBeNull();
    const [major, minor] = [Number(supported![1]), Number(supported![2])];
    for (const name of Object.keys(root.dependencies ?? {})) {
      const wanted = read(join('node_modules', name, 'package.json')).engines?.node;
      if (wanted === undefined) continue;
      const floor = /^>=\s*(\d+)(?:\.(\d+))?/.exec(wanted);
      expect(floor, `${name}: engines.node ${wanted}`).not.toBeNull();
      const [needMajor, needMinor] = [Number(floor![1]), Number(floor![2] ?? 0)];
      expect(needMajor < major || (needMajor === major && needMinor <= minor), `${name} wants Node ${wanted}`).toBe(true);
    }
    expect(cli.engines).toEqual(root.engines);
  });
});
