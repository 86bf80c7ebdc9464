import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import ignore, { type Ignore } from 'ignore';

export const EXTENSIONS = ['md', 'markdown', 'txt'] as const;
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export interface Discovery {
  /** Absolute paths, sorted, without duplicates. */
  readonly files: string[];
  /** One line per path that matched nothing: a usage error. */
  readonly problems: string[];
  /** One line per file named on the command line but skipped because it is ignored. */
  readonly notes: string[];
  /** Files named directly on the command line (not found through a folder or glob). */
  readonly explicit: ReadonlySet<string>;
}

export interface DiscoverOptions {
  readonly cwd: string;
  /** Use .gitignore and .postlintignore (off with --no-ignore). */
  readonly useIgnoreFiles: boolean;
  readonly ignorePath: string | undefined;
}

async function readIgnore(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}

/** .gitignore and .postlintignore of the working directory, gitignore syntax. */
async function loadIgnores(options: DiscoverOptions): Promise<{ ig: Ignore | null; problems: string[] }> {
  const problems: string[] = [];
  if (!options.useIgnoreFiles) return { ig: null, problems };
  const gitignore = await readIgnore(join(options.cwd, '.gitignore'));
  const path = options.ignorePath ? resolve(options.cwd, options.ignorePath) : join(options.cwd, '.postlintignore');
  const own = await readIgnore(path);
  if (own === null && options.ignorePath) problems.push(`${options.ignorePath}: cannot read ignore file`);
  // No ignore file: nothing to check (the matcher would still remember every path asked).
  if (gitignore === null && own === null) return { ig: null, problems };
  const ig = ignore();
  if (gitignore !== null) ig.add(gitignore);
  if (own !== null) ig.add(own);
  return { ig, problems };
}

/** A path as `resolve` would give it; most already are (tinyglobby's absolute paths on POSIX). */
const normalized = (path: string): string => (sep === '/' && !/\/\.\.?(?:\/|$)|\/\//u.test(path) ? path : resolve(path));

/**
 * Expands paths, folders and globs into the files to lint, like ESLint: a file named
 * explicitly is always linted; folders and globs only yield .md/.markdown/.txt files not
 * ignored by .gitignore/.postlintignore.
 */
export async function discover(patterns: readonly string[], options: DiscoverOptions): Promise<Discovery> {
  const { ig, problems } = await loadIgnores(options);
  const isIgnored = (abs: string): boolean => {
    if (!ig) return false;
    const rel = relative(options.cwd, abs).split(sep).join('/');
    return rel !== '' && !rel.startsWith('../') && !isAbsolute(rel) && ig.ignores(rel);
  };
  const files = new Set<string>();
  const notes: string[] = [];
  const explicit = new Set<string>();
  const exts = `**/*.{${EXTENSIONS.join(',')}}`;
  for (const pattern of patterns.length > 0 ? patterns : ['.']) {
    const abs = resolve(options.cwd, pattern);
    const info = await stat(abs).catch(() => null);
    if (info?.isFile()) {
      // Named on purpose, but hooks and lint-staged pass every staged file: honour the ignore files.
      if (isIgnored(abs)) notes.push(`${pattern}: ignored by .gitignore or .postlintignore (use --no-ignore to lint it)`);
      else {
        files.add(abs);
        explicit.add(abs);
      }
      continue;
    }
    let found: string[];
    if (info?.isDirectory()) {
      found = await glob([exts], { cwd: abs, absolute: true, ignore: ALWAYS_IGNORED, dot: false, followSymbolicLinks: true });
    } else if (isDynamicPattern(pattern)) {
      found = await glob([pattern], { cwd: options.cwd, absolute: true, ignore: ALWAYS_IGNORED, dot: false });
      found = found.filter((f) => EXTENSIONS.some((e) => f.endsWith(`.${e}`)));
    } else {
      problems.push(`${pattern}: no such file or directory`);
      continue;
    }
    const kept = found.map(normalized).filter((f) => !isIgnored(f));
    if (kept.length === 0 && info === null) problems.push(`${pattern}: no files match this pattern`);
    for (const f of kept) files.add(f);
  }
  return { files: [...files].sort(), problems, notes, explicit };
}
