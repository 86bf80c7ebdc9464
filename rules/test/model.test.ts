import { describe, expect, it } from 'vitest';
import { loadModel, modelProbability, modelScore, wordFeatures, type WordModel } from '../src/lib/model.js';

describe('word model', () => {
  it('reads folded words and word pairs, not links, handles or skipped ranges', () => {
    const text = 'Thanks, @dave! See https://x.example/a — NOT our fault.';
    expect(wordFeatures(text).sort()).toEqual(['!', '! see', 'fault', 'not', 'not our', 'our', 'our fault', 'see', 'see not', 'thanks', 'thanks !'].sort());
    const at = text.indexOf('NOT');
    expect(wordFeatures(text, [], [[at, at + 3]])).not.toContain('not');
    expect(wordFeatures('Está AQUÍ, año')).toEqual(['esta', 'aqui', 'año', 'esta aqui', 'aqui año']);
  });

  it('scores with the weights of the post’s language, and knows nothing of others', () => {
    const model: WordModel = { threshold: 0.7, languages: { en: { bias: -1, weights: { fault: 2, 'our fault': 1, constructor: 5 } } } };
    expect(modelScore(model, 'en', ['our', 'fault', 'our fault'])).toBe(3);
    expect(modelProbability(model, 'en', ['fault'])).toBeCloseTo(1 / (1 + Math.exp(-1)));
    // Features are looked up as own keys: "constructor" in a post is just a word.
    expect(modelScore(model, 'en', ['toString'])).toBe(0);
    expect(modelProbability(model, 'fr', ['fault'])).toBeNull();
  });

  it('ships a model for defensive-tone in both languages', () => {
    const model = loadModel('defensive-tone');
    expect(model.threshold).toBeGreaterThan(0.5);
    const p = (lang: string, text: string): number => modelProbability(model, lang, wordFeatures(text)) ?? NaN;
    // A plain apology with a fix reads as listening; "down to the driver" as pushing back.
    expect(p('en', 'Thanks for telling us, and sorry. We will replace it today.')).toBeLessThan(model.threshold);
    expect(p('es', 'Gracias por avisarnos y perdona. Hoy mismo te lo cambiamos.')).toBeLessThan(model.threshold);
    expect(p('en', 'Our mechanics followed the schedule exactly. That part is down to the driver, not the garage.')).toBeGreaterThan(model.threshold);
  });
});
