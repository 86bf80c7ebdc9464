/** Helpers shared by the formatters (not part of the public API). */
import path from 'node:path';
import type { LintMessage } from '@postlint/core';

/**
 * Rule id used where a format needs one for a problem with the file itself
 * (`ruleId: null`, `fatal: true`): SARIF, GitHub titles, GitLab check names, JUnit types.
 */
export const FATAL_RULE_ID = 'fatal';

export function ruleIdOf(message: LintMessage): string {
  return message.ruleId ?? FATAL_RULE_ID;
}

export function isFatal(message: LintMessage): boolean {
  return message.fatal === true || message.ruleId === null;
}

/**
 * `filePath` relative to `cwd`, with the platform's separators. Names that are not
 * absolute (`<stdin>`) are shown as given; a file that is `cwd` itself keeps its path.
 */
export function relativePath(filePath: string, cwd: string): string {
  if (!path.isAbsolute(filePath)) return filePath;
  const relative = path.relative(cwd, filePath);
  return relative === '' ? filePath : relative;
}

/** Relative path with forward slashes, as CI systems and SARIF URIs expect. */
export function portablePath(filePath: string, cwd: string): string {
  return relativePath(filePath, cwd).split(path.sep).join('/');
}

/** True when `filePath` is absolute and lies outside `cwd` (a relative path would start with `..`). */
export function isOutside(filePath: string, cwd: string): boolean {
  if (!path.isAbsolute(filePath)) return false;
  const relative = path.relative(cwd, filePath);
  return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
}

export interface Position {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

const atLeastOne = (n: number | undefined): number =>
  n !== undefined && Number.isInteger(n) && n >= 1 ? n : 1;

/**
 * 1-based position with a well-formed end. Machine formats reject 0 or an end before
 * the start, and a fatal problem may come with no real position, so clamp rather than trust.
 */
export function positionOf(message: LintMessage): Position {
  const line = atLeastOne(message.line);
  const column = atLeastOne(message.column);
  const endLine = Math.max(line, atLeastOne(message.endLine));
  const rawEndColumn = atLeastOne(message.endColumn);
  const endColumn = endLine === line ? Math.max(column, rawEndColumn) : rawEndColumn;
  return { line, column, endLine, endColumn };
}

export function severityWord(message: LintMessage): 'error' | 'warning' {
  return message.severity === 2 ? 'error' : 'warning';
}
