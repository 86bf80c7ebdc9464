/**
 * ESLint's default "stylish" output: per file, aligned `line:col  severity  message  rule`
 * rows, then a one-line summary. Alignment counts terminal cells, not UTF-16 units, so
 * Spanish accents and emoji in messages do not push the rule ids out of line.
 */
import pc from 'picocolors';
import type { LintMessage } from '@postlint/core';
import type { Formatter } from './types.js';
import { positionOf, relativePath, severityWord } from './shared.js';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Clusters that take no cell: combining marks, ZWJ/variation selectors, control characters. */
const ZERO_WIDTH = /^[\p{Mark}\p{Default_Ignorable_Code_Point}\p{Control}]+$/u;
/** Clusters a terminal draws as a two-cell picture: emoji presentation, VS16, flags. */
const EMOJI = /\p{Emoji_Presentation}|\uFE0F|\p{Regional_Indicator}/u;

/** East Asian Wide and Fullwidth blocks (Hangul, CJK, kana, fullwidth forms). */
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3fffd],
];

function graphemeWidth(cluster: string): number {
  if (ZERO_WIDTH.test(cluster)) return 0;
  if (EMOJI.test(cluster)) return 2;
  const codePoint = cluster.codePointAt(0) ?? 0;
  return WIDE_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to) ? 2 : 1;
}

/** Terminal cells `text` occupies (monospace font, no ANSI codes in `text`). */
export function stringWidth(text: string): number {
  let width = 0;
  for (const { segment } of graphemes.segment(text)) width += graphemeWidth(segment);
  return width;
}

const spaces = (count: number): string => ' '.repeat(Math.max(0, count));

/**
 * One line of plain text: a newline in a message would break the table, and control
 * characters from a draft (an ESC in a quoted word) must not reach the terminal.
 */
function printable(text: string): string {
  return text
    .replace(/[^\S\n\r]*[\r\n]+\s*/g, ' ')
    .replace(/\t/g, ' ')
    .replace(
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      /[\u0000-\u001f\u007f-\u009f]/g,
      (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`,
    );
}

interface Row {
  readonly line: string;
  readonly column: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly ruleId: string;
}

function toRow(message: LintMessage): Row {
  const { line, column } = positionOf(message);
  return {
    line: String(line),
    column: String(column),
    severity: severityWord(message),
    // Like ESLint: a final period adds nothing in a table.
    message: printable(message.message).replace(/([^ ])\.$/u, '$1'),
    ruleId: message.ruleId === null ? '' : printable(message.ruleId),
  };
}

const maxWidth = (values: readonly string[]): number =>
  values.reduce((max, value) => Math.max(max, stringWidth(value)), 0);

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

export const stylish: Formatter = (results, context) => {
  const c = pc.createColors(context.color);
  let errors = 0;
  let warnings = 0;
  let output = '\n';

  for (const result of results) {
    if (result.messages.length === 0) continue;
    const rows = result.messages.map(toRow);
    const lineWidth = maxWidth(rows.map((row) => row.line));
    const columnWidth = maxWidth(rows.map((row) => row.column));
    const severityWidth = maxWidth(rows.map((row) => row.severity));
    const messageWidth = maxWidth(rows.map((row) => row.message));

    output += `${c.underline(printable(relativePath(result.filePath, context.cwd)))}\n`;
    for (const row of rows) {
      if (row.severity === 'error') errors += 1;
      else warnings += 1;
      // Padding stays outside the colour codes so widths are measured on plain text.
      const position =
        spaces(lineWidth - stringWidth(row.line)) +
        c.dim(`${row.line}:${row.column}`) +
        spaces(columnWidth - stringWidth(row.column));
      const severity =
        (row.severity === 'error' ? c.red(row.severity) : c.yellow(row.severity)) +
        spaces(severityWidth - row.severity.length);
      // A fatal problem has no rule id: end the row at the message, without padding.
      const cells =
        row.ruleId === ''
          ? [position, severity, row.message]
          : [position, severity, row.message + spaces(messageWidth - stringWidth(row.message)), c.dim(row.ruleId)];
      output += `  ${cells.join('  ')}\n`;
    }
    output += '\n';
  }

  const total = errors + warnings;
  if (total === 0) return '';
  const paint = errors > 0 ? c.red : c.yellow;
  output += `${c.bold(paint(`\u2716 ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`))}\n`;
  return output;
};
