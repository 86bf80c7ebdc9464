import { defineRule } from '@postlint/core';
import { findInAnyLanguage, loadLexicon } from './lib/lexicon.js';
import { fold, maskNonProse, sentences } from './lib/text.js';

export type Options = {
  /** More ways of thanking that count. */
  extraThanks: string[];
};

/** Leading @mentions of the people being answered: a suggested "thanks" goes after them. */
const LEADING_MENTIONS = /^(?:\s*@[\p{L}\p{N}_.]+(?:@[\w.-]+)?[,:]?)+\s*/u;

export default defineRule<Options>({
  meta: {
    id: 'reply-without-thanks',
    description: {
      en: 'A reply to a customer never thanks them for writing.',
      es: 'Una respuesta a un cliente no le da las gracias en ningún momento.',
    },
    recommended: false,
    languages: ['en', 'es'],
    appliesTo: ['reply'],
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        extraThanks: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'More words or phrases that count as thanking, e.g. "much obliged".' },
      },
    },
    defaultOptions: { extraThanks: [] },
    messages: {
      en: {
        noThanks: 'This reply never thanks the person for writing. Even when they are wrong, start by thanking them, e.g. “Thanks for letting us know.”',
        addThanks: 'Start with “Thanks for letting us know.”',
      },
      es: {
        noThanks: 'La respuesta no da las gracias en ningún momento. Aunque no tenga razón, empieza agradeciendo el mensaje, p. ej. «Gracias por avisarnos».',
        addThanks: 'Empieza con «Gracias por avisarnos».',
      },
    },
  },
  check(post, context) {
    const view = post.plain;
    const text = maskNonProse(view.text, view.code);
    const lexicon = loadLexicon('reply-without-thanks');
    const folded = fold(text);
    // Thanks in any of the lexicon's languages counts ("mil gracias" in an English reply,
    // "asante sana" from its `any` list).
    if (findInAnyLanguage(folded, lexicon, post.lang, 'thanks', 'notThanks', context.options.extraThanks).length > 0) return;
    const first = sentences(view.text)[0];
    if (!first) return;
    // The mechanical fix: a thank-you right after the @mentions that open the reply.
    const at = LEADING_MENTIONS.exec(view.text)?.[0].length ?? 0;
    const insert = view.sourceOffset(Math.min(at, view.text.length));
    const phrase = post.lang === 'es' ? 'Gracias por avisarnos. ' : 'Thanks for letting us know. ';
    context.report({
      messageId: 'noThanks',
      range: view.range(first.start, first.end),
      suggest: [{ desc: post.lang === 'es' ? 'Empieza con «Gracias por avisarnos».' : 'Start with “Thanks for letting us know.”', range: [insert, insert], text: phrase }],
    });
  },
});
