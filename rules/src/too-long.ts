import { PLATFORMS, defineRule, getPlatform, measure, type Measurement } from '@postlint/core';
import { numberFormat } from './lib/i18n.js';

export type Options = {
  /** Per-platform limit overrides, e.g. `{ "mastodon": 1000 }` for an instance that allows more. */
  limits: Record<string, number>;
};

const UNITS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  en: { chars: 'characters', bytes: 'bytes', char: 'character', byte: 'byte' },
  es: { chars: 'caracteres', bytes: 'bytes', char: 'carácter', byte: 'byte' },
};



interface Failure {
  readonly m: Measurement;
  readonly name: string;
  /** Over the byte limit (Bluesky) rather than the character limit. */
  readonly bytes: boolean;
}

function describe(f: Failure, lang: string): { count: string; over: string; excess: number } {
  const units = UNITS[lang] ?? UNITS.en ?? {};
  const inBytes = f.bytes || f.m.unit === 'utf8-bytes';
  const n = numberFormat(lang);
  const length = f.bytes ? (f.m.bytes ?? 0) : f.m.length;
  const limit = f.bytes ? (f.m.byteLimit ?? 0) : f.m.limit;
  const excess = length - limit;
  const unit = (count: number): string => units[`${inBytes ? 'byte' : 'char'}${count === 1 ? '' : 's'}`] ?? '';
  const about = f.m.approximate ? (lang === 'es' ? 'unos ' : 'about ') : '';
  const on = lang === 'es' ? 'en' : 'on';
  return {
    count: `${about}${n.format(length)}/${n.format(limit)} ${unit(length)} ${on} ${f.name}`,
    over: `${n.format(excess)} ${unit(excess)}`,
    excess,
  };
}

export default defineRule<Options>({
  meta: {
    id: 'too-long',
    description: {
      en: 'The post (or a part of a thread) is longer than its platform allows, counted the way that platform counts.',
      es: 'La publicación (o una parte del hilo) supera el límite de su red, contado como lo cuenta esa red.',
    },
    recommended: 'error',
    languages: ['*'],
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        limits: {
          type: 'object',
          propertyNames: { enum: Object.keys(PLATFORMS) },
          additionalProperties: { type: 'integer', minimum: 1 },
          description: 'Limit per platform id, overriding the registry, e.g. { "mastodon": 1000 } for an instance that allows longer posts.',
        },
      },
    },
    defaultOptions: { limits: {} },
    messages: {
      en: {
        tooLong: '{{subject}} is too long: {{counts}}. Cut at least {{over}} from the highlighted text on{{fits}}.',
      },
      es: {
        tooLong: '{{subject}} es demasiado larga: {{counts}}. Recorta al menos {{over}} a partir del texto marcado{{fits}}.',
      },
    },
  },
  check(post, context) {
    const { lang } = post;
    const cw = typeof post.frontmatter.cw === 'string' ? post.frontmatter.cw : undefined;
    for (const part of post.parts) {
      const failures: Failure[] = [];
      const fits: string[] = [];
      for (const id of post.platforms) {
        const spec = getPlatform(id);
        if (!spec) continue;
        const maxChars = context.options.limits[spec.id];
        const m = measure(part.raw.text, spec.id, {
          ...(maxChars === undefined ? {} : { maxChars }),
          ...(cw === undefined ? {} : { contentWarning: cw }),
        });
        if (m.overflowIndex === null) fits.push(spec.name);
        else failures.push({ m, name: spec.name, bytes: m.length <= m.limit });
      }
      const first = failures[0];
      if (!first) continue;
      const start = Math.min(...failures.map((f) => f.m.overflowIndex ?? part.raw.text.length));
      const described = failures.map((f) => describe(f, lang));
      const total = post.parts.length;
      const subject =
        total > 1
          ? lang === 'es'
            ? `La parte ${part.index + 1} de ${total}`
            : `Part ${part.index + 1} of ${total}`
          : lang === 'es'
            ? 'La publicación'
            : 'This post';
      const fitsText = fits.length > 0 ? (lang === 'es' ? `; cabe en ${fits.join(', ')}` : `; it fits ${fits.join(', ')}`) : '';
      context.report({
        messageId: 'tooLong',
        range: part.raw.range(start, part.raw.text.length),
        data: {
          subject,
          counts: described.map((d) => d.count).join(', '),
          // Enough to fit every platform the post is going to: the largest excess.
          over: described.reduce((a, b) => (b.excess > a.excess ? b : a)).over,
          fits: fitsText,
        },
      });
    }
  },
});
