import { describe, expect, it } from 'vitest';
import { detectLanguage, normalizeLang } from '../src/index.js';

const options = { detect: ['es', 'en'], default: 'en' };
const detect = (text: string): string => detectLanguage(text, options).lang;

describe('detectLanguage', () => {
  it.each([
    ['¡Gracias!', 'es'],
    ['Thanks!', 'en'],
    ['Hoy abrimos a las 9. ¡Os esperamos!', 'es'],
    ['Open today from 9. See you there!', 'en'],
    ['Nuevo horario de verano 🌞', 'es'],
    ['New summer hours 🌞', 'en'],
    ['¿Qué pan preferís para el finde?', 'es'],
    ['Which bread do you want for the weekend?', 'en'],
    ['Mañana cerramos por festivo', 'es'],
    ['We are closed tomorrow', 'en'],
    ['Cita disponible: llama al 555 123 456', 'es'],
    ['Los croissants de hoy están de muerte, y el café también', 'es'],
    ['Our croissants are back and the coffee is on us this week', 'en'],
  ])('short post %j is %s', (text, lang) => {
    expect(detect(text)).toBe(lang);
  });

  it('is stable: the same short post always gets the same language', () => {
    const texts = ['Gracias!', 'Thank you!', 'OK 👍', 'Hola', 'Hello', 'Pan 🥖', 'Bread 🥖'];
    const first = texts.map(detect);
    for (let i = 0; i < 20; i++) expect(texts.map(detect)).toEqual(first);
  });

  it('falls back to the default when the text gives nothing away', () => {
    expect(detectLanguage('OK 👍', options)).toEqual({ lang: 'en', detected: false });
    expect(detectLanguage('🥐🥐🥐', { detect: ['es', 'en'], default: 'es' })).toEqual({ lang: 'es', detected: false });
  });

  it('ignores URLs, @mentions and #hashtags', () => {
    expect(detect('@the_best_shop #TheBestOfTheWeek https://example.com/the/best ¡Gracias por venir!')).toBe('es');
    expect(detect('@panaderia_lola #LaMejorPanadería https://ejemplo.es/de/la/casa Thanks for coming!')).toBe('en');
  });

  it('uses franc on longer text without function-word majority', () => {
    expect(detect('Croissants, baguettes, magdalenas, ensaimadas y napolitanas recién horneadas cada mañana')).toBe('es');
  });

  it('normalises tags', () => {
    expect(normalizeLang('es-MX')).toBe('es');
    expect(normalizeLang('EN_gb')).toBe('en');
  });
});
