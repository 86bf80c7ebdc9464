import { PLATFORMS, defineRule, getPlatform } from '@postlint/core';
import { findHashtags, type SocialToken } from './lib/social.js';

export type Options = {
  /** Most hashtags per platform id; overrides both the advised counts and the registry's caps. */
  max: Record<string, number>;
};

/**
 * Advised counts for platforms without a hard cap (marketing advice, see docs/platforms.md).
 * Platforms with a cap in the registry (Instagram 5, Threads 1) use the cap unless `max` says
 * otherwise; platforms in neither list are not checked.
 */
export const DEFAULT_MAX: Readonly<Record<string, number>> = {
  x: 2,
  linkedin: 5,
  facebook: 3,
  bluesky: 3,
  mastodon: 5,
  tiktok: 5,
  // YouTube ignores every hashtag of a video that has more than 15 (its 2018 policy).
  youtube: 15,
};


/** The first occurrence of each distinct tag, in order. */
export function distinctHashtags(tags: readonly SocialToken[]): SocialToken[] {
  const seen = new Set<string>();
  return tags.filter((t) => !seen.has(t.key) && seen.add(t.key));
}

interface Limit {
  readonly name: string;
  readonly max: number;
  /** Where the number comes from: the platform's own cap, advice, or the user's configuration. */
  readonly source: 'cap' | 'advice' | 'config';
}

function limitFor(id: string, options: Options): Limit | undefined {
  const spec = getPlatform(id);
  if (!spec) return undefined;
  const configured = options.max[spec.id];
  const advised = DEFAULT_MAX[spec.id];
  // A number set in the configuration wins, then the platform's own cap, then the advice.
  if (configured !== undefined && configured !== advised) return { name: spec.name, max: configured, source: 'config' };
  if (spec.hashtagCap !== undefined) return { name: spec.name, max: spec.hashtagCap, source: 'cap' };
  return advised === undefined ? undefined : { name: spec.name, max: advised, source: 'advice' };
}

const MESSAGE = { cap: 'overCap', advice: 'overAdvice', config: 'overConfigured' } as const;

export default defineRule<Options>({
  meta: {
    id: 'hashtag-overload',
    description: {
      en: 'A post has more hashtags than its platform accepts or than is advised there.',
      es: 'Una publicación lleva más hashtags de los que admite su red o de los que se aconsejan en ella.',
    },
    recommended: 'warn',
    languages: ['*'],
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        max: {
          type: 'object',
          propertyNames: { enum: Object.keys(PLATFORMS) },
          additionalProperties: { type: 'integer', minimum: 0 },
          description:
            'Most hashtags per platform id. Platforms left out keep the default; Instagram (5) and Threads (1) use the registry cap unless set here, e.g. { "instagram": 30 } for an account that still uses the old limit.',
        },
      },
    },
    defaultOptions: { max: { ...DEFAULT_MAX } },
    messages: {
      en: {
        overCap: '{{subject}} has {{count}} hashtags, but {{platform}} takes at most {{max}}. Choose the ones that describe it best and remove the rest, from {{tag}} on.',
        overAdvice:
          '{{subject}} has {{count}} hashtags; on {{platform}} more than {{max}} look like spam and reach no one new. Keep the {{max}} most relevant and remove the rest, from {{tag}} on.',
        overConfigured: '{{subject}} has {{count}} hashtags; the project’s configuration allows {{max}} on {{platform}}. Keep the most relevant and remove the rest, from {{tag}} on.',
      },
      es: {
        overCap: '{{subject}} tiene {{count}} hashtags, pero {{platform}} admite como máximo {{max}}. Quédate con los que mejor la describen y quita el resto a partir de {{tag}}.',
        overAdvice:
          '{{subject}} tiene {{count}} hashtags; en {{platform}} más de {{max}} parecen spam y no llegan a más gente. Quédate con los {{max}} más relevantes y quita el resto a partir de {{tag}}.',
        overConfigured: '{{subject}} tiene {{count}} hashtags; la configuración del proyecto admite {{max}} en {{platform}}. Quédate con los más relevantes y quita el resto a partir de {{tag}}.',
      },
    },
  },
  check(post, context) {
    const limits = post.platforms.map((id) => limitFor(id, context.options)).filter((l): l is Limit => l !== undefined);
    if (limits.length === 0) return;
    const total = post.parts.length;
    const es = post.lang === 'es';
    for (const part of post.parts) {
      const view = part.plain;
      const tags = distinctHashtags(findHashtags(view.text, view.code));
      // The strictest platform the part fails; a hard cap wins a tie with advice.
      const failing = limits.filter((l) => tags.length > l.max).sort((a, b) => a.max - b.max || Number(b.source === 'cap') - Number(a.source === 'cap'));
      const worst = failing[0];
      if (!worst) continue;
      const over = tags[worst.max];
      if (!over) continue;
      const subject = total > 1 ? (es ? `La parte ${part.index + 1} de ${total}` : `Part ${part.index + 1} of ${total}`) : es ? 'La publicación' : 'This post';
      context.report({
        messageId: MESSAGE[worst.source],
        range: view.range(over.start, over.end),
        data: { subject, count: tags.length, platform: worst.name, max: worst.max, tag: over.text },
      });
    }
  },
});
