/**
 * The platform registry: every figure postlint knows about a network, as data.
 *
 * Each figure comes from the research in docs/platforms.md, which lists the source and how
 * sure we are of it. `approximate: true` means the limit or its unit was not read in the
 * platform's own code or documentation, so messages say "about".
 */

/** What a platform counts: X's weighted length, grapheme clusters, UTF-8 bytes or UTF-16 code units. */
export type CountUnit = 'weighted' | 'graphemes' | 'utf8-bytes' | 'utf16';

export interface PlatformSpec {
  /** Stable id used in config and frontmatter (`platform: bluesky`). */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** Hard limit, in `unit`. */
  readonly limit: number;
  readonly unit: CountUnit;
  /** A second hard limit in UTF-8 bytes, checked on top of `limit` (Bluesky). */
  readonly byteLimit?: number;
  /** What one link costs when the platform counts every link the same. */
  readonly urlLength?: number;
  /** Where the post collapses behind "see more" (grapheme clusters and/or lines). Approximate. */
  readonly fold?: { readonly chars?: number; readonly lines?: number };
  /** Most hashtags the platform accepts or uses in one post. */
  readonly hashtagCap?: number;
  /** Most @mentions the platform accepts in one post. */
  readonly mentionCap?: number;
  /** A commonly advised length range [min, max], in grapheme clusters. Marketing advice, not a rule. */
  readonly recommended?: readonly [number, number];
  /** True where the limit or unit does not come from the platform's own code or docs. */
  readonly approximate: boolean;
  /** Where each figure comes from (URLs or repository paths). */
  readonly sources: readonly string[];
}

const TWITTER_TEXT = 'https://github.com/twitter/twitter-text';
const ATPROTO = 'https://github.com/bluesky-social/atproto';
const SOCIAL_APP = 'https://github.com/bluesky-social/social-app';
const MASTODON = 'https://github.com/mastodon/mastodon';

