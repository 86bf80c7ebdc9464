/**
 * ESLint's `json` format, key for key, so tools that read ESLint output (editors,
 * reviewdog, dashboards) read postlint's. postlint-only fields (lang, platforms,
 * source, range, docsUrl) are left out: consumers validate these objects strictly.
 */
import type { LintMessage, LintResult } from '@postlint/core';
import type { Formatter } from './types.js';

/** ESLint's `LintMessage`, limited to what postlint can fill. */
interface EslintMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  messageId?: string;
  endLine: number;
  endColumn: number;
  fatal?: true;
  suggestions?: { desc: string; fix: { range: [number, number]; text: string } }[];
}

/** ESLint's `LintResult` (without `source`/`output`, which ESLint also omits when unused). */
interface EslintResult {
  filePath: string;
  messages: EslintMessage[];
  suppressedMessages: EslintMessage[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  usedDeprecatedRules: never[];
}

function toEslintMessage(message: LintMessage): EslintMessage {
  // Built key by key, in ESLint's order, so nothing postlint-specific leaks through.
  const { messageId, suggestions } = message;
  return {
    ruleId: message.ruleId,
    severity: message.severity,
    message: message.message,
    line: message.line,
    column: message.column,
    ...(messageId === undefined ? {} : { messageId }),
    endLine: message.endLine,
    endColumn: message.endColumn,
    ...(message.fatal === true ? { fatal: true as const } : {}),
    ...(suggestions === undefined || suggestions.length === 0
      ? {}
      : {
          suggestions: suggestions.map((suggestion) => ({
            desc: suggestion.desc,
            fix: { range: [suggestion.range[0], suggestion.range[1]] as [number, number], text: suggestion.text },
          })),
        }),
  };
}

function toEslintResult(result: LintResult): EslintResult {
  return {
    filePath: result.filePath,
    messages: result.messages.map(toEslintMessage),
    suppressedMessages: [],
    errorCount: result.errorCount,
    fatalErrorCount: result.fatalErrorCount,
    warningCount: result.warningCount,
    // postlint never fixes on its own; suggestions are not fixes (ESLint counts them the same way).
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
}

export const json: Formatter = (results) => JSON.stringify(results.map(toEslintResult));
