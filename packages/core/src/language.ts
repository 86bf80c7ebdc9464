import { franc } from 'franc-min';

/** ISO 639-1 → ISO 639-3 for the languages franc-min knows and postlint may be asked about. */
const ISO3: Readonly<Record<string, string>> = {
  es: 'spa', en: 'eng', pt: 'por', fr: 'fra', de: 'deu', it: 'ita', nl: 'nld', ca: 'cat', ja: 'jpn', zh: 'cmn',
};

/**
 * Function words and spellings that give a language away even in a four-word post,
 * where franc's trigram statistics are close to random. Counted before franc.
 */
const words = (list: string, extra = ''): RegExp =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${list})(?![\\p{L}\\p{N}])${extra}`, 'giu');
const MARKERS: Readonly<Record<string, RegExp>> = {
  es: words('el|la|los|las|de|del|que|y|en|un|una|es|por|para|con|no|se|su|sus|al|lo|como|más|pero|muy|ya|hoy|gracias|hola|tu|te|nuestro|nuestra|nosotros|usted|ustedes|este|esta|todo|todos|también|porque|está|están|son|hay|aquí|mañana|semana', '|[ñ¿¡]|ción(?![\\p{L}])'),
  en: words('the|and|of|to|in|is|it|you|your|that|this|for|on|with|are|was|be|at|we|our|us|have|has|not|but|will|can|from|just|all|thanks|thank|hello|today|week|what|how|why|who|which|new|get'),
};

const NOISE = /(https?:\/\/|www\.)\S+|[@#][\p{L}\p{N}_.]+/gu;

export interface LanguageOptions {
  /** Languages to choose from (ISO 639-1). */
  readonly detect: readonly string[];
  /** Used when the text does not decide. */
  readonly default: string;
}

/** Normalises a language tag from frontmatter or config: `es-MX` → `es`, `EN` → `en`. */
export function normalizeLang(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/u)[0] ?? '';
}

/**
 * Detects the language of a post among `options.detect`: function-word evidence first
 * (stable on short posts), franc-min for longer text where the evidence is close, else the default.
 */
export function detectLanguage(text: string, options: LanguageOptions): { lang: string; detected: boolean } {
  const candidates = options.detect.map(normalizeLang);
  const clean = text.replace(NOISE, ' ');
  const scores = candidates.map((lang) => {
    const re = MARKERS[lang];
    return re ? (clean.match(re) ?? []).length : 0;
  });
  const ranked = scores.map((score, i) => ({ score, lang: candidates[i] ?? '' })).sort((a, b) => b.score - a.score);
  const best = ranked[0];
  const second = ranked[1];
  if (best && best.score > 0) {
    const margin = best.score - (second?.score ?? 0);
    // A clear lead in function words is more reliable than trigrams on social-length text.
    if (margin >= 2 && best.score >= 2 * (second?.score ?? 0)) return { lang: best.lang, detected: true };
  }
  const only = candidates.map((l) => ISO3[l]).filter((c): c is string => c !== undefined);
  if (clean.trim().length >= 40 && only.length > 0) {
    const code = franc(clean, { only, minLength: 40 });
    const lang = candidates.find((l) => ISO3[l] === code);
    if (lang) return { lang, detected: true };
  }
  if (best && best.score > 0 && best.score > (second?.score ?? 0)) return { lang: best.lang, detected: true };
  return { lang: normalizeLang(options.default), detected: false };
}
