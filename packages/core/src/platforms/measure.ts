/** `measure`: how long a text is on a platform, and where it stops fitting. */
import { countBluesky } from './bluesky.js';
import { countClusters, utf8Length, type Tally } from './count.js';
import { countMastodon } from './mastodon.js';
import { getPlatform, PLATFORMS, type CountUnit, type PlatformSpec } from './registry.js';
import { countThreads } from './threads.js';
import { countX } from './x.js';

export interface MeasureOptions {
  /** Replaces the platform's limit (in its unit), e.g. a Mastodon instance allowing 1,000 or X Premium. */
  readonly maxChars?: number;
  /** Mastodon's content warning (`spoiler_text`): it counts toward the same limit. Ignored elsewhere. */
  readonly contentWarning?: string;
}

export interface Measurement {
  /** Canonical platform id (an alias such as `twitter` is resolved to `x`). */
  readonly platform: string;
  /** Length in `unit`, as the platform counts it. */
  readonly length: number;
  readonly limit: number;
  readonly unit: CountUnit;
  /** True when the platform's limit or unit is not known exactly (messages say "about"). */
  readonly approximate: boolean;
  /** Index (UTF-16, into the measured text) of the first character that does not fit, or null when it fits. Never inside a surrogate pair or grapheme cluster. */
  readonly overflowIndex: number | null;
  /** UTF-8 bytes of the text as posted, for platforms with a byte limit (Bluesky). */
  readonly bytes?: number;
  readonly byteLimit?: number;
}

/**
 * Measures `text` as `platform` counts it. Throws an Error for an unknown platform and a
 * RangeError for a `maxChars` that is not a positive integer.
 */
export function measure(text: string, platform: string, options: MeasureOptions = {}): Measurement {
  const spec = getPlatform(platform);
  if (spec === undefined) {
    throw new Error(`Unknown platform "${platform}". Known platforms: ${Object.keys(PLATFORMS).join(', ')}.`);
  }
  const limit = options.maxChars ?? spec.limit;
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new RangeError(`maxChars must be a positive integer, got ${String(options.maxChars)}.`);
  }
  const count = countOn(spec, text, limit, options);
  const measurement: Measurement = {
    platform: spec.id,
    length: count.length,
    limit,
    unit: spec.unit,
    approximate: spec.approximate,
    overflowIndex: count.overflowIndex,
  };
  return spec.byteLimit === undefined ? measurement : { ...measurement, bytes: count.bytes, byteLimit: spec.byteLimit };
}

function countOn(spec: PlatformSpec, text: string, limit: number, options: MeasureOptions): Tally {
  // Platforms with rules of their own; the others count every grapheme cluster the same way.
  switch (spec.id) {
    case 'bluesky':
      return countBluesky(text, limit, spec.byteLimit ?? Infinity);
    case 'mastodon':
      return countMastodon(text, limit, options.contentWarning);
    case 'threads':
      return countThreads(text, limit);
  }
  switch (spec.unit) {
    case 'weighted':
      return { ...countX(text, limit), bytes: utf8Length(text) };
    case 'graphemes':
      return countClusters(text, limit, () => 1);
    case 'utf8-bytes':
      return countClusters(text, limit, utf8Length);
    case 'utf16':
      return countClusters(text, limit, (cluster) => cluster.length);
  }
}
