/**
 * Libraries that only some runs need, loaded on first use so that linting one post starts
 * fast: Ajv (only when a config file or rule options must be validated), yaml (only for
 * frontmatter and YAML configs) and twemoji's parser (only for posts measured on Threads,
 * and to find where an over-long X post stops fitting). They ship CommonJS, so they load synchronously.
 */
import { createRequire } from 'node:module';
import type * as TwemojiParser from '@twemoji/parser';
import type * as AjvModule from 'ajv';
import type * as YamlModule from 'js-yaml';

const require = createRequire(import.meta.url);
let ajv: typeof AjvModule | undefined;
let yaml: typeof YamlModule | undefined;

export function loadAjv(): typeof AjvModule {
  ajv ??= require('ajv') as typeof AjvModule;
  return ajv;
}

export function loadYaml(): typeof YamlModule {
  yaml ??= require('js-yaml') as typeof YamlModule;
  return yaml;
}

/**
 * Parses YAML 1.2 with the core schema: dates stay strings, and "yes" or "on" are not
 * booleans. A blank text (an empty config file or frontmatter) is an empty mapping.
 */
export function parseYaml(text: string): unknown {
  if (text.trim() === '') return {};
  const { load, CORE_SCHEMA } = loadYaml();
  return load(text, { schema: CORE_SCHEMA });
}

let twemoji: typeof TwemojiParser | undefined;

export function loadTwemoji(): typeof TwemojiParser {
  twemoji ??= require('@twemoji/parser') as typeof TwemojiParser;
  return twemoji;
}
