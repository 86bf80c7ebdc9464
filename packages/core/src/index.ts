export type * from './types.js';
export { PostlintError, type PostlintErrorKind } from './errors.js';
export { defineRule, interpolate, resolveRuleOptions } from './rule.js';
export { parsePost, type ParseOptions } from './parse.js';
export { detectLanguage, normalizeLang, type LanguageOptions } from './language.js';
export { lintText, fatalResult, stripBom, docsUrl, DOCS_BASE_URL, type LintOptions } from './engine.js';
export {
  ConfigLoader,
  CONFIG_FILES,
  suggestName,
  type ConfigFile,
  type ConfigForFile,
  type ConfigLoaderOptions,
  type ConfigOverride,
  type ResolvedConfig,
  type RuleConfig,
  type RuleSetting,
  type SeverityInput,
} from './config.js';
export { LineIndex } from './location.js';
export { graphemeLength } from './platforms/count.js';
export { getPlatform, measure, PLATFORMS, type CountUnit, type Measurement, type MeasureOptions, type PlatformSpec } from './platforms/index.js';
