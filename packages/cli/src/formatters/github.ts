/**
 * GitHub Actions workflow commands (`::error file=…::message`), which the runner turns
 * into annotations on the pull request's diff. Paths are relative to cwd, which in a
 * workflow is the checkout (GITHUB_WORKSPACE), as the annotations expect.
 */
import type { Formatter } from './types.js';
import { portablePath, positionOf, ruleIdOf, severityWord } from './shared.js';

/** Escaping of a command's data (after `::`), as the Actions runner unescapes it. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a property value: data escaping plus the separators `:` and `,`. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const github: Formatter = (results, context) => {
  const lines: string[] = [];
  for (const result of results) {
    const file = escapeProperty(portablePath(result.filePath, context.cwd));
    for (const message of result.messages) {
      const { line, column, endLine, endColumn } = positionOf(message);
      const properties = [
        `file=${file}`,
        `line=${line}`,
        `col=${column}`,
        `endLine=${endLine}`,
        `endColumn=${endColumn}`,
        `title=${escapeProperty(ruleIdOf(message))}`,
      ].join(',');
      lines.push(`::${severityWord(message)} ${properties}::${escapeData(message.message)}`);
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
};
