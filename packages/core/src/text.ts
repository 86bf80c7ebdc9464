import type { Range, TextView } from './types.js';

interface Segment {
  readonly textStart: number;
  readonly length: number;
  readonly sourceStart: number;
  /** Synthetic text (block separators) has no source of its own: it maps to one point. */
  readonly synthetic: boolean;
}

/** Builds a TextView piece by piece while remembering where each piece came from. */
export class TextBuilder {
  private text = '';
  private readonly segments: Segment[] = [];
  private lastSourceEnd = 0;
  private readonly code: Range[] = [];

  get length(): number {
    return this.text.length;
  }

  endsWith(suffix: string): boolean {
    return this.text.endsWith(suffix);
  }

  /** Appends text that is a verbatim copy of `source.slice(sourceStart, sourceStart + text.length)`. */
  copy(text: string, sourceStart: number): void {
    if (text === '') return;
    this.segments.push({ textStart: this.text.length, length: text.length, sourceStart, synthetic: false });
    this.text += text;
    this.lastSourceEnd = sourceStart + text.length;
  }

  /** Appends text with no source of its own (a separator), mapped to `sourceAt`. */
  synthetic(text: string, sourceAt: number = this.lastSourceEnd): void {
    if (text === '') return;
    this.segments.push({ textStart: this.text.length, length: text.length, sourceStart: sourceAt, synthetic: true });
    this.text += text;
  }

  /**
   * Appends `value`, a transformed copy of `source.slice(start, end)` (escapes removed,
   * entities decoded, indentation stripped): characters are aligned greedily so most of
   * them still map to their own source position.
   */
  aligned(value: string, source: string, start: number, end: number): void {
    if (source.slice(start, end) === value) {
      this.copy(value, start);
      return;
    }
    let p = start;
    let runStart = 0;
    let runSource = start;
    let runLength = 0;
    const flush = (): void => {
      if (runLength > 0) this.copy(value.slice(runStart, runStart + runLength), runSource);
      runLength = 0;
    };
    for (let i = 0; i < value.length; i++) {
      const found = source.indexOf(value.charAt(i), p);
      if (found !== -1 && found < end) {
        if (runLength > 0 && found !== runSource + runLength) flush();
        if (runLength === 0) {
          runStart = i;
          runSource = found;
        }
        runLength++;
        p = found + 1;
      } else {
        flush();
        this.synthetic(value.charAt(i), p);
      }
    }
    flush();
  }

  /** Marks text appended since `start` as code, so prose rules can skip it. */
  markCode(start: number): void {
    if (this.text.length > start) this.code.push([start, this.text.length]);
  }

  build(): TextView {
    return new MappedText(this.text, this.segments, this.lastSourceEnd, this.code);
  }
}

class MappedText implements TextView {
  constructor(
    readonly text: string,
    private readonly segments: readonly Segment[],
    private readonly endOffset: number,
    readonly code: readonly Range[],
  ) {}

  sourceOffset(index: number): number {
    const segs = this.segments;
    if (segs.length === 0) return this.endOffset;
    if (index >= this.text.length) {
      const last = segs[segs.length - 1];
      if (last === undefined) return this.endOffset;
      return last.synthetic ? last.sourceStart : last.sourceStart + last.length;
    }
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((segs[mid]?.textStart ?? 0) <= index) lo = mid;
      else hi = mid - 1;
    }
    const seg = segs[lo];
    if (seg === undefined) return this.endOffset;
    return seg.synthetic ? seg.sourceStart : seg.sourceStart + (index - seg.textStart);
  }

  range(start: number, end: number): Range {
    const s = this.sourceOffset(start);
    // The end is the position just after the last character, so map the last character.
    const e = end > start ? this.sourceOffset(end - 1) + 1 : s;
    return [s, Math.max(s, e)];
  }
}
