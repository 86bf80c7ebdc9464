import { describe, expect, it } from 'vitest';
import { Recent, bySentence, compilePhrases, findAll, findCategories, fold, maskNonProse, originOf, sentences, tokenize } from '../src/lib/text.js';
import { rng } from '../../packages/core/test/random.js';

const find = (text: string, phrases: string[]): string[] => findAll(fold(text), compilePhrases(phrases), 'x').map((m) => text.slice(m.start, m.end));

describe('phrase matching', () => {
  it('matches whole words, ignoring case and accents', () => {
    expect(find('NUESTRA tienda y nuestra web', ['nuestra'])).toEqual(['NUESTRA', 'nuestra']);
    expect(find('Está abierto, esta semana', ['esta'])).toEqual(['Está', 'esta']);
    expect(find('your four hours of flour', ['our'])).toEqual([]);
  });

  it('keeps accents on short words and does not read acronyms as words', () => {
    expect(find('Un té para ti y te invitamos', ['te'])).toEqual(['te']);
    expect(find('Free US shipping for us', ['us'])).toEqual(['us']);
    expect(find('DM us for details', ['dm us'])).toEqual(['DM us']);
    expect(find('Talk to BKN today', ['BKN'])).toEqual(['BKN']);
  });

  it('supports a trailing * (any ending) and a lone * (any one word)', () => {
    expect(find('Agradecemos tu ayuda y te lo agradecería', ['agradec*'])).toEqual(['Agradecemos', 'agradecería']);
    expect(find('somos los más rápidos de la zona', ['los más *'])).toEqual(['los más rápidos']);
  });

  it('matches symbols and curly quotes like the straight ones in the lexicon', () => {
    expect(find('Now 20% off everything', ['% off'])).toEqual(['% off']);
    expect(find('Thanks for the “feedback”', ['thanks for the "feedback"'])).toEqual(['Thanks for the “feedback”']);
    expect(find('We are #1 and #10', ['#1'])).toEqual(['#1']);
  });

  it('prefers the longest phrase at a position', () => {
    expect(find('as we already said', ['as we', 'as we already said'])).toEqual(['as we already said']);
  });
});

describe('masking and sentences', () => {
  it('masks links (with or without a scheme), e-mail addresses and mentions, keeping length', () => {
    const text = 'See northsidebooks.co.uk/picks or https://x.com/?q=1, mail a@b.es, ping @lola.';
    const masked = maskNonProse(text);
    expect(masked).toHaveLength(text.length);
    expect(masked).not.toMatch(/northside|https|@|lola/u);
    expect(masked).toMatch(/^See\s+or\s+, mail\s+, ping\s+\.$/u);
  });

  it('splits sentences at end marks and line breaks, not inside "p. ej."', () => {
    expect(sentences('Hola. ¿Qué tal? Mira, p. ej. esto.\nY otra línea').map((s) => s.text)).toEqual(['Hola.', '¿Qué tal?', 'Mira, p. ej. esto.', 'Y otra línea']);
  });
});

describe('Recent', () => {
  it('computes a value once while it is among the last few, then again', () => {
    const recent = new Recent<string, number>(2);
    let calls = 0;
    const get = (key: string): number => recent.get(key, () => (calls++, key.length));
    expect([get('a'), get('bb'), get('a'), get('bb')]).toEqual([1, 2, 1, 2]);
    expect(calls).toBe(2);
    get('ccc'); // takes the oldest slot ('a')
    expect(get('bb')).toBe(2);
    expect(calls).toBe(3);
    expect(get('a')).toBe(1);
    expect(calls).toBe(4);
  });
});

describe('bySentence', () => {
  it('puts each item in the sentence it starts in, in list order, and drops the rest', () => {
    const text = 'We bake. You eat!  Gap here? Yes.';
    const list = sentences(text);
    const at = (word: string, from = 0): { start: number; end: number } => ({ start: text.indexOf(word, from), end: text.indexOf(word, from) + word.length });
    const items = [at('eat'), at('We'), at('Yes'), at('bake'), { start: 17, end: 18 }];
    const buckets = bySentence(items, list);
    expect(buckets.map((b) => b.map((m) => text.slice(m.start, m.end)))).toEqual([['We', 'bake'], ['eat'], [], ['Yes']]);
    expect(bySentence(items, [])).toEqual([]);
  });
});

