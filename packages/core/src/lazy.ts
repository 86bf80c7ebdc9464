/**
 * Libraries that only some runs need, loaded on first use so that linting one post starts
 * fast: Ajv (only when a config file or rule options must be validated), yaml (only for
 * frontmatter and YAML configs) and twemoji's parser (only for posts measured on Threads,
 * and to find where an over-long X post stops fitting). They ship CommonJS, so they load synchronously.
 */
import { createRequire } from 'node:module';
import type * as TwemojiParser from '@twemoji/parser';
import type * as AjvModule from 'ajv';
import type * as YamlModule from 'yaml';

const require = createRequire(import.meta.url);
let ajv: typeof AjvModule | undefined;
let yaml: typeof YamlModule | undefined;

export function loadAjv(): typeof AjvModule {
  ajv ??= require('ajv') as typeof AjvModule;
  return ajv;
}

export function loadYaml(): typeof YamlModule {
  yaml ??= require('yaml') as typeof YamlModule;
  return yaml;
}

let twemoji: typeof TwemojiParser | undefined;

export function loadTwemoji(): typeof TwemojiParser {
  twemoji ??= require('@twemoji/parser') as typeof TwemojiParser;
  return twemoji;
}
