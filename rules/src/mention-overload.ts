import { PLATFORMS, defineRule, getPlatform } from '@postlint/core';
import { findMentions, type SocialToken } from './lib/social.js';

export type Options = {
  /** Most distinct @mentions in one post (or one part of a thread). */
  max: number;
  /** Per-platform overrides of `max`, by platform id. */
  platforms: Record<string, number>;
};


/** Between two of the mentions a reply opens with: spaces, commas, "&", "and", "y", "e". */
const JOINER = /^(?:[\s,;:&]|(?<!\p{L})(?:and|y|e)(?!\p{L}))*$/iu;

/** How many mentions open the text, one after another: the people a reply answers. */
export function leadingMentions(text: string, mentions: readonly SocialToken[]): number {
  let at = 0;
  let count = 0;
  for (const m of mentions) {
    if (!JOINER.test(text.slice(at, m.start))) break;
    at = m.end;
    count++;
  }
  return count;
}

interface Limit {
  readonly name: string;
  readonly max: number;
  readonly cap: boolean;
}

export default defineRule<Options>({
  meta: {
    id: 'mention-overload',
    description: {
      en: 'A post tags more accounts than it is about: too many @mentions read as tagging people for reach.',
      es: 'Una publicación etiqueta más cuentas de las que tienen que ver con ella: demasiadas @menciones parecen buscar alcance.',
    },
    recommended: 'warn',
    languages: ['*'],
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        max: { type: 'integer', minimum: 0, description: 'Most distinct @mentions in one post or one part of a thread.' },
        platforms: {
          type: 'object',
          propertyNames: { enum: Object.keys(PLATFORMS) },
          additionalProperties: { type: 'integer', minimum: 0 },
          description: 'Overrides `max` for some platforms, e.g. { "linkedin": 3 }. A platform cap in the registry applies when it is lower than `max`.',
        },
      },
    },
    defaultOptions: { max: 5, platforms: {} },
    messages: {
      en: {
        tooMany:
          '{{subject}} mentions {{count}} accounts; more than {{max}} reads as tagging people for reach. Keep only the ones it is really about; {{mention}} is one too many.',
        overCap: '{{subject}} mentions {{count}} accounts, but {{platform}} accepts at most {{max}}; {{mention}} and the ones after it will not be tagged.',
      },
      es: {
        tooMany:
          '{{subject}} menciona {{count}} cuentas; más de {{max}} parece etiquetar gente para ganar alcance. Deja solo las que tienen que ver con ella; {{mention}} ya sobra.',
        overCap: '{{subject}} menciona {{count}} cuentas, pero {{platform}} admite como máximo {{max}}; {{mention}} y las siguientes no quedarán etiquetadas.',
      },
    },
  },
  check(post, context) {
    const { max, platforms } = context.options;
    const limits: Limit[] = [{ name: '', max, cap: false }];
    for (const id of post.platforms) {
      const spec = getPlatform(id);
      if (!spec) continue;
      const configured = platforms[spec.id];
      if (configured !== undefined) limits.push({ name: spec.name, max: configured, cap: false });
      else if (spec.mentionCap !== undefined && spec.mentionCap < max) limits.push({ name: spec.name, max: spec.mentionCap, cap: true });
    }
    // A per-platform setting replaces `max` for a post that goes only to that platform.
    const own = limits.slice(1);
    const applicable = own.length === post.platforms.length && own.length > 0 ? own : limits;
    const es = post.lang === 'es';
    const total = post.parts.length;
    for (const part of post.parts) {
      const view = part.plain;
      const all = findMentions(view.text, view.code);
      // In a reply, the accounts it opens with are the people being answered, not tags.
      const counted = post.kind === 'reply' ? all.slice(leadingMentions(view.text, all)) : all;
      const seen = new Set<string>();
      const distinct = counted.filter((m) => !seen.has(m.key) && seen.add(m.key));
      const worst = applicable.filter((l) => distinct.length > l.max).sort((a, b) => a.max - b.max || Number(b.cap) - Number(a.cap))[0];
      if (!worst) continue;
      const over = distinct[worst.max];
      if (!over) continue;
      const subject =
        total > 1
          ? es
            ? `La parte ${part.index + 1} de ${total}`
            : `Part ${part.index + 1} of ${total}`
          : post.kind === 'reply'
            ? es
              ? 'La respuesta'
              : 'This reply'
            : es
              ? 'La publicación'
              : 'This post';
      context.report({
        messageId: worst.cap ? 'overCap' : 'tooMany',
        range: view.range(over.start, over.end),
        data: { subject, count: distinct.length, max: worst.max, platform: worst.name, mention: over.text },
      });
    }
  },
});
