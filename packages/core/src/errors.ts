/**
 * An error a user can act on: printed as one line (no stack trace unless --debug).
 * `kind` decides the exit code in the CLI: every kind exits 2, but only `input`
 * errors are per-file (the other files are still linted).
 */
export type PostlintErrorKind = 'usage' | 'config' | 'input';

export class PostlintError extends Error {
  readonly kind: PostlintErrorKind;
  /** File the problem is in, when there is one. */
  readonly file: string | undefined;
  /** 1-based line of the problem inside `file`, when known. */
  readonly line: number | undefined;

  constructor(kind: PostlintErrorKind, message: string, options: { file?: string; line?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PostlintError';
    this.kind = kind;
    this.file = options.file;
    this.line = options.line;
  }
}
