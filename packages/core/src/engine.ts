import { PostlintError } from './errors.js';
import { LineIndex } from './location.js';
import { buildPost, parseDocument } from './parse.js';
import { DirectiveState, parseDirectives } from './directives.js';
import { interpolate, messageFor } from './rule.js';
import { closestName } from './config.js';
import type { ResolvedConfig } from './config.js';
import type { LintMessage, LintResult, Post, ReportDescriptor, Rule, RuleContext } from './types.js';

export const DOCS_BASE_URL = 'https://github.com/postlint/postlint/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}

export interface LintOptions {
  /** Path shown in results (absolute, or a name such as `<stdin>`). */
  readonly filePath: string;
  readonly config: ResolvedConfig;
  readonly rules: ReadonlyMap<string, Rule>;
  /**
   * Report directive ids that are not in `rules` (default true). A harness that runs one
   * rule in isolation turns it off: the other ids are real rules it did not load.
   */
  readonly checkDirectiveIds?: boolean;
}

/** Removes a UTF-8 byte order mark: editors hide it and it is never pasted. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A result for a file that could not be linted (ESLint's "fatal" message shape). */
export function fatalResult(filePath: string, message: string, line = 1): LintResult {
  return {
    filePath,
    messages: [{ ruleId: null, severity: 2, fatal: true, message, line, column: 1, endLine: line, endColumn: 1 }],
    errorCount: 1,
    warningCount: 0,
    fatalErrorCount: 1,
  };
}

function applies(rule: Rule, post: Post): boolean {
  const { languages, appliesTo } = rule.meta;
  if (appliesTo && !appliesTo.includes(post.kind)) return false;
  return languages.includes('*') || languages.includes(post.lang);
}

/** Lints one file's text. Input problems (broken frontmatter) come back as a fatal result. */
export async function lintText(text: string, options: LintOptions): Promise<LintResult> {
  const { filePath, config, rules } = options;
  const source = stripBom(text);
  const index = new LineIndex(source);
  let post: Post;
  let directives: DirectiveState;
  try {
    const doc = parseDocument(source, filePath);
    post = buildPost(doc, filePath, { platforms: config.platforms, language: config.language });
    directives = new DirectiveState(parseDirectives(doc.tree, index));
  } catch (error) {
    if (error instanceof PostlintError && error.kind === 'input') return fatalResult(filePath, error.message, error.line);
    throw error;
  }
  const messages: LintMessage[] = [];
  for (const [id, setting] of Object.entries(config.rules)) {
    if (setting.severity === 'off') continue;
    const rule = rules.get(id);
    if (!rule || !applies(rule, post)) continue;
    const severity = setting.severity === 'error' ? 2 : 1;
    const reports: ReportDescriptor[] = [];
    const context: RuleContext<Record<string, unknown>> = {
      options: setting.options,
      brand: config.brand,
      settings: config.settings,
      report: (descriptor) => reports.push(descriptor),
    };
    try {
      // Most rules are synchronous: awaiting only a promise saves a microtask per rule and post.
      const pending = rule.check(post, context);
      if (pending) await pending;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new PostlintError('input', `rule '${id}' failed: ${reason}`, { file: filePath, cause: error });
    }
    for (const report of reports) {
      const [start, end] = report.range;
      const from = index.position(start);
      if (directives.isDisabled(id, start, from.line)) continue;
      const to = index.position(end);
      messages.push({
        ruleId: id,
        severity,
        message: interpolate(messageFor(rule.meta, post.lang, report.messageId), report.data),
        messageId: report.messageId,
        line: from.line,
        column: from.column,
        endLine: to.line,
        endColumn: to.column,
        range: report.range,
        ...(report.suggest && report.suggest.length > 0 ? { suggestions: report.suggest } : {}),
        docsUrl: docsUrl(id),
      });
    }
  }
  // A typo in a directive would silently disable nothing: say so, as ESLint does.
  for (const directive of options.checkDirectiveIds === false ? [] : directives.all) {
    for (const id of directive.ruleIds) {
      if (rules.has(id)) continue;
      const at = index.position(directive.offset);
      const guess = closestName(id, rules.keys());
      messages.push({
        ruleId: id,
        severity: 2,
        message:
          post.lang === 'es'
            ? `No existe la regla '${id}' nombrada en postlint-${directive.type}${guess ? ` (¿querías decir '${guess}'?)` : ''}.`
            : `Definition for rule '${id}' was not found (in postlint-${directive.type})${guess ? `; did you mean '${guess}'?` : '.'}`,
        line: at.line,
        column: at.column,
        endLine: at.line,
        endColumn: at.column,
      });
    }
  }
  messages.sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId ?? '').localeCompare(b.ruleId ?? ''));
  const errorCount = messages.filter((m) => m.severity === 2).length;
  return {
    filePath,
    messages,
    errorCount,
    warningCount: messages.length - errorCount,
    fatalErrorCount: 0,
    lang: post.lang,
    platforms: post.platforms,
    source,
  };
}
