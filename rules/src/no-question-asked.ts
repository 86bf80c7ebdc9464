import { defineRule, type Brand, type Post } from '@postlint/core';
import { findInAnyLanguage, loadLexicon } from './lib/lexicon.js';
import { fold, maskNonProse, sentences } from './lib/text.js';
import { analyseVoice } from './lib/voice.js';

export type Options = {
  /** More phrases that count as inviting a reply. */
  extraInvitations: string[];
};

/** Quoted speech: a question someone else asked is not a question to the reader. */
const QUOTED = /"[^"\n]*"|“[^”\n]*”|«[^»\n]*»|‘[^’\n]*’/gu;

/**
 * True when the text asks the reader something: a "?" in prose that is not a rhetorical
 * hook answered by a pitch, or an invitation to answer.
 */
async function asks(post: Post, extra: readonly string[], brand: Brand): Promise<boolean> {
  const view = post.plain;
  const prose = maskNonProse(view.text, view.code).replace(QUOTED, (m) => ' '.repeat(m.length));
  // "Se quejan en los comentarios" talks about the comments; it does not invite one. A
  // code-switched post ("Tell us qué plato…") invites in either language.
  if (findInAnyLanguage(fold(prose), loadLexicon('no-question-asked'), post.lang, 'invitations', 'notInvitations', extra).length > 0) return true;
  if (!/[?¿]/u.test(prose)) return false;
  const voice = await analyseVoice({ text: prose, code: [] }, { lang: post.lang, brand });
  return voice.sentences.some((s) => s.question && !s.rhetorical);
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
  async check(post, context) {
    const view = post.plain;
    if (view.text.trim() === '' || (await asks(post, context.options.extraInvitations, context.brand))) return;
    // Point at the last sentence: that is where a question usually goes.
    const list = sentences(view.text);
    const last = list[list.length - 1];
    if (!last) return;
    context.report({ messageId: 'noQuestion', range: view.range(last.start, last.end) });
  },
});
