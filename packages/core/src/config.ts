import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readFile } from 'node:fs/promises';
import { lilconfig, type Loader } from 'lilconfig';
import picomatch from 'picomatch';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { loadAjv, parseYaml } from './lazy.js';
import { PostlintError } from './errors.js';
import { normalizeLang, type LanguageOptions } from './language.js';
import { resolveRuleOptions } from './rule.js';
import type { Brand, Rule, Severity } from './types.js';

export type SeverityInput = Severity | 0 | 1 | 2;
export type RuleConfig = SeverityInput | readonly [SeverityInput] | readonly [SeverityInput, Record<string, unknown>];

interface Settings {
  platform?: string | string[];
  language?: string | { default?: string; detect?: string[] };
  brand?: { names?: string[]; handles?: string[] };
  rules?: Record<string, RuleConfig>;
  settings?: Record<string, unknown>;
}

export interface ConfigOverride extends Settings {
  files: string | string[];
  excludedFiles?: string | string[];
}

/** What a user writes in postlint.config.* / .postlintrc* / package.json#postlint. */
export interface ConfigFile extends Settings {
  /** Presets (`postlint:recommended`, `postlint:strict`) or paths to other config files. */
  extends?: string | string[];
  overrides?: ConfigOverride[];
  /** Globs, relative to the config file, of files never linted. */
  ignores?: string[];
}

export interface RuleSetting {
  readonly severity: Severity;
  readonly options: Record<string, unknown>;
}

/** The configuration that applies to one file, after extends, overrides and CLI flags. */
export interface ResolvedConfig {
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly platforms: readonly string[];
  readonly language: LanguageOptions;
  readonly brand: Brand;
  readonly settings: Readonly<Record<string, unknown>>;
}

export const CONFIG_FILES = [
  'package.json',
  '.postlintrc',
  '.postlintrc.json',
  '.postlintrc.yaml',
  '.postlintrc.yml',
  'postlint.config.json',
  'postlint.config.yaml',
  'postlint.config.yml',
  'postlint.config.js',
  'postlint.config.mjs',
] as const;

const severityInput = { enum: ['off', 'warn', 'error', 0, 1, 2] };
const stringOrList = { anyOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string', minLength: 1 } }] };
const settingsProperties = {
  platform: stringOrList,
  language: {
    anyOf: [
      { type: 'string', minLength: 1 },
      {
        type: 'object',
        additionalProperties: false,
        properties: { default: { type: 'string', minLength: 1 }, detect: { type: 'array', items: { type: 'string' }, minItems: 1 } },
      },
    ],
  },
  brand: {
    type: 'object',
    additionalProperties: false,
    properties: { names: { type: 'array', items: { type: 'string' } }, handles: { type: 'array', items: { type: 'string' } } },
  },
  rules: {
    type: 'object',
    additionalProperties: {
      anyOf: [
        severityInput,
        { type: 'array', minItems: 1, maxItems: 2, items: [severityInput, { type: 'object' }] },
      ],
    },
  },
  settings: { type: 'object' },
};
const configSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    extends: stringOrList,
    ignores: { type: 'array', items: { type: 'string' } },
    overrides: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['files'],
        properties: { files: stringOrList, excludedFiles: stringOrList, ...settingsProperties },
      },
    },
    ...settingsProperties,
  },
};

let validator: ValidateFunction<ConfigFile> | undefined;
/** Compiled on first use: a run without config files never pays for it. */
function validateConfig(data: unknown): data is ConfigFile {
  validator ??= new (loadAjv().Ajv)({ allErrors: true, strict: false }).compile<ConfigFile>(configSchema);
  return validator(data);
}

