import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, tempDir, tree } from './helpers.js';

/**
 * Runs the real CLI with a module-resolution hook that records every module whose URL
 * mentions "compromise", so the test sees exactly which NLP libraries a run imported.
 */
function nlpModulesLoaded(args: readonly string[], cwd: string): string[] {
  const dir = tempDir('postlint-hooks-');
  const log = join(dir, 'loaded.txt');
  writeFileSync(
    join(dir, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (/compromise/.test(result.url)) appendFileSync(${JSON.stringify(log)}, result.url + '\\n');
  return result;
}\n`,
  );
  writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`);
  const run = spawnSync(process.execPath, ['--import', join(dir, 'register.mjs'), BIN, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  expect(run.status, run.stderr).not.toBe(2);
  if (!existsSync(log)) return [];
  const names = readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((url) => (url.includes('es-compromise') ? 'es-compromise' : 'compromise'));
  return [...new Set(names)].sort();
}

const CLOSE_CALL_ES = 'Ofrecemos revisión completa y tenemos taller propio. ¿Probaste ya nuestro servicio de recogida? Llevamos veinte años en el barrio.\n';
const CLOSE_CALL_EN = 'We repair bikes and we sell parts. Our workshop is open late. Tried our pickup service yet?\n';

describe('lazy NLP loading', () => {
  it('a run whose rules need no NLP never imports compromise or es-compromise', () => {
    const cwd = tree({ 'es.md': CLOSE_CALL_ES, 'en.md': CLOSE_CALL_EN });
    const onlyLength = ['--rule', 'excessive-self-promotion: off', '--rule', 'no-question-asked: off', '--rule', 'defensive-tone: off', '.'];
    expect(nlpModulesLoaded(onlyLength, cwd)).toEqual([]);
  });

  it('a default run of the example drafts loads no NLP library', () => {
    const drafts = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'drafts');
    expect(nlpModulesLoaded([drafts], process.cwd())).toEqual([]);
    expect(nlpModulesLoaded(['.'], tree({ 'es.md': CLOSE_CALL_ES, 'en.md': CLOSE_CALL_EN }))).toEqual([]);
  });

  const withNlp = ['--rule', 'excessive-self-promotion: [warn, {"nlp": true}]'];

  it('with the nlp option, loads each language’s tagger only when a post in that language needs it', () => {
    expect(nlpModulesLoaded([...withNlp, 'es.md'], tree({ 'es.md': CLOSE_CALL_ES }))).toEqual(['es-compromise']);
    expect(nlpModulesLoaded([...withNlp, 'en.md'], tree({ 'en.md': CLOSE_CALL_EN }))).toEqual(['compromise']);
  });

  it('with the nlp option, clear-cut posts are decided without loading any tagger', () => {
    const cwd = tree({ 'a.md': 'We are the best, the finest and the number one bakery. Buy now! Our bread is award-winning.\n', 'b.md': 'What would you bake this weekend? Tell us below.\n' });
    expect(nlpModulesLoaded([...withNlp, '.'], cwd)).toEqual([]);
  });
});
