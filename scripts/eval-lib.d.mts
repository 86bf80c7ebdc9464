// Types of eval-lib.mjs, so TypeScript tests can import it.
import type { Brand, Rule } from '@postlint/core';

/** true: the rule should warn; false: it should not; null: the rule does not apply. */
export type Label = boolean | null;

/** Splits never tuned on. */
export declare const HELD_OUT: readonly string[];

export interface EvalPost {
  /** Path relative to the corpus folder, e.g. `dev/001-es-….md`. */
  readonly file: string;
  readonly split: string;
  readonly lang: string;
  readonly source: string;
  readonly labels: Readonly<Record<string, Label | undefined>>;
  readonly kind?: string;
  readonly hard?: readonly string[];
  readonly note?: string;
}

export interface Score {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly tn: number;
  readonly n: number;
  readonly precision: number | null;
  readonly recall: number | null;
  readonly f1: number | null;
}

export interface Row {
  readonly split: string;
  /** A language code, or `all`. */
  readonly lang: string;
  readonly rule: Score;
  readonly baseline: Score | null;
  /** Rule F1 minus baseline F1. */
  readonly gain: number | null;
}

export interface Mistake {
  readonly rule: string;
  readonly split: string;
  readonly file: string;
  readonly lang: string;
  readonly kind: 'FP' | 'FN';
  /** `line:column message` of each report (empty for a false negative). */
  readonly messages: readonly string[];
  readonly hard: readonly string[];
  readonly note: string;
}

export interface Evaluation {
  readonly posts: number;
  readonly splits: readonly string[];
  readonly langs: readonly string[];
  readonly rules: readonly { readonly id: string; readonly rows: readonly Row[] }[];
  /** Rule ids asked for but not in the rules map. */
  readonly missing: readonly string[];
  readonly mistakes: readonly Mistake[];
}

export type Baseline = (text: string) => boolean;

export interface EvaluateInput {
  readonly posts: readonly EvalPost[];
  readonly rules: ReadonlyMap<string, Rule>;
  readonly ruleIds?: readonly string[];
  readonly brand?: Brand;
  readonly baselines?: Readonly<Record<string, Baseline>>;
  /** Splits whose mistakes are kept (default: `['dev']`). */
  readonly explainSplits?: readonly string[];
}

export interface Targets {
  readonly precision: number;
  readonly recall: number;
  readonly gain: number;
}

export const CONTENT_RULES: readonly string[];
export const TARGETS: Targets;
export const BASELINES: Readonly<Record<string, Baseline>>;
export const BASELINE_DESCRIPTIONS: Readonly<Record<string, string>>;
export function stripFrontmatter(source: string): string;
export function loadCorpus(dir: string): { brand: Brand; posts: EvalPost[] };
export function score(counts: { tp: number; fp: number; fn: number; tn: number }): Score;
export function evaluate(input: EvaluateInput): Promise<Evaluation>;
export function targetsMet(row: Row, targets?: Targets): { precision: boolean; recall: boolean; gain: boolean };
export function splitTable(evaluation: Evaluation, split: string, options?: { targets?: boolean }): string;
export function renderQualityDoc(evaluation: Evaluation, options?: { heldOut?: string; tuning?: string }): string;
export function consoleTable(evaluation: Evaluation): string;
