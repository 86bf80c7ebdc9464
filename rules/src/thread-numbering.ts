import { defineRule, type PostPart, type Range } from '@postlint/core';

export type Options = {
  /** Report a long thread with no numbering at all. */
  require: boolean;
  /** Parts a thread needs before numbering is required. */
  minParts: number;
};

/** A part's number as written: "1/5", "(1/5)", "[1/5]", "1/", "1/n", with or without 🧵 and bold. */
interface Marker {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly n: number;
  /** The total it states, or undefined for "1/" and "1/n". */
  readonly total: number | undefined;
  readonly open: string;
  readonly close: string;
}

const NUMBER = String.raw`([(\[]?)(\d{1,3})[ \t]*\/[ \t]*(\d{1,3}|[nN])?([)\]]?)`;
/** At the very start of a part, after an optional 🧵 and emphasis: "1/5 Today…", "🧵 (1/5)". */
const AT_START = new RegExp(String.raw`^(?:🧵[ \t]*)?(?:\*\*|__|[*_])?${NUMBER}(?:\*\*|__|[*_])?(?=[\s.:,;🧵👇]|$)`, 'du');
/**
 * At the very end of a part, where a bare "4/5" could be a score ("rated 4/5"), so it must
 * be in brackets, on a line of its own, or next to 🧵.
 */
const AT_END = new RegExp(String.raw`(?:^|[ \t]|(?<=\n))(?:🧵[ \t]*)?(?:\*\*|__|[*_])?${NUMBER}(?:\*\*|__|[*_])?(?:[ \t]*🧵)?$`, 'du');

const PAIRS: Readonly<Record<string, string>> = { '': '', '(': ')', '[': ']' };

function toMarker(m: RegExpExecArray): Marker | undefined {
  const open = m[1] ?? '';
  const close = m[4] ?? '';
  const start = m.indices?.[1]?.[0];
  const end = m.indices?.[4]?.[1];
  if (PAIRS[open] !== close || start === undefined || end === undefined) return undefined;
  const n = Number(m[2]);
  const totalText = m[3];
  const total = totalText === undefined || /^[nN]$/u.test(totalText) ? undefined : Number(totalText);
  // "0/10" and "24/7" are not a part's number; "5/4" is (a total not updated after adding a part).
  if (n < 1 || (total !== undefined && (total < 2 || n > total + 2))) return undefined;
  return { start, end, text: m.input.slice(start, end), n, total, open, close };
}

/** The number a part carries at its start, or else at its end. */
function findMarker(text: string): Marker | undefined {
  const head = AT_START.exec(text);
  const atStart = head ? toMarker(head) : undefined;
  if (atStart) return atStart;
  const trimmed = text.trimEnd();
  const tail = AT_END.exec(trimmed);
  if (!tail) return undefined;
  const marker = toMarker(tail);
  if (!marker) return undefined;
  const alone = /(?:^|\n)[ \t]*$/u.test(trimmed.slice(0, marker.start).replace(/(?:🧵[ \t]*)?(?:\*\*|__|[*_])?$/u, ''));
  return marker.open !== '' || alone || tail[0].includes('🧵') ? marker : undefined;
}

/** "(2/5)" written in the style of an example marker: same brackets, "/n" kept open. */
function styled(n: number, total: number, like: Marker | undefined): string {
  if (!like) return `${n}/${total}`;
  const tail = like.total === undefined ? like.text.match(/\/[ \t]*([nN]?)/u)?.[1] ?? '' : String(total);
  return `${like.open}${n}/${tail}${like.close}`;
}

function firstChar(part: PostPart): Range {
  const cp = part.raw.text.codePointAt(0);
  return part.raw.range(0, cp === undefined ? 0 : cp > 0xffff ? 2 : 1);
}

export default defineRule<Options>({
  meta: {
    id: 'thread-numbering',
    description: {
      en: 'The parts of a thread are numbered inconsistently (missing, out of order, wrong total), or a long thread has no numbers.',
      es: 'Las partes de un hilo están mal numeradas (falta el número, van fuera de orden, el total no cuadra) o un hilo largo no lleva números.',
    },
    recommended: false,
    languages: ['*'],
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        require: { type: 'boolean', description: 'Report a thread of `minParts` or more parts that has no numbering at all. With false, numbering is optional but must be right when used.' },
        minParts: { type: 'integer', minimum: 2, description: 'Parts a thread needs before `require` asks for numbering.' },
      },
    },
    defaultOptions: { require: true, minParts: 3 },
    messages: {
      en: {
        missingAll: 'This {{total}}-part thread has no numbering. Start each part with its place, e.g. “1/{{total}}”, so readers know how long it is and can find their way back.',
        missingSome: 'Part {{n}} has no number, but other parts of the thread do. Add “{{expected}}” to it.',
        outOfOrder: '{{found}} is on part {{n}} of the thread. Number the parts in order: this one is “{{expected}}”.',
        wrongTotal: '{{found}} says the thread has {{said}} parts, but it has {{total}}. Write “{{expected}}”.',
      },
      es: {
        missingAll: 'Este hilo de {{total}} partes no está numerado. Empieza cada parte con su número, p. ej. «1/{{total}}», para que se sepa cuánto dura y por dónde se va.',
        missingSome: 'La parte {{n}} no lleva número y otras partes del hilo sí. Añádele «{{expected}}».',
        outOfOrder: '{{found}} está en la parte {{n}} del hilo. Numera las partes en orden: esta es la «{{expected}}».',
        wrongTotal: '{{found}} dice que el hilo tiene {{said}} partes, pero tiene {{total}}. Escribe «{{expected}}».',
      },
    },
  },
  check(post, context) {
    const parts = post.parts;
    if (parts.length < 2) return;
    const markers = parts.map((p) => findMarker(p.raw.text));
    const numbered = markers.filter((m) => m !== undefined);
    const es = post.lang === 'es';
    const q = (s: string): string => (es ? `«${s}»` : `“${s}”`);

    if (numbered.length === 0) {
      const first = parts[0];
      if (context.options.require && parts.length >= context.options.minParts && first) {
        context.report({ messageId: 'missingAll', range: firstChar(first), data: { total: parts.length } });
      }
      return;
    }
    // A cover: an unnumbered first part ("A thread on… 🧵") before parts numbered from 1.
    const cover = markers[0] === undefined && markers.slice(1).every((m) => m !== undefined) && markers[1]?.n === 1 ? 1 : 0;
    const total = parts.length - cover;
    const like = numbered[0];
    for (const [i, part] of parts.entries()) {
      if (i < cover) continue;
      const n = i + 1 - cover;
      const marker = markers[i];
      if (!marker) {
        context.report({ messageId: 'missingSome', range: firstChar(part), data: { n: i + 1, expected: styled(n, total, like) } });
      } else if (marker.n !== n) {
        context.report({
          messageId: 'outOfOrder',
          range: part.raw.range(marker.start, marker.end),
          data: { found: q(marker.text), n: i + 1, expected: styled(n, total, marker) },
        });
      } else if (marker.total !== undefined && marker.total !== total) {
        context.report({
          messageId: 'wrongTotal',
          range: part.raw.range(marker.start, marker.end),
          data: { found: q(marker.text), said: marker.total, total, expected: styled(n, total, marker) },
        });
      }
    }
  },
});