function describeConfigError(error: ErrorObject): string {
  const where = error.instancePath.replace(/^\//u, '').replace(/\//gu, '.') || 'config';
  if (error.keyword === 'additionalProperties') {
    return `unknown key '${String((error.params as { additionalProperty?: string }).additionalProperty)}' in ${where}`;
  }
  if (error.keyword === 'enum' || (error.keyword === 'anyOf' && where.startsWith('rules.'))) {
    return `${where} must be 'off', 'warn', 'error' or [severity, options]`;
  }
  return `${where} ${error.message ?? 'is invalid'}`;
}

const yamlLoader: Loader = (_path, content) => parseYaml(content);

const asList = (value: string | readonly string[] | undefined): string[] =>
  value === undefined ? [] : typeof value === 'string' ? [value] : [...value];

function toSeverity(value: SeverityInput): Severity {
  return value === 0 ? 'off' : value === 1 ? 'warn' : value === 2 ? 'error' : value;
}

/** Edit distance, for "did you mean …?" on unknown rule ids. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}

/** ` (did you mean 'x'?)` to append to an error message, or '' when no known name is close. */
export function suggestName(name: string, known: Iterable<string>): string {
  const best = closestName(name, known);
  return best === undefined ? '' : ` (did you mean '${best}'?)`;
}

/** The known name a typo most likely meant, or undefined when none is close enough. */
export function closestName(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const k of known) {
    const d = distance(name, k);
    if (d < bestScore) {
      best = k;
      bestScore = d;
    }
  }
  return bestScore <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

export interface ConfigLoaderOptions {
  readonly cwd: string;
  /** `--config FILE`: use this file for every linted file instead of searching. */
  readonly configFile?: string;
  /** Named presets for `extends`, e.g. `postlint:recommended`. */
  readonly presets: Readonly<Record<string, ConfigFile>>;
  /** Preset applied when a config file has no `extends` (and when there is no config at all). */
  readonly defaultPreset: string;
  readonly rules: ReadonlyMap<string, Rule>;
  /** Platform ids the registry knows, to reject typos in config. */
  readonly isPlatform: (id: string) => boolean;
  /** `--rule 'id: severity'` flags, applied last. */
  readonly ruleFlags?: Readonly<Record<string, RuleConfig>>;
}

interface LoadedConfig {
  readonly path: string | null;
  readonly dir: string;
  readonly base: ConfigFile[];
  readonly file: ConfigFile;
  readonly ignores: picomatch.Matcher | null;
  readonly overrides: { readonly match: (rel: string) => boolean; readonly override: ConfigOverride }[];
}

export interface ConfigForFile {
  readonly config: ResolvedConfig;
  readonly configPath: string | null;
  readonly ignored: boolean;
}

/** Finds, validates and merges configuration for each linted file (nearest config file wins). */
export class ConfigLoader {
  private readonly explorer = lilconfig('postlint', {
    searchPlaces: [...CONFIG_FILES],
    loaders: { '.yaml': yamlLoader, '.yml': yamlLoader, noExt: yamlLoader },
  });
  private readonly loaded = new Map<string, Promise<LoadedConfig>>();
  private readonly resolved = new Map<string, ResolvedConfig>();
  /** Each folder resolved once: resolving every path of a 10k-file run was most of its allocation. */
  private readonly folders = new Map<string, string>();

  constructor(private readonly options: ConfigLoaderOptions) {}

  async forFile(filePath: string): Promise<ConfigForFile> {
    const folder = this.folderOf(filePath);
    const loaded = await this.loadFor(folder);
    const path = folder.endsWith(sep) ? folder + basename(filePath) : folder + sep + basename(filePath);
    const inside = path.startsWith(loaded.dir) && path.charAt(loaded.dir.length) === sep;
    const native = inside ? path.slice(loaded.dir.length + 1) : relative(loaded.dir, path);
    const rel = sep === '/' ? native : native.split(sep).join('/');
    const ignored = loaded.ignores !== null && !rel.startsWith('../') && loaded.ignores(rel);
    const matching = loaded.overrides.filter((o) => o.match(rel));
    const key = `${loaded.path ?? '<default>'}\0${matching.map((m) => loaded.overrides.indexOf(m)).join(',')}`;
    let config = this.resolved.get(key);
    if (!config) {
      config = this.merge(loaded, matching.map((m) => m.override));
      this.resolved.set(key, config);
    }
    return { config, configPath: loaded.path, ignored };
  }

  private folderOf(filePath: string): string {
    const raw = dirname(filePath);
    let folder = this.folders.get(raw);
    if (folder === undefined) {
      folder = resolve(this.options.cwd, raw);
      this.folders.set(raw, folder);
    }
    return folder;
  }

  /** The config that governs files in `folder` (absolute). */
  private loadFor(folder: string): Promise<LoadedConfig> {
    const explicit = this.options.configFile;
    const key = explicit ? `explicit:${explicit}` : `dir:${folder}`;
    let pending = this.loaded.get(key);
    if (!pending) {
      pending = explicit ? this.loadExplicit(resolve(this.options.cwd, explicit)) : this.search(folder);
      this.loaded.set(key, pending);
    }
    return pending;
  }

  private async search(dir: string): Promise<LoadedConfig> {
    let found;
    try {
      found = await this.explorer.search(dir);
    } catch (error) {
      // lilconfig does not say which file failed to parse: find the one it was reading.
      const culprit = nearestConfigFile(dir);
      const where = culprit ? `${relative(this.options.cwd, culprit) || culprit}: ` : '';
      const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '').replace(/:\s*$/u, '') : String(error);
      throw new PostlintError('config', `${where}cannot read config: ${reason}`, { cause: error });
    }
    if (!found || found.isEmpty === true) return this.prepare(null, this.options.cwd, {});
    return this.prepare(found.filepath, dirname(found.filepath), found.config);
  }

  private async loadExplicit(path: string): Promise<LoadedConfig> {
    let result;
    try {
      result = await this.explorer.load(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error);
      throw new PostlintError('config', `${path}: cannot read config: ${reason}`, { file: path, cause: error });
    }
    const data: unknown = path.endsWith('package.json') ? (result?.config as Record<string, unknown> | undefined) : result?.config;
    return this.prepare(path, dirname(path), data ?? {});
  }

  private async prepare(path: string | null, dir: string, data: unknown): Promise<LoadedConfig> {
    const where = path ? relative(this.options.cwd, path) || path : 'default config';
    // No config file: nothing to validate (and no schema to compile).
    const file = path === null ? {} : this.validate(data, where);
    const base = await this.expand(file.extends === undefined ? [this.options.defaultPreset] : asList(file.extends), dir, where, [path ?? '']);
    // Ignores and overrides of extended files apply too, with globs relative to this config.
    const allIgnores = [...base, file].flatMap((c) => c.ignores ?? []);
    const ignores = allIgnores.length > 0 ? picomatch(allIgnores.map(globForBasename), { dot: true }) : null;
    const overrides = [...base, file].flatMap((c) => c.overrides ?? []).map((override) => {
      const include = picomatch(asList(override.files).map(globForBasename), { dot: true });
      const exclude = override.excludedFiles ? picomatch(asList(override.excludedFiles).map(globForBasename), { dot: true }) : () => false;
      return { match: (rel: string) => include(rel) && !exclude(rel), override };
    });
    // Validate everything now, so a bad option fails even when no file matches its override.
    this.merge({ path, dir, base, file, ignores, overrides }, overrides.map((o) => o.override));
    return { path, dir, base, file, ignores, overrides };
  }

  private validate(data: unknown, where: string): ConfigFile {
    if (!validateConfig(data)) {
      const error = mostSpecific(validator?.errors ?? []);
      throw new PostlintError('config', `${where}: ${error ? describeConfigError(error) : 'invalid config'}`, { file: where });
    }
    const check = (settings: Settings, at: string): void => {
      for (const id of Object.keys(settings.rules ?? {})) {
        if (!this.options.rules.has(id)) {
          throw new PostlintError('config', `${where}: unknown rule '${id}' in ${at}rules${suggestName(id, this.options.rules.keys())}`, { file: where });
        }
      }
      for (const platform of asList(settings.platform)) {
        if (!this.options.isPlatform(platform)) throw new PostlintError('config', `${where}: unknown platform '${platform}' in ${at}platform`, { file: where });
      }
    };
    check(data, '');
    data.overrides?.forEach((o, i) => {
      check(o, `overrides[${i}].`);
    });
    return data;
  }

  /** Expands `extends` into the list of configs to merge, oldest first. */
  private async expand(names: readonly string[], dir: string, where: string, seen: string[]): Promise<ConfigFile[]> {
    const out: ConfigFile[] = [];
    for (const name of names) {
      const preset = this.options.presets[name];
      if (preset) {
        out.push(...(await this.expand(asList(preset.extends), dir, where, seen)), preset);
        continue;
      }
      if (name.startsWith('postlint:')) {
        throw new PostlintError('config', `${where}: unknown preset '${name}' in extends${suggestName(name, Object.keys(this.options.presets))}`, { file: where });
      }
      const path = resolve(dir, name);
      if (seen.includes(path)) throw new PostlintError('config', `${where}: extends loops back to ${name}`, { file: where });
      const file = this.validate(await readConfigFile(path, name, where), name);
      // An extended file without `extends` starts from the default preset, as it would alone.
      const parents = file.extends === undefined ? [this.options.defaultPreset] : asList(file.extends);
      out.push(...(await this.expand(parents, dirname(path), name, [...seen, path])), file);
    }
    return out;
  }

  private merge(loaded: LoadedConfig, overrides: readonly ConfigOverride[]): ResolvedConfig {
    const where = loaded.path ? relative(this.options.cwd, loaded.path) || loaded.path : 'default config';
    const layers: Settings[] = [...loaded.base, loaded.file, ...overrides, { rules: { ...this.options.ruleFlags } }];
    const rules: Record<string, RuleSetting> = {};
    let platforms: string[] = ['x'];
    let language: LanguageOptions = { default: 'en', detect: ['es', 'en'] };
    const names: string[] = [];
    const handles: string[] = [];
    let settings: Record<string, unknown> = {};
    for (const layer of layers) {
      for (const [id, value] of Object.entries(layer.rules ?? {})) {
        const rule = this.options.rules.get(id);
        if (!rule) throw new PostlintError('config', `${where}: unknown rule '${id}'${suggestName(id, this.options.rules.keys())}`);
        const [severity, options] = Array.isArray(value) ? (value as [SeverityInput, Record<string, unknown>?]) : [value as SeverityInput, undefined];
        // Like ESLint: a bare severity keeps options set by an earlier layer.
        const previous = rules[id]?.options;
        rules[id] = {
          severity: toSeverity(severity),
          options: options === undefined && previous ? previous : resolveRuleOptions(rule.meta, options, where),
        };
      }
      if (layer.platform !== undefined) platforms = asList(layer.platform).map((p) => p.toLowerCase());
      if (typeof layer.language === 'string') language = { ...language, default: normalizeLang(layer.language) };
      else if (layer.language) {
        language = {
          default: layer.language.default ? normalizeLang(layer.language.default) : language.default,
          detect: layer.language.detect ? layer.language.detect.map(normalizeLang) : language.detect,
        };
      }
      names.push(...(layer.brand?.names ?? []));
      handles.push(...(layer.brand?.handles ?? []));
      if (layer.settings) settings = { ...settings, ...layer.settings };
    }
    return { rules, platforms, language, brand: { names: [...new Set(names)], handles: [...new Set(handles)] }, settings };
  }
}

