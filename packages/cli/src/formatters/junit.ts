/**
 * JUnit XML, for CI systems that only read test reports (GitLab, Jenkins, Azure
 * Pipelines): one <testsuite> per file, one failing <testcase> per problem, one passing
 * <testcase> for a clean file. A fatal problem is an <error> rather than a <failure>:
 * in JUnit's terms the file could not be checked at all, and every CI shows both as failed.
 */
import type { LintMessage, LintResult } from '@postlint/core';
import type { Formatter, FormatterContext } from './types.js';
import { isFatal, portablePath, positionOf, ruleIdOf, severityWord } from './shared.js';

/** Everything outside XML 1.0's Char production, lone surrogates included (`u` flag). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // Character references survive parsing: a literal \r is normalised away, and in an
  // attribute \n and \t would be turned into spaces.
  '\r': '&#13;',
  '\n': '&#10;',
  '\t': '&#9;',
};

function escapeText(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/[&<>\r]/g, (char) => ENTITIES[char] ?? char);
}

function escapeAttribute(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/[&<>"'\r\n\t]/g, (char) => ENTITIES[char] ?? char);
}

type Attributes = Readonly<Record<string, string | number>>;

function open(name: string, attributes: Attributes, selfClose = false): string {
  const rendered = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeAttribute(String(value))}"`)
    .join('');
  return `<${name}${rendered}${selfClose ? ' /' : ''}>`;
}

function problemCase(message: LintMessage, file: string, context: FormatterContext): string {
  const { line, column } = positionOf(message);
  const ruleId = ruleIdOf(message);
  const docsUrl = message.ruleId === null ? undefined : (context.rules.get(ruleId)?.docsUrl ?? message.docsUrl);
  const body = [`${file}:${line}:${column}: ${severityWord(message)}: ${message.message} (${ruleId})`];
  if (docsUrl !== undefined && docsUrl !== '') body.push(`Docs: ${docsUrl}`);
  const element = isFatal(message) ? 'error' : 'failure';
  return [
    `    ${open('testcase', { classname: file, name: `${ruleId} at ${line}:${column}` })}`,
    `      ${open(element, { message: message.message, type: ruleId })}${escapeText(body.join('\n'))}</${element}>`,
    '    </testcase>',
  ].join('\n');
}

function suite(result: LintResult, context: FormatterContext): { xml: string; tests: number; failures: number; errors: number } {
  const file = portablePath(result.filePath, context.cwd);
  const errors = result.messages.filter(isFatal).length;
  const failures = result.messages.length - errors;
  const tests = Math.max(1, result.messages.length);
  const cases =
    result.messages.length === 0
      ? [`    ${open('testcase', { classname: file, name: 'postlint' }, true)}`]
      : result.messages.map((message) => problemCase(message, file, context));
  const xml = [
    `  ${open('testsuite', { name: file, tests, failures, errors, skipped: 0 })}`,
    ...cases,
    '  </testsuite>',
  ].join('\n');
  return { xml, tests, failures, errors };
}

export const junit: Formatter = (results, context) => {
  const suites = results.map((result) => suite(result, context));
  const sum = (key: 'tests' | 'failures' | 'errors'): number => suites.reduce((total, s) => total + s[key], 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    open('testsuites', { name: 'postlint', tests: sum('tests'), failures: sum('failures'), errors: sum('errors') }),
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
};
