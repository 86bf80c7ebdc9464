import { PLATFORMS, defineRule, getPlatform, graphemeLength, type TextView } from '@postlint/core';
import { maskNonProse, sentences, type Sentence } from './lib/text.js';
import { numberFormat } from './lib/i18n.js';

interface Fold {
  chars?: number;
  lines?: number;
}

export type Options = {
  /** Per-platform fold overrides, e.g. `{ "linkedin": { "lines": 2, "chars": 140 } }` for sponsored posts. */
  folds: Record<string, Fold>;
};

/** Abbreviations with inner dots, which `sentences` would cut after their first dot. */
const DOTTED = /(?<![\p{L}\p{N}])(?:e\.\s?g|i\.\s?e|p\.\s?ej|a\.\s?m|p\.\s?m|ee\.\s?uu|s\.\s?l|s\.\s?a)\./giu;

/**
 * The hook: the first sentence of the text (a question is a sentence too). Addresses,
 * mentions and code are blanked first, and so are the dots of numbers ("3.5", "10.30") and
 * of abbreviations ("e.g.", "p. ej."), so none of them ends a sentence.
 */
function hook(view: TextView): Sentence | undefined {
  const masked = maskNonProse(view.text, view.code)
    .replace(/(?<=\d)[.,:](?=\d)/gu, '_')
    .replace(DOTTED, (m) => m.replace(/\./gu, '_'));
  return sentences(masked)[0];
}

/** Index in `raw.text` of the first character at or after `sourceOffset` (raw offsets only grow). */
function rawIndex(raw: TextView, sourceOffset: number): number {
  let lo = 0;
  let hi = raw.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (raw.sourceOffset(mid) < sourceOffset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Failure {
  readonly name: string;
  readonly by: 'chars' | 'lines';
  readonly fold: number;
}

export default defineRule<Options>({
  meta: {
    id: 'above-the-fold',
    description: {
      en: 'The hook (the first sentence) ends after the point where the platform hides the rest of the post behind “see more”.',
      es: 'El gancho (la primera frase) termina después del punto en que la red oculta el resto tras «ver más».',
    },
    recommended: 'warn',
    languages: ['*'],
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        folds: {
          type: 'object',
          propertyNames: { enum: Object.keys(PLATFORMS) },
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            minProperties: 1,
            properties: {
              chars: { type: 'integer', minimum: 1, description: 'Characters (grapheme clusters) shown before “see more”.' },
              lines: { type: 'integer', minimum: 1, description: 'Lines shown before “see more”, blank lines included.' },
            },
          },
          description:
            'Fold per platform id, replacing the registry’s, e.g. { "linkedin": { "lines": 2, "chars": 140 } } for sponsored LinkedIn posts. A platform without a fold in the registry (Bluesky, Mastodon, Threads) is checked only when it is given one here.',
        },
      },
    },
    defaultOptions: { folds: {} },
    messages: {
      en: {
        pastChars:
          'The first sentence ends at character {{at}}, after {{platform}}’s “see more” at about {{fold}}{{others}}. Readers decide from what they see before the cut: move the hook up or shorten it.',
        pastLines:
          'The first sentence ends on line {{at}}, but {{platform}} shows only {{fold}} lines before “see more” (blank lines count){{others}}. Move the hook up or remove the lines above it.',
      },
      es: {
        pastChars:
          'La primera frase termina en el carácter {{at}}, después del «ver más» de {{platform}}, hacia el {{fold}}{{others}}. Se decide con lo que se ve antes del corte: sube el gancho o acórtalo.',
        pastLines:
          'La primera frase termina en la línea {{at}}, pero {{platform}} solo muestra {{fold}} líneas antes de «ver más» (las líneas en blanco cuentan){{others}}. Sube el gancho o quita las líneas que tiene encima.',
      },
    },
  },
  check(post, context) {
    const part = post.parts[0];
    if (!part) return;
    const first = hook(part.plain);
    if (!first) return;
    // What the reader sees is the raw part as pasted: Markdown syntax and blank lines count.
    const [, sourceEnd] = part.plain.range(first.start, first.end);
    const end = rawIndex(part.raw, sourceEnd);
    const before = part.raw.text.slice(0, end);
    const at = { chars: graphemeLength(before), lines: before.split(/\r\n|\r|\n/u).length };

    const failures: Failure[] = [];
    for (const id of post.platforms) {
      const spec = getPlatform(id);
      if (!spec || failures.some((f) => f.name === spec.name)) continue;
      const fold: Fold | undefined = context.options.folds[spec.id] ?? spec.fold;
      if (!fold) continue;
      if (fold.chars !== undefined && at.chars > fold.chars) failures.push({ name: spec.name, by: 'chars', fold: fold.chars });
      else if (fold.lines !== undefined && at.lines > fold.lines) failures.push({ name: spec.name, by: 'lines', fold: fold.lines });
    }
    const [main, ...rest] = failures;
    if (!main) return;
    const es = post.lang === 'es';
    const others = rest.length === 0 ? '' : es ? `; también queda oculta en ${rest.map((f) => f.name).join(', ')}` : `; it is also hidden on ${rest.map((f) => f.name).join(', ')}`;
    context.report({
      messageId: main.by === 'chars' ? 'pastChars' : 'pastLines',
      range: part.plain.range(first.start, first.end),
      data: { at: numberFormat(post.lang).format(at[main.by]), fold: numberFormat(post.lang).format(main.fold), platform: main.name, others },
    });
  },
});
