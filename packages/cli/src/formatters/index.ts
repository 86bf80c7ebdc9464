/** The output formats of `postlint --format <name>`. */
import type { Formatter } from './types.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export type { Formatter, FormatterContext } from './types.js';

// A Map, not an object, so `--format constructor` or `__proto__` finds nothing.
const formatters: ReadonlyMap<string, Formatter> = new Map([
  ['stylish', stylish],
  ['json', json],
  ['sarif', sarif],
  ['github', github],
  ['gitlab', gitlab],
  ['junit', junit],
]);

/** Names accepted by `--format`, the default (`stylish`) first. */
export const formatterNames: readonly string[] = Object.freeze([...formatters.keys()]);

export function getFormatter(name: string): Formatter | undefined {
  return formatters.get(name);
}
