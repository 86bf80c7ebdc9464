/**
 * GitLab Code Quality report (`artifacts:reports:codequality`): the subset of the
 * CodeClimate issue format that GitLab reads. GitLab merges findings with the same
 * fingerprint and compares fingerprints between the source and target branch, so the
 * fingerprint must be stable across runs and unique within one report.
 */
import { createHash } from 'node:crypto';
import type { Formatter } from './types.js';
import { isFatal, portablePath, positionOf, ruleIdOf } from './shared.js';

type Severity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: Severity;
  location: { path: string; lines: { begin: number; end: number } };
}

export const gitlab: Formatter = (results, context) => {
  const issues: CodeQualityIssue[] = [];
  // Identical findings (same file, rule, line and text) would share a fingerprint and be
  // shown once; number the repeats, in report order, which is the same on every run.
  const occurrences = new Map<string, number>();

  for (const result of results) {
    const filePath = portablePath(result.filePath, context.cwd);
    for (const message of result.messages) {
      const { line, endLine } = positionOf(message);
      const checkName = ruleIdOf(message);
      // NUL cannot occur in a path or rule id, so the parts cannot run into each other.
      const key = [filePath, checkName, String(line), message.message].join('\0');
      const seen = occurrences.get(key) ?? 0;
      occurrences.set(key, seen + 1);
      const fingerprint = createHash('sha1')
        .update(seen === 0 ? key : `${key}\0${seen}`)
        .digest('hex');
      issues.push({
        description: message.message,
        check_name: checkName,
        fingerprint,
        severity: isFatal(message) ? 'blocker' : message.severity === 2 ? 'major' : 'minor',
        location: { path: filePath, lines: { begin: line, end: endLine } },
      });
    }
  }
  return JSON.stringify(issues);
};
