/** Number formats per message language, created once (they are costly to build). */
const formats = new Map<string, Intl.NumberFormat>();

/** Formats counts the way the post's language writes them: 1,939 (en) or 1939 / 1.939 (es). */
export function numberFormat(lang: string): Intl.NumberFormat {
  let format = formats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'es' ? 'es-ES' : 'en-US');
    formats.set(lang, format);
  }
  return format;
}
