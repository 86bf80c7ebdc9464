import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from 'ajv';
import { loadAjv } from './lazy.js';
import { PostlintError } from './errors.js';
import type { Rule, RuleMeta } from './types.js';

/** Declares a rule. Identity at runtime; it exists so rule files are checked against the API. */
export function defineRule<Options extends object = Record<string, unknown>>(rule: Rule<Options>): Rule<Options> {
  return rule;
}

let ajv: AjvClass | undefined;
const validators = new WeakMap<RuleMeta, ValidateFunction>();

function allowedValues(error: ErrorObject): string {
  const values = (error.params as { allowedValues?: unknown[] }).allowedValues;
  return Array.isArray(values) ? values.map(String).join(', ') : '';
}

function describe(error: ErrorObject): string {
  const where = error.instancePath.replace(/^\//u, '').replace(/\//gu, '.');
  if (error.keyword === 'additionalProperties') {
    const name = String((error.params as { additionalProperty?: string }).additionalProperty);
    return `unknown option '${where ? `${where}.` : ''}${name}'`;
  }
  if (error.propertyName !== undefined) {
    const values = allowedValues(error);
    return `option '${where}' has an unknown key '${error.propertyName}'${values ? ` (use one of: ${values})` : ''}`;
  }
  if (error.keyword === 'enum') return `option '${where}' must be one of: ${allowedValues(error)}`;
  return where ? `option '${where}' ${error.message ?? 'is invalid'}` : `options ${error.message ?? 'are invalid'}`;
}

/**
 * Merges user options over the rule's defaults and validates them against its schema.
 * A bad option is a config error naming the rule and the option.
 */
export function resolveRuleOptions(meta: RuleMeta, options: unknown, where: string): Record<string, unknown> {
  if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) {
    throw new PostlintError('config', `${where}: rule '${meta.id}': options must be an object`);
  }
  // The defaults are checked against the schema by the rules' own tests; compiling a schema
  // costs more than linting a post, so only options a user wrote are validated here.
  if (options === undefined) return { ...(meta.defaultOptions ?? {}) };
  const merged = { ...(meta.defaultOptions ?? {}), ...(options as Record<string, unknown>) };
  if (!meta.options) {
    if (Object.keys(options).length > 0) {
      throw new PostlintError('config', `${where}: rule '${meta.id}' takes no options`);
    }
    return merged;
  }
  let validate = validators.get(meta);
  if (!validate) {
    ajv ??= new (loadAjv().Ajv)({ allErrors: false, strict: true, useDefaults: false });
    validate = ajv.compile(meta.options);
    validators.set(meta, validate);
  }
  if (!validate(merged)) {
    const first = validate.errors?.[0];
    throw new PostlintError('config', `${where}: rule '${meta.id}': ${first ? describe(first) : 'invalid options'}`);
  }
  return merged;
}

/** Fills `{{name}}` placeholders; unknown names stay visible so a missing value is noticed. */
export function interpolate(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  return template.replace(/\{\{\s*([\w.-]+)\s*\}\}/gu, (whole, name: string) => {
    const value = data?.[name];
    return value === undefined ? whole : String(value);
  });
}

/** The message text in the post's language, falling back to English. */
export function messageFor(meta: RuleMeta, lang: string, messageId: string): string {
  const template = meta.messages[lang]?.[messageId] ?? meta.messages.en?.[messageId];
  if (template === undefined) throw new Error(`rule '${meta.id}' reported unknown messageId '${messageId}'`);
  return template;
}
