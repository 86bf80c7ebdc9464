/** Public types of @postlint/core. Kept in one file so the API stays small and visible. */

export type Severity = 'off' | 'warn' | 'error';
/** ESLint's numeric severities, used in formatter output. */
export type NumericSeverity = 1 | 2;

/** Language code of a post (ISO 639-1, region dropped: `es-MX` → `es`). */
export type Lang = string;

/** [start, end) offsets into `Post.source`, in UTF-16 code units. */
export type Range = readonly [number, number];

/**
 * A view of some text of the post with a map back to the Markdown source, so a rule
 * finds words in `text` and reports `view.range(start, end)`.
 */
export interface TextView {
  readonly text: string;
  /** Source offset of the character at `index` in `text` (index may equal text.length). */
  sourceOffset(index: number): number;
  /** Source range of `text.slice(start, end)`. */
  range(start: number, end: number): Range;
  /** [start, end) index ranges of `text` that came from code spans or blocks (not prose). */
  readonly code: readonly Range[];
}

/** One post of a thread: parts are split on a thematic break (`---`). */
export interface PostPart {
  readonly index: number;
  /** What is pasted into the network: raw Markdown of the part, no directives, trimmed. */
  readonly raw: TextView;
  /** The readable text: Markdown syntax removed, blocks separated by blank lines. */
  readonly plain: TextView;
}

export type PostKind = 'post' | 'reply';

export interface Post {
  readonly path: string;
  /** File content (BOM removed). Ranges point into this. */
  readonly source: string;
  readonly frontmatter: Readonly<Record<string, unknown>>;
  /** Platforms from frontmatter, else from config (never empty). */
  readonly platforms: readonly string[];
  readonly lang: Lang;
  /** How the language was decided, for `--print-config` and debugging. */
  readonly langSource: 'frontmatter' | 'detected' | 'default';
  readonly kind: PostKind;
  readonly parts: readonly PostPart[];
  /** Plain text of the whole body (all parts). */
  readonly plain: TextView;
}

/** A suggestion a user (or an editor) may apply; postlint never applies it without --fix. */
export interface Suggestion {
  readonly desc: string;
  readonly range: Range;
  readonly text: string;
}

export interface ReportDescriptor {
  messageId: string;
  range: Range;
  data?: Readonly<Record<string, string | number>>;
  suggest?: readonly Suggestion[];
}

export interface Brand {
  readonly names: readonly string[];
  readonly handles: readonly string[];
}

export interface RuleContext<Options = unknown> {
  readonly options: Options;
  readonly brand: Brand;
  /** Settings shared with every rule (platform options and the like). */
  readonly settings: Readonly<Record<string, unknown>>;
  report(descriptor: ReportDescriptor): void;
}

/** JSON Schema (draft 2020-12 subset understood by Ajv) for a rule's options object. */
export type JSONSchema = Readonly<Record<string, unknown>>;

export interface RuleMeta {
  readonly id: string;
  readonly description: Readonly<Record<'en' | 'es', string>>;
  readonly recommended: Exclude<Severity, 'off'> | false;
  /** Languages the rule understands; `['*']` for language-independent rules. */
  readonly languages: readonly string[];
  /** Whether the rule applies to `kind: reply` posts, ordinary posts, or both. */
  readonly appliesTo?: readonly PostKind[];
  readonly options?: JSONSchema;
  readonly defaultOptions?: Readonly<Record<string, unknown>>;
  /** Message templates per language with `{{name}}` placeholders. `en` is required. */
  readonly messages: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export interface Rule<Options = Record<string, unknown>> {
  readonly meta: RuleMeta;
  check(post: Post, context: RuleContext<Options>): void | Promise<void>;
}

export interface LintMessage {
  ruleId: string | null;
  severity: NumericSeverity;
  message: string;
  messageId?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Source offsets, for editors and --fix. */
  range?: Range;
  suggestions?: readonly Suggestion[];
  /** Link to the rule's documentation page. */
  docsUrl?: string;
  /** True for problems with the file itself (unreadable, broken frontmatter). */
  fatal?: boolean;
}

/** ESLint's result shape, so ESLint-aware tooling reads postlint output. */
export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
  /** Language and platforms the file was linted as (absent for fatal errors). */
  lang?: Lang;
  platforms?: readonly string[];
  source?: string;
}

/** Metadata of the rules that produced a set of results, for SARIF and docs links. */
export interface RuleInfo {
  readonly id: string;
  readonly description: string;
  readonly docsUrl: string;
  readonly recommended: Exclude<Severity, 'off'> | false;
}