describe('fold', () => {
  // The plain definition: each code point lower-cased and stripped of marks (ñ kept), with
  // the index it came from. fold's fast paths must give the same text and origins.
  const reference = (text: string): { text: string; origins: number[] } => {
    let out = '';
    const origins: number[] = [];
    let i = 0;
    for (const ch of text) {
      const lower = ch.toLowerCase();
      const folded = lower === 'ñ' ? 'ñ' : lower.normalize('NFD').replace(/\p{M}/gu, '');
      for (let k = 0; k < folded.length; k++) origins.push(i);
      out += folded;
      i += ch.length;
    }
    origins.push(i);
    return { text: out, origins };
  };
  const alphabet = ['a', 'Z', ' ', '.', 'é', 'Á', 'ñ', 'Ñ', 'ü', 'ç', '¿', '❤️', '👍🏽', 'e\u0301', 'İ', 'ß', '’', 'ª', 'x', '한', 'Σ'];

  it('gives the same text and origins as folding one code point at a time', () => {
    const random = rng(7);
    for (let round = 0; round < 2000; round++) {
      const text = Array.from({ length: 1 + random(60) }, () => alphabet[random(alphabet.length)]).join('');
      const folded = fold(text);
      const want = reference(text);
      expect(folded.text).toBe(want.text);
      // Every index between code points (matches never start or end inside a surrogate pair).
      const boundaries = [...Array(folded.text.length + 1).keys()].filter((i) => !/[\udc00-\udfff]/u.test(folded.text.charAt(i)) || !/[\ud800-\udbff]/u.test(folded.text.charAt(i - 1)));
      expect(boundaries.map((i) => originOf(folded, i))).toEqual(boundaries.map((i) => want.origins[i]));
    }
  });
});

describe('tokenize', () => {
  // The definition the scanner must agree with.
  const TOKEN = /([\p{L}\p{N}_]+)|\p{Extended_Pictographic}\uFE0F?|[^\s\p{L}\p{N}_]/gu;
  const reference = (text: string): [string, number, number, boolean][] =>
    [...text.matchAll(TOKEN)].map((m) => [m[0], m.index, m.index + m[0].length, m[1] !== undefined]);
  const alphabet = ['a', 'Z', '9', '_', ' ', '\n', '\u00a0', '\u2003', '.', ',', '¿', '?', '#', '@', 'é', 'ñ', 'Ω', 'ß', 'ª', '²', '٣', 'e\u0301', '❤', '\ufe0f', '❤️', '👍', '🏽', '©', '‼', '↔', '\ud83d', '\udc4d', '’', '«', '»', '“', '中', '🇪🇸', '\u200d', '\ufeff'];

  it('gives the tokens of the regular expression that defines them', () => {
    const random = rng(11);
    for (let round = 0; round < 3000; round++) {
      const text = Array.from({ length: 1 + random(40) }, () => alphabet[random(alphabet.length)]).join('');
      const got = tokenize(text).map((t) => [text.slice(t.start, t.end), t.start, t.end, t.word]);
      expect(got).toEqual(reference(text));
    }
  });

  it('reads curly quotes as straight ones and keeps case and accents of short words', () => {
    const folded = fold('«Té» US');
    expect(tokenize(folded.text, folded).map((t) => [t.text, t.raw, t.caps])).toEqual([
      ['"', '', false],
      ['te', 'té', false],
      ['"', '', false],
      ['us', 'us', true],
    ]);
  });
});

describe('findCategories', () => {
  // A brute-force reading of the phrase syntax: at each token, the longest phrase of the
  // category that matches there, skipping tokens inside the category's previous match.
  const words = ['we', 'are', 'the', 'best', 'bakery', 'in', 'town', 'bak', 'baker', 'you', 'our', 'not', 'so', '.', '!'];
  const phraseWords = [...words.filter((w) => w !== '.' && w !== '!'), 'bak*', 'be*', '*'];
  const reference = (text: string, phrases: readonly string[]): string[] => {
    const tokens = tokenize(text).map((t) => t.text);
    const isWord = (t: string): boolean => /^\w+$/u.test(t);
    const fits = (p: string, t: string | undefined): boolean =>
      t !== undefined && (p === '*' ? isWord(t) : p.endsWith('*') ? isWord(t) && t.startsWith(p.slice(0, -1)) : p === t);
    const out: string[] = [];
    for (let i = 0, free = 0; i < tokens.length; i++) {
      if (i < free) continue;
      let best = 0;
      for (const phrase of phrases) {
        const parts = phrase.split(' ');
        if (parts.length > best && parts.every((p, k) => fits(p, tokens[i + k]))) best = parts.length;
      }
      if (best > 0) {
        out.push(tokens.slice(i, i + best).join(' '));
        free = i + best;
      }
    }
    return out;
  };

  it('finds, per category, the leftmost-longest phrases a brute-force scan finds', () => {
    const random = rng(5);
    const phrase = (): string => Array.from({ length: 1 + random(3) }, () => phraseWords[random(phraseWords.length)]).join(' ');
    for (let round = 0; round < 500; round++) {
      // A leading lone "*" is allowed too, but not a phrase of wildcards only.
      const lists = { a: Array.from({ length: 1 + random(6) }, phrase).filter((p) => p !== '*'), b: Array.from({ length: 1 + random(6) }, phrase).filter((p) => p !== '*') };
      const text = Array.from({ length: 1 + random(25) }, () => words[random(words.length)]).join(' ');
      const found = findCategories(fold(text), lists);
      for (const category of ['a', 'b'] as const) {
        expect((found[category] ?? []).map((m) => text.slice(m.start, m.end))).toEqual(reference(text, lists[category]));
      }
    }
  });
});