/** The deepest error explains best: "unknown key 'detct' in language" beats "must be string". */
function mostSpecific(errors: readonly ErrorObject[]): ErrorObject | undefined {
  const unknownKey = errors.find((e) => e.keyword === 'additionalProperties');
  if (unknownKey) return unknownKey;
  const concrete = errors.filter((e) => e.keyword !== 'anyOf');
  return [...concrete].sort((a, b) => b.instancePath.length - a.instancePath.length)[0] ?? errors[0];
}

/** The config file lilconfig would read first from `dir` upward. */
function nearestConfigFile(dir: string): string | null {
  for (let d = dir; ; d = dirname(d)) {
    for (const name of CONFIG_FILES) {
      const path = join(d, name);
      if (existsSync(path) && (name !== 'package.json' || hasPostlintKey(path))) return path;
    }
    if (dirname(d) === d) return null;
  }
}

function hasPostlintKey(path: string): boolean {
  try {
    return Object.hasOwn(JSON.parse(readFileSync(path, 'utf8')) as object, 'postlint');
  } catch {
    return false;
  }
}

/** Reads a config named in `extends`: JSON, YAML, or an ES module's default export. */
async function readConfigFile(path: string, name: string, where: string): Promise<unknown> {
  try {
    if (/\.(?:m?js|cjs)$/u.test(path)) return ((await import(pathToFileURL(path).href)) as { default?: unknown }).default;
    const text = await readFile(path, 'utf8');
    return /\.ya?ml$/u.test(path) || !/\.json$/u.test(path) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new PostlintError('config', `${where}: cannot read '${name}' named in extends: ${reason}`, { file: where, cause: error });
  }
}

/** ESLint-style: a glob without a slash matches the file name in any folder. */
function globForBasename(glob: string): string {
  return glob.includes('/') ? glob : `**/${glob}`;
}
