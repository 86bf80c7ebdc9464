import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { presets, rules } from '@postlint/rules';
import { loadModel } from '../src/lib/model.js';

const repo = join(import.meta.dirname, '..', '..');

describe.each([...rules.keys()])('rule %s', (id) => {
  const rule = rules.get(id)!;

  it('is tied together by one id: source file, fixtures, docs page', () => {
    expect(rule.meta.id).toBe(id);
    expect(existsSync(join(repo, 'rules', 'src', `${id}.ts`)), `rules/src/${id}.ts`).toBe(true);
    expect(existsSync(join(repo, 'fixtures', 'rules', id)), `fixtures/rules/${id}/`).toBe(true);
    expect(existsSync(join(repo, 'docs', 'rules', `${id}.md`)), `docs/rules/${id}.md`).toBe(true);
  });

  it('has a docs page with the reasoning, limits, options and examples', () => {
    const page = readFileSync(join(repo, 'docs', 'rules', `${id}.md`), 'utf8');
    expect(page.startsWith(`# ${id}\n`)).toBe(true);
    for (const heading of ['## Why', '## Limits', '## Options', '## Examples']) expect(page, heading).toContain(heading);
  });

  it('has a description and every message in English and Spanish', () => {
    expect(rule.meta.description.en.length).toBeGreaterThan(10);
    expect(rule.meta.description.es.length).toBeGreaterThan(10);
    const en = Object.keys(rule.meta.messages.en ?? {}).sort();
    expect(en.length).toBeGreaterThan(0);
    expect(Object.keys(rule.meta.messages.es ?? {}).sort()).toEqual(en);
  });

  it('has default options that pass its own schema', () => {
    if (!rule.meta.options) return;
    const validate = new Ajv({ strict: true }).compile(rule.meta.options);
    expect(validate(rule.meta.defaultOptions ?? {}), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe('lexicons', () => {
  const dir = join(repo, 'rules', 'lexicons');
  const language = {
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string', minLength: 1, pattern: '^\\S(.*\\S)?$' }, uniqueItems: true },
  };
  const schema = {
    type: 'object',
    required: ['en', 'es'],
    properties: { $comment: { type: 'string' }, en: language, es: language },
    additionalProperties: language,
  };
  const validate = new Ajv({ strict: true, allowUnionTypes: true }).compile(schema);

  it.each(readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.model.json')))('%s is valid, belongs to a rule and has the same categories in both languages', (file) => {
    const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, Record<string, string[]>>;
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(rules.has(file.replace(/\.json$/u, ''))).toBe(true);
    expect(Object.keys(data.es!).sort()).toEqual(Object.keys(data.en!).sort());
  });
});

describe('word models', () => {
  it.each(readdirSync(join(repo, 'rules', 'lexicons')).filter((f) => f.endsWith('.model.json')))('%s loads, belongs to a rule and covers both languages', (file) => {
    const name = file.replace(/\.model\.json$/u, '');
    expect(rules.has(name)).toBe(true);
    const model = loadModel(name);
    expect(Object.keys(model.languages).sort()).toEqual(['en', 'es']);
    expect(Object.keys(model.languages.es!.weights).length).toBeGreaterThan(100);
  });
});

describe('presets', () => {
  it('recommended follows each rule’s meta; strict turns every rule on', () => {
    for (const rule of rules.values()) {
      expect(presets['postlint:recommended']!.rules![rule.meta.id]).toBe(rule.meta.recommended || 'off');
      expect(presets['postlint:strict']!.rules![rule.meta.id]).not.toBe('off');
    }
  });
});
