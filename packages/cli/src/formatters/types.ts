import type { LintResult, RuleInfo } from '@postlint/core';

/** What every formatter gets besides the results; the CLI decides all of it. */
export interface FormatterContext {
  /** Paths in output are shown relative to this where the format expects relative paths. */
  readonly cwd: string;
  /** Only stylish uses it; formatters never detect a TTY themselves. */
  readonly color: boolean;
  /** Rule id → description, docsUrl, recommended. */
  readonly rules: ReadonlyMap<string, RuleInfo>;
  /** postlint version. */
  readonly version: string;
}

/** Turns results into the text written to stdout (empty string when there is nothing to say). */
export type Formatter = (results: readonly LintResult[], context: FormatterContext) => string;
