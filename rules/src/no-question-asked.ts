import { defineRule, type TextView } from '@postlint/core';
import { loadLexicon, phrases } from './lib/lexicon.js';
import { compilePhrases, findAll, fold, maskNonProse, sentences } from './lib/text.js';

export type Options = {
  /** More phrases that count as inviting a reply. */
  extraInvitations: string[];
};

/** Quoted speech: a question someone else asked is not a question to the reader. */
const QUOTED = /"[^"\n]*"|“[^”\n]*”|«[^»\n]*»|‘[^’\n]*’/gu;

/** True when the text asks the reader something: a "?" in prose, or an invitation to answer. */
function asks(view: TextView, lang: string, extra: readonly string[]): boolean {
  const prose = maskNonProse(view.text, view.code).replace(QUOTED, (m) => ' '.repeat(m.length));
  if (/[?¿]/u.test(prose)) return true;
  const invitations = compilePhrases(phrases(loadLexicon('no-question-asked'), lang, 'invitations', extra));
  return findAll(fold(prose), invitations, 'invitation').length > 0;
}

export default defineRule<Options>({
  meta: {
    id: 'no-question-asked',
    description: {
      en: 'The post neither asks the reader anything nor invites a reply.',
      es: 'La publicación no pregunta nada ni invita a responder.',
    },
    recommended: 'warn',
    languages: ['en', 'es'],
    // A reply answers someone; it need not open a new conversation.
    appliesTo: ['post'],
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        extraInvitations: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'More phrases that invite a reply without a question mark, e.g. "vote in our stories".' },
      },
    },
    defaultOptions: { extraInvitations: [] },
    messages: {
      en: {
        noQuestion:
          'Nothing in this post asks the reader anything or invites a reply. End with a question or an invitation, e.g. “Which one would you pick?” or “Tell us in the comments.”',
      },
      es: {
        noQuestion:
          'La publicación no pregunta nada ni invita a responder. Termina con una pregunta o una invitación, p. ej. «¿Cuál elegirías?» o «Cuéntanoslo en comentarios».',
      },
    },
  },
  check(post, context) {
    const view = post.plain;
    if (view.text.trim() === '' || asks(view, post.lang, context.options.extraInvitations)) return;
    // Point at the last sentence: that is where a question usually goes.
    const list = sentences(view.text);
    const last = list[list.length - 1];
    if (!last) return;
    context.report({ messageId: 'noQuestion', range: view.range(last.start, last.end) });
  },
});
