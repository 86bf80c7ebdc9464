/**
 * `postlint stats`: how long each post and each part of a thread is on each platform, with
 * what is left, hashtags, mentions, language and reading time. A plain-text table aligned
 * in columns, or JSON for scripts.
 */
import { getPlatform, measure, type CountUnit, type Post } from '@postlint/core';
import { findHashtags, findMentions } from '@postlint/rules';
import { stringWidth } from './formatters/stylish.js';

export interface StatsOptions {
  readonly format: 'text' | 'json';
  /** Language of the table headers (`es` or `en`; anything else falls back to English). */
  readonly lang: string;
}

/** Always shown, after the post's own platforms, so drafts can be compared across networks. */
const ALWAYS = ['x', 'bluesky', 'mastodon', 'linkedin', 'instagram'] as const;

/** Average silent reading speed used for the reading time. */
const WORDS_PER_MINUTE = 200;

export interface PlatformStats {
  /** Canonical platform id. */
  readonly platform: string;
  readonly name: string;
  /** Length as the platform counts it (see `unit`). */
  readonly length: number;
  readonly limit: number;
  /** limit − length: negative when the part is over. */
  readonly remaining: number;
  readonly unit: CountUnit;
  /** True when the platform's limit or unit is not documented (the count is an estimate). */
  readonly approximate: boolean;
}

export interface PartStats {
  /** 1-based. */
  readonly part: number;
  readonly words: number;
  /** Distinct #hashtags (case-insensitive). */
  readonly hashtags: number;
  /** Distinct @mentions (case-insensitive; `@user@host` is one). */
  readonly mentions: number;
  /** words / 200 per minute, rounded up to whole seconds. */
  readonly readingSeconds: number;
  readonly platforms: readonly PlatformStats[];
}

export interface PostStats {
  readonly file: string;
  readonly lang: string;
  /** The post's own platforms (frontmatter or config). */
  readonly platforms: readonly string[];
  readonly parts: readonly PartStats[];
}

/** Distinct tags or accounts: `#Pan` and `#pan` are one. */
const distinct = (tokens: readonly { key: string }[]): number => new Set(tokens.map((t) => t.key)).size;

/** Words a reader reads: whitespace-separated tokens with a letter or digit (a link is one word). */
function countWords(text: string): number {
  return text.split(/\s+/u).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/** The post's own platforms first, then the always-shown ones, each once, by canonical id. */
function platformsOf(post: Post): string[] {
  const ids = [...post.platforms, ...ALWAYS].map((id) => getPlatform(id)?.id).filter((id): id is string => id !== undefined);
  return [...new Set(ids)];
}

/** The numbers behind the table, one entry per post. */
export function collectStats(posts: readonly Post[]): PostStats[] {
  return posts.map((post) => {
    const cw = typeof post.frontmatter.cw === 'string' ? post.frontmatter.cw : undefined;
    const ids = platformsOf(post);
    const parts = post.parts.map((part): PartStats => {
      const words = countWords(part.plain.text);
      const platforms = ids.map((id): PlatformStats => {
        const m = measure(part.raw.text, id, cw === undefined ? {} : { contentWarning: cw });
        const spec = getPlatform(id);
        return { platform: m.platform, name: spec?.name ?? id, length: m.length, limit: m.limit, remaining: m.limit - m.length, unit: m.unit, approximate: m.approximate };
      });
      return {
        part: part.index + 1,
        words,
        hashtags: distinct(findHashtags(part.plain.text, part.plain.code)),
        mentions: distinct(findMentions(part.plain.text, part.plain.code)),
        readingSeconds: Math.ceil((words * 60) / WORDS_PER_MINUTE),
        platforms,
      };
    });
    return { file: post.path, lang: post.lang, platforms: [...post.platforms], parts };
  });
}

const HEADERS = {
  en: ['File', 'Part', 'Platform', 'Length', 'Limit', 'Left', 'Hashtags', 'Mentions', 'Lang', 'Reading'],
  es: ['Archivo', 'Parte', 'Red', 'Longitud', 'Límite', 'Quedan', 'Hashtags', 'Menciones', 'Idioma', 'Lectura'],
} as const;

const LEGEND = {
  en: { approximate: '~ approximate: the platform does not document how it counts', bytes: 'B = UTF-8 bytes' },
  es: { approximate: '~ aproximado: la red no documenta cómo cuenta', bytes: 'B = bytes UTF-8' },
} as const;

/** Right-aligned columns: the numbers. */
const NUMERIC = new Set([3, 4, 5, 6, 7, 9]);

function readingTime(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const rest = seconds % 60;
  return rest === 0 ? `${Math.floor(seconds / 60)} min` : `${Math.floor(seconds / 60)} min ${rest} s`;
}

/** One line of a table cell: line breaks and control characters from a file name would break the columns. */
function cell(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/gu, ' ');
}

function pad(text: string, width: number, right: boolean): string {
  const gap = ' '.repeat(Math.max(0, width - stringWidth(text)));
  return right ? gap + text : text + gap;
}

function textTable(stats: readonly PostStats[], lang: 'en' | 'es'): string {
  const rows: string[][] = [];
  let approximate = false;
  let bytes = false;
  for (const post of stats) {
    for (const part of post.parts) {
      for (const p of part.platforms) {
        const mark = p.approximate ? '~' : '';
        const unit = p.unit === 'utf8-bytes' ? ' B' : '';
        approximate ||= p.approximate;
        bytes ||= p.unit === 'utf8-bytes';
        rows.push([
          cell(post.file),
          `${part.part}/${post.parts.length}`,
          p.name,
          `${mark}${p.length}${unit}`,
          `${p.limit}${unit}`,
          `${p.remaining}${unit}`,
          String(part.hashtags),
          String(part.mentions),
          post.lang,
          readingTime(part.readingSeconds),
        ]);
      }
    }
  }
  const header: string[] = [...HEADERS[lang]];
  const widths = header.map((h, i) => Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => pad(c, widths[i] ?? 0, NUMERIC.has(i)))
      .join('  ')
      .trimEnd();
  const out = [line(header), ...rows.map(line)];
  const legend = [...(approximate ? [LEGEND[lang].approximate] : []), ...(bytes ? [LEGEND[lang].bytes] : [])];
  if (legend.length > 0) out.push('', ...legend);
  return `${out.join('\n')}\n`;
}

/**
 * Length statistics of posts: per post, per part, per platform (the post's platforms plus X,
 * Bluesky, Mastodon, LinkedIn and Instagram), as a text table aligned in columns or as JSON.
 */
export function statsTable(posts: readonly Post[], options: StatsOptions): string {
  const stats = collectStats(posts);
  if (options.format === 'json') return `${JSON.stringify(stats, null, 2)}\n`;
  return textTable(stats, options.lang === 'es' ? 'es' : 'en');
}