const specs: readonly PlatformSpec[] = [
  {
    id: 'x',
    name: 'X',
    limit: 280,
    unit: 'weighted',
    urlLength: 23,
    // Only matters for Premium long posts (limit raised with `maxChars`): the feed cuts there.
    fold: { chars: 280 },
    recommended: [71, 100],
    approximate: false,
    sources: [
      `${TWITTER_TEXT}/blob/master/config/v3.json`,
      `${TWITTER_TEXT}/blob/master/conformance/validate.yml`,
      'https://docs.x.com/fundamentals/counting-characters',
      'third-party: fold and recommended length (marketing guides, see docs/platforms.md)',
    ],
  },
  {
    id: 'bluesky',
    name: 'Bluesky',
    limit: 300,
    unit: 'graphemes',
    byteLimit: 3000,
    approximate: false,
    sources: [
      `${ATPROTO}/blob/main/lexicons/app/bsky/feed/post.json`,
      `${ATPROTO}/blob/main/packages/api/src/rich-text/detection.ts`,
      `${ATPROTO}/blob/main/packages/api/src/rich-text/util.ts`,
      `${SOCIAL_APP}/blob/main/src/lib/strings/rich-text-manip.ts`,
      `${SOCIAL_APP}/blob/main/src/lib/strings/url-helpers.ts`,
    ],
  },
  {
    id: 'mastodon',
    name: 'Mastodon',
    limit: 500,
    unit: 'graphemes',
    urlLength: 23,
    approximate: false,
    sources: [
      `${MASTODON}/blob/main/app/validators/status_length_validator.rb`,
      `${MASTODON}/blob/main/app/lib/extractor.rb`,
      `${MASTODON}/blob/main/app/models/account.rb`,
      `${MASTODON}/blob/main/config/initializers/twitter_regex.rb`,
      'https://docs.joinmastodon.org/user/posting/',
    ],
  },
  {
    id: 'threads',
    name: 'Threads',
    limit: 500,
    unit: 'graphemes',
    hashtagCap: 1,
    approximate: true,
    sources: [
      'https://developers.facebook.com/documentation/threads/posts',
      'https://developers.facebook.com/documentation/threads/create-posts/text-attachments',
      'https://www.ayrshare.com/apis/post/social-networks/threads',
    ],
  },
  {
    id: 'linkedin',
    name: 'LinkedIn',
    limit: 3000,
    unit: 'graphemes',
    fold: { chars: 210, lines: 3 },
    recommended: [1300, 2000],
    approximate: true,
    sources: [
      'https://www.linkedinpreview.com/blog/linkedin-post-length',
      'https://espirian.co.uk (LinkedIn "see more" breakpoints, Sep 2024)',
      'https://www.ayrshare.com/apis/post/social-networks/linkedin',
    ],
  },
  {
    id: 'linkedin-comment',
    name: 'LinkedIn comment',
    limit: 1250,
    unit: 'graphemes',
    approximate: true,
    sources: ['https://www.linkedinpreview.com/blog/linkedin-post-length'],
  },
  {
    id: 'instagram',
    name: 'Instagram',
    limit: 2200,
    unit: 'graphemes',
    fold: { chars: 125, lines: 3 },
    hashtagCap: 5,
    approximate: true,
    sources: [
      'https://help.instagram.com/1643471055915254',
      'https://www.ayrshare.com/apis/post/social-networks/instagram',
      'third-party: 5-hashtag cap announced by Instagram in Dec 2025 (immediatefuture.co.uk, academyofcontinuingeducation.com)',
    ],
  },
  {
    id: 'facebook',
    name: 'Facebook',
    limit: 63206,
    unit: 'graphemes',
    fold: { chars: 477 },
    recommended: [40, 80],
    approximate: true,
    sources: [
      'third-party: socialk.it, typecount.com, boldlytype.com Facebook guides',
      'https://docs.upload-post.com/resources/character-limits/',
    ],
  },
  {
    id: 'tiktok',
    name: 'TikTok',
    limit: 2200,
    unit: 'graphemes',
    fold: { chars: 150 },
    approximate: true,
    sources: [
      'https://developers.tiktok.com/doc/content-posting-api-reference-direct-post',
      'https://developers.tiktok.com/doc/content-posting-api-reference-photo-post',
      'https://docs.upload-post.com/resources/character-limits/',
    ],
  },
  {
    id: 'youtube',
    name: 'YouTube description',
    limit: 5000,
    unit: 'utf8-bytes',
    fold: { chars: 100 },
    approximate: false,
    sources: ['https://developers.google.com/youtube/v3/docs/videos (snippet.description)'],
  },
  {
    id: 'youtube-title',
    name: 'YouTube title',
    limit: 100,
    unit: 'graphemes',
    // Search results cut titles at about 60–70 characters.
    fold: { chars: 60 },
    approximate: true,
    sources: ['https://developers.google.com/youtube/v3/docs/videos (snippet.title)'],
  },
];

function freeze(spec: PlatformSpec): PlatformSpec {
  if (spec.fold) Object.freeze(spec.fold);
  if (spec.recommended) Object.freeze(spec.recommended);
  Object.freeze(spec.sources);
  return Object.freeze(spec);
}

/** Every known platform, by id. */
export const PLATFORMS: Readonly<Record<string, PlatformSpec>> = Object.freeze(
  Object.fromEntries(specs.map((spec) => [spec.id, freeze(spec)])),
);

/** Other names people use for a platform. */
const ALIASES: Readonly<Record<string, string>> = {
  twitter: 'x',
  'youtube-description': 'youtube',
};

/** Looks a platform up by id or alias, ignoring case. */
export function getPlatform(id: string): PlatformSpec | undefined {
  const key = id.trim().toLowerCase();
  const canonical = Object.hasOwn(ALIASES, key) ? ALIASES[key] : key;
  return canonical !== undefined && Object.hasOwn(PLATFORMS, canonical) ? PLATFORMS[canonical] : undefined;
}
