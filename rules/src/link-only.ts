import { defineRule } from '@postlint/core';
import { loadLexicon, phrases } from './lib/lexicon.js';
import { blank, compilePhrases, findAll, fold, quote } from './lib/text.js';
import { findHashtags, findMentions } from './lib/social.js';

export type Options = {
  /** Fewest words, besides the link, that make a post more than a link drop. */
  minWords: number;
  /** More labels that say nothing about the link ("new recipe", "en la web"). */
  extraFillers: string[];
};

const TLDS = 'com|net|org|info|biz|io|co|app|dev|shop|store|blog|link|ly|me|tv|eu|es|cat|gal|eus|uk|ie|us|ca|mx|ar|cl|pe|uy|ec|bo|py|ve|cr|do|pt|fr|de|it|nl|be|ch|at';
/** Web addresses: with a scheme, starting with www., or a bare domain with a common ending. */
const URL_SOURCE = `(?:\\b[a-z][a-z\\d+.-]*:\\/\\/|\\bwww\\.)[^\\s<>"]+|(?<![\\p{L}\\p{N}@.\\/-])(?:[a-z\\d](?:[a-z\\d-]*[a-z\\d])?\\.)+(?:${TLDS})(?![\\p{L}\\p{N}-])(?:\\/[^\\s<>"]*)?`;
const URLS = new RegExp(URL_SOURCE, 'gu');
/** A link in the raw Markdown: [text](url), <url>, or an address typed as it is. Images are not links. */
const LINKS = new RegExp(`(?<!!)\\[[^\\]\\n]*\\]\\([^)\\s]+(?:\\s+"[^"\\n]*")?\\)|<(?:https?:\\/\\/|www\\.)[^>\\s]+>|${URL_SOURCE}`, 'gu');
const IMAGES = /!\[[^\]\n]*\]\([^)\n]*\)/gu;
/** Words for the reader: runs of letters (numbers alone, emoji and symbols are not words). */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;
const EMOJI = /\p{Extended_Pictographic}/u;

function list(items: readonly string[], lang: string): string {
  if (items.length <= 1) return items.join('');
  const and = lang === 'es' ? ' y ' : ' and ';
  return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1] ?? ''}`;
}

export default defineRule<Options>({
  meta: {
    id: 'link-only',
    description: {
      en: 'A post (or the first part of a thread) is just a link, maybe with hashtags, mentions or emoji, and no words telling readers why to open it.',
      es: 'Una publicación (o la primera parte de un hilo) es solo un enlace, quizá con hashtags, menciones o emoji, sin palabras que digan al lector por qué abrirlo.',
    },
    recommended: 'warn',
    languages: ['*'],
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        minWords: {
          type: 'integer',
          minimum: 1,
          description: 'Fewest words, besides links, hashtags, mentions and filler labels such as “new post:” or “link:”, for a post to say something about its link.',
        },
        extraFillers: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description: 'More labels that say nothing about the link, on top of the lexicon’s, e.g. “new recipe”.',
        },
      },
    },
    defaultOptions: { minWords: 3, extraFillers: [] },
    messages: {
      en: {
        linkOnly:
          '{{subject}} is only a link{{extras}}, with nothing that tells readers why to open it. Add a sentence on what they will find and why it matters to them, e.g. “Our Easter opening hours, shop by shop:”.',
        fewWords: '{{subject}} is a link with only {{words}} around it, which does not tell readers what they will find. Add a sentence on what it is and why it matters to them.',
      },
      es: {
        linkOnly:
          '{{subject}} es solo un enlace{{extras}}, sin nada que diga por qué abrirlo. Añade una frase sobre lo que va a encontrar el lector y por qué le interesa, p. ej. «Nuestro horario de Semana Santa, tienda por tienda:».',
        fewWords: '{{subject}} es un enlace con solo {{words}} alrededor, que no dice al lector qué va a encontrar. Añade una frase sobre qué es y por qué le interesa.',
      },
    },
  },
  check(post, context) {
    const part = post.parts[0];
    if (!part) return;
    // An image is not a link for the reader: blank `![alt](src)` before looking for links.
    const raw = part.raw.text.replace(IMAGES, (m) => ' '.repeat(m.length));
    const link = [...raw.matchAll(LINKS)][0];
    if (!link) return;

    // What is left for the reader: the readable text without addresses, tags, mentions and fillers.
    const view = part.plain;
    const tags = findHashtags(view.text, view.code);
    const mentions = findMentions(view.text, view.code);
    let text = view.text.replace(URLS, (m) => ' '.repeat(m.length));
    text = blank(text, [...tags, ...mentions].map((t) => [t.start, t.end] as const));
    const wordsOf = (s: string): string[] => [...s.matchAll(WORD)].map((m) => m[0]).filter((w) => /\p{L}/u.test(w));
    const label = wordsOf(text);
    const fillers = compilePhrases(phrases(loadLexicon('link-only'), post.lang, 'fillers', context.options.extraFillers));
    text = blank(text, findAll(fold(text), fillers, 'filler').map((f) => [f.start, f.end] as const));
    if (wordsOf(text).length >= context.options.minWords) return;

    const es = post.lang === 'es';
    const subject = post.parts.length > 1 ? (es ? 'La primera parte del hilo' : 'The first part of this thread') : es ? 'La publicación' : 'This post';
    const extras = [
      ...(tags.length > 0 ? ['hashtags'] : []),
      ...(mentions.length > 0 ? [es ? 'menciones' : 'mentions'] : []),
      ...(EMOJI.test(view.text) ? ['emoji'] : []),
    ];
    const extrasText = extras.length === 0 ? '' : es ? ` con ${list(extras, 'es')}` : ` plus ${list(extras, 'en')}`;
    context.report({
      messageId: label.length === 0 ? 'linkOnly' : 'fewWords',
      range: part.raw.range(link.index, link.index + link[0].length),
      data: { subject, extras: extrasText, words: quote(label.join(' '), post.lang) },
    });
  },
});
