import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import type { LintMessage, LintResult, RuleInfo } from '@postlint/core';
import { formatterNames, getFormatter, type Formatter, type FormatterContext } from '../src/formatters/index.js';
import { stringWidth } from '../src/formatters/stylish.js';

// ---------------------------------------------------------------- fixtures

const cwd = path.resolve('/srv/panaderia');

type MessageInit = Pick<LintMessage, 'ruleId' | 'severity' | 'message' | 'line' | 'column'> & Partial<LintMessage>;

function message(init: MessageInit): LintMessage {
  return { endLine: init.line, endColumn: init.column + 1, ...init };
}

/** A result as the engine makes it, postlint-only keys included (json must drop them). */
function result(file: string, messages: LintMessage[]): LintResult {
  return {
    filePath: path.join(cwd, ...file.split('/')),
    messages,
    errorCount: messages.filter((m) => m.severity === 2).length,
    warningCount: messages.filter((m) => m.severity === 1).length,
    fatalErrorCount: messages.filter((m) => m.fatal === true).length,
    lang: 'es',
    platforms: ['x', 'instagram'],
    source: '---\nplatform: x\n---\nTexto del borrador.\n',
  };
}

const clean = result('drafts/limpio.md', []);

const mixed = result('drafts/lanzamiento.md', [
  message({
    ruleId: 'self-promotion',
    severity: 1,
    message: 'Only 1 of 9 sentences speaks to the reader; talk about them, not the shop.',
    messageId: 'selfFocused',
    line: 3,
    column: 1,
    endLine: 3,
    endColumn: 48,
    range: [20, 67],
    docsUrl: 'https://example.com/postlint/rules/self-promotion',
  }),
  message({
    ruleId: 'too-long',
    severity: 2,
    message: 'Post is 312 characters; x allows 280.',
    line: 12,
    column: 14,
    endLine: 14,
    endColumn: 2,
    suggestions: [{ desc: 'Cut the last sentence', range: [400, 432], text: '' }],
  }),
]);

const spanish = result('drafts/señales de humo.md', [
  message({
    ruleId: 'no-question-asked',
    severity: 1,
    message: '¿Y tus lectores? Ninguna frase les pide respuesta; pregúntales algo, p. ej. «¿Qué opináis? 🙂»',
    line: 1,
    column: 1,
    endLine: 5,
    endColumn: 20,
  }),
  message({
    ruleId: 'defensive-reply',
    severity: 2,
    message: 'Respuesta a la defensiva 👍🏽: reconoce el fallo ante el señor Muñoz antes de explicar.',
    line: 7,
    column: 3,
    endLine: 7,
    endColumn: 60,
  }),
]);

const fatal = result('drafts/roto.md', [
  message({
    ruleId: null,
    fatal: true,
    severity: 2,
    message: 'Frontmatter is not valid YAML: bad indentation of a mapping entry.',
    line: 2,
    column: 3,
  }),
]);

const special = result('drafts/oferta,50%:hoy.md', [
  message({
    ruleId: 'self-promotion',
    severity: 2,
    message: '50% off, today: buy now\r\nand again: 100%,',
    line: 4,
    column: 9,
    endLine: 4,
    endColumn: 30,
  }),
]);

const all = [clean, mixed, spanish, fatal, special];
const problemCount = all.reduce((n, r) => n + r.messages.length, 0);

function rule(id: string, description: string, recommended: RuleInfo['recommended']): [string, RuleInfo] {
  return [id, { id, description, docsUrl: `https://example.com/postlint/rules/${id}`, recommended }];
}

const context: FormatterContext = {
  cwd,
  color: false,
  rules: new Map([
    rule('self-promotion', 'Posts should speak about the reader, not only about the business.', 'warn'),
    rule('too-long', 'Posts must fit the platform’s length limit.', 'error'),
    rule('no-question-asked', 'Posts should invite the reader to answer.', 'warn'),
    rule('defensive-reply', 'Replies to criticism should not be defensive.', 'warn'),
  ]),
  version: '0.1.0',
};

function formatter(name: string): Formatter {
  const found = getFormatter(name);
  if (found === undefined) throw new Error(`no formatter ${name}`);
  return found;
}

const ESC = '\u001b';
const stripAnsi = (text: string): string => text.replace(new RegExp(`${ESC}\\[[0-9;]*m`, 'g'), '');

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`./schemas/${file}`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

/** RFC 3986 characters only, percent signs followed by two hex digits. */
const URI_REFERENCE = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;

function ajv(): Ajv {
  const instance = new Ajv({ strict: false, allErrors: true });
  // ajv-formats is not installed: check the formats these schemas use ourselves.
  instance.addFormat('uri', (value: string) => URI_REFERENCE.test(value) && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(value));
  instance.addFormat('uri-reference', URI_REFERENCE);
  instance.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
  return instance;
}

function expectValid(validate: ValidateFunction, data: unknown): void {
  const valid = validate(data);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

// ---------------------------------------------------------------- registry

describe('formatter registry', () => {
  it('lists the six formats, stylish first', () => {
    expect(formatterNames).toEqual(['stylish', 'json', 'sarif', 'github', 'gitlab', 'junit']);
    for (const name of formatterNames) expect(typeof getFormatter(name)).toBe('function');
  });

  it('finds nothing for unknown names, including Object.prototype keys', () => {
    for (const name of ['', 'checkstyle', 'Stylish', 'toString', 'constructor', '__proto__']) {
      expect(getFormatter(name)).toBeUndefined();
    }
  });

  it('shows names that are not paths (<stdin>) as given, and clamps missing positions', () => {
    const stdin: LintResult = {
      filePath: '<stdin>',
      messages: [message({ ruleId: null, fatal: true, severity: 2, message: 'Not UTF-8 text.', line: 0, column: 0, endLine: 0, endColumn: 0 })],
      errorCount: 1,
      warningCount: 0,
      fatalErrorCount: 1,
    };
    expect(formatter('stylish')([stdin], context)).toContain('\n<stdin>\n  1:1  error  Not UTF-8 text\n');
    expect(formatter('github')([stdin], context)).toBe(
      '::error file=<stdin>,line=1,col=1,endLine=1,endColumn=1,title=fatal::Not UTF-8 text.\n',
    );
    expect(JSON.parse(formatter('gitlab')([stdin], context))).toMatchObject([{ location: { path: '<stdin>', lines: { begin: 1, end: 1 } } }]);
  });
});

// ---------------------------------------------------------------- stylish

describe('stylish', () => {
  const stylish = formatter('stylish');

  it('prints aligned rows per file and a summary', () => {
    expect(stylish(all, context)).toBe(
      [
        '',
        'drafts/lanzamiento.md',
        '   3:1   warning  Only 1 of 9 sentences speaks to the reader; talk about them, not the shop  self-promotion',
        '  12:14  error    Post is 312 characters; x allows 280                                       too-long',
        '',
        'drafts/señales de humo.md',
        '  1:1  warning  ¿Y tus lectores? Ninguna frase les pide respuesta; pregúntales algo, p. ej. «¿Qué opináis? 🙂»  no-question-asked',
        '  7:3  error    Respuesta a la defensiva 👍🏽: reconoce el fallo ante el señor Muñoz antes de explicar            defensive-reply',
        '',
        'drafts/roto.md',
        '  2:3  error  Frontmatter is not valid YAML: bad indentation of a mapping entry',
        '',
        'drafts/oferta,50%:hoy.md',
        '  4:9  error  50% off, today: buy now and again: 100%,  self-promotion',
        '',
        '✖ 6 problems (4 errors, 2 warnings)',
        '',
      ].join('\n'),
    );
  });

  it('lines rule ids up by display width, whatever the message characters', () => {
    const block = stylish([spanish], context).split('\n').filter((line) => line.startsWith('  '));
    const ruleStarts = block.map((line) => {
      const ruleId = line.endsWith('no-question-asked') ? 'no-question-asked' : 'defensive-reply';
      return stringWidth(line.slice(0, line.length - ruleId.length));
    });
    expect(ruleStarts).toHaveLength(2);
    expect(new Set(ruleStarts).size).toBe(1);
  });

  it('prints nothing at all when there are no problems', () => {
    expect(stylish([], context)).toBe('');
    expect(stylish([clean], context)).toBe('');
  });

  it('uses ANSI colours only when context.color is true, with the same text underneath', () => {
    const plain = stylish(all, context);
    const coloured = stylish(all, { ...context, color: true });
    expect(plain).not.toContain(ESC);
    expect(coloured).toContain(`${ESC}[31merror`); // red
    expect(coloured).toContain(`${ESC}[33mwarning`); // yellow
    expect(coloured).toContain(`${ESC}[2m12:14`); // dim position
    expect(coloured).toContain(`${ESC}[1m`); // bold summary
    expect(stripAnsi(coloured)).toBe(plain);
  });

  it('summarises warnings only in the singular', () => {
    const oneWarning = result('drafts/uno.md', [mixed.messages[0]!]);
    expect(stylish([oneWarning], context).trimEnd().split('\n').at(-1)).toBe('✖ 1 problem (0 errors, 1 warning)');
  });

  it('keeps control characters from a draft away from the terminal', () => {
    const hostile = result('drafts/x.md', [
      message({ ruleId: 'too-long', severity: 2, message: `Quoted ${ESC}[2Jword\tand tab`, line: 1, column: 1 }),
    ]);
    const out = stylish([hostile], context);
    expect(out).not.toContain(ESC);
    expect(out).toContain('Quoted \\x1b[2Jword and tab');
  });

  it('measures terminal width of accents, emoji and wide characters', () => {
    expect(stringWidth('¿Qué opináis?')).toBe(13);
    expect(stringWidth('ñandú')).toBe(5);
    expect(stringWidth('a\u0301')).toBe(1); // combining accent
    expect(stringWidth('🙂')).toBe(2);
    expect(stringWidth('👍🏽')).toBe(2); // skin tone modifier
    expect(stringWidth('👨‍👩‍👧')).toBe(2); // ZWJ family
    expect(stringWidth('❤️')).toBe(2); // VS16
    expect(stringWidth('🇪🇸')).toBe(2); // flag
    expect(stringWidth('中文')).toBe(4);
    expect(stringWidth('©')).toBe(1); // text presentation
  });
});

// ---------------------------------------------------------------- json

const ESLINT_RESULT_KEYS = [
  'filePath',
  'messages',
  'suppressedMessages',
  'errorCount',
  'fatalErrorCount',
  'warningCount',
  'fixableErrorCount',
  'fixableWarningCount',
  'usedDeprecatedRules',
];
const ESLINT_MESSAGE_REQUIRED = ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn'];
const ESLINT_MESSAGE_OPTIONAL = ['messageId', 'fatal', 'suggestions'];

describe('json', () => {
  const json = formatter('json');
  const parsed = JSON.parse(json(all, context)) as Record<string, unknown>[];

  it('has exactly ESLint’s keys on every result', () => {
    expect(parsed).toHaveLength(all.length);
    for (const [index, item] of parsed.entries()) {
      expect(Object.keys(item)).toEqual(ESLINT_RESULT_KEYS);
      const source = all[index]!;
      expect(item).toMatchObject({
        filePath: source.filePath,
        suppressedMessages: [],
        errorCount: source.errorCount,
        fatalErrorCount: source.fatalErrorCount,
        warningCount: source.warningCount,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
        usedDeprecatedRules: [],
      });
    }
  });

  it('keeps ESLint message fields only, with numeric severities', () => {
    const messages = parsed.flatMap((item) => item.messages as Record<string, unknown>[]);
    expect(messages).toHaveLength(problemCount);
    for (const m of messages) {
      const keys = Object.keys(m);
      for (const key of ESLINT_MESSAGE_REQUIRED) expect(keys).toContain(key);
      for (const key of keys) expect([...ESLINT_MESSAGE_REQUIRED, ...ESLINT_MESSAGE_OPTIONAL]).toContain(key);
      expect([1, 2]).toContain(m.severity);
    }
  });

  it('shapes messageId, fatal and suggestions as ESLint does', () => {
    const [warning, error] = parsed[1]!.messages as Record<string, unknown>[];
    expect(warning).toEqual({
      ruleId: 'self-promotion',
      severity: 1,
      message: 'Only 1 of 9 sentences speaks to the reader; talk about them, not the shop.',
      line: 3,
      column: 1,
      messageId: 'selfFocused',
      endLine: 3,
      endColumn: 48,
    });
    expect(error!.suggestions).toEqual([{ desc: 'Cut the last sentence', fix: { range: [400, 432], text: '' } }]);
    const [fatalMessage] = parsed[3]!.messages as Record<string, unknown>[];
    expect(fatalMessage).toMatchObject({ ruleId: null, severity: 2, fatal: true });
  });

  it('prints an empty array for no results', () => {
    expect(json([], context)).toBe('[]');
  });
});

// ---------------------------------------------------------------- sarif

describe('sarif', () => {
  const sarif = formatter('sarif');
  const schema = readJson('sarif-schema-2.1.0.json');
  // Draft-04 header keys; the keywords below them mean the same in draft-07 (see schemas/README.md).
  delete schema.$schema;
  delete schema.id;
  const validate = ajv().compile(schema);
  const log = JSON.parse(sarif(all, context)) as Log;
  const run = log.runs[0]!;
  const results = run.results ?? [];

  it('validates against the official SARIF 2.1.0 schema', () => {
    expectValid(validate, log);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
  });

  it('is valid with no results, and with a file outside cwd', () => {
    expectValid(validate, JSON.parse(sarif([], context)));
    const outside = { ...fatal, filePath: path.resolve(cwd, '..', 'otro', 'roto.md') };
    const outsideLog = JSON.parse(sarif([outside], context)) as Log;
    expectValid(validate, outsideLog);
    const location = outsideLog.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!;
    expect(location.uri).toMatch(/^file:\/\/.*\/otro\/roto\.md$/);
    expect(location.uriBaseId).toBeUndefined();
  });

  it('has a schema check that does reject broken logs', () => {
    const broken = JSON.parse(sarif([mixed], context)) as Log;
    const first = broken.runs[0]!.results![0]!;
    first.level = 'fatal' as 'error';
    first.locations![0]!.physicalLocation!.region!.startLine = 0;
    first.locations![0]!.physicalLocation!.artifactLocation!.uri = 'drafts/with space.md';
    expect(validate(broken)).toBe(false);
    const paths = (validate.errors ?? []).map((error) => error.instancePath);
    expect(paths).toContain('/runs/0/results/0/level');
    expect(paths).toContain('/runs/0/results/0/locations/0/physicalLocation/region/startLine');
    expect(paths).toContain('/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri');
  });

  it('describes the tool and every rule that appears, fatal included', () => {
    const driver = run.tool.driver;
    expect(driver).toMatchObject({ name: 'postlint', version: '0.1.0' });
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules?.map((r) => r.id)).toEqual([
      'self-promotion',
      'too-long',
      'no-question-asked',
      'defensive-reply',
      'fatal',
    ]);
    expect(driver.rules?.[1]).toMatchObject({
      id: 'too-long',
      shortDescription: { text: 'Posts must fit the platform’s length limit.' },
      helpUri: 'https://example.com/postlint/rules/too-long',
    });
  });

  it('reports every problem with rule, index, level, message and region', () => {
    expect(results).toHaveLength(problemCount);
    for (const r of results) {
      expect(run.tool.driver.rules?.[r.ruleIndex!]?.id).toBe(r.ruleId);
      expect(['error', 'warning']).toContain(r.level);
    }
    expect(results[1]).toMatchObject({
      ruleId: 'too-long',
      level: 'error',
      message: { text: 'Post is 312 characters; x allows 280.' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'drafts/lanzamiento.md', uriBaseId: '%SRCROOT%' },
            region: { startLine: 12, startColumn: 14, endLine: 14, endColumn: 2 },
          },
        },
      ],
    });
    const fatalResult = results.find((r) => r.ruleId === 'fatal');
    expect(fatalResult).toMatchObject({ level: 'error', message: { text: fatal.messages[0]!.message } });
  });

  it('uses relative, forward-slash, percent-encoded URIs', () => {
    const uris = results.map((r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri);
    expect(uris).toContain('drafts/se%C3%B1ales%20de%20humo.md');
    expect(uris).toContain('drafts/oferta%2C50%25%3Ahoy.md');
    expect(run.originalUriBaseIds?.['%SRCROOT%']?.uri).toMatch(/^file:\/\/.*\/$/);
  });
});

// ---------------------------------------------------------------- github

const GITHUB_LINE = /^::(error|warning) file=[^,]+,line=\d+,col=\d+(,endLine=\d+,endColumn=\d+)?,title=[^:]+::.*$/;

function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
function unescapeProperty(text: string): string {
  return unescapeData(text.replace(/%3A/g, ':').replace(/%2C/g, ','));
}

describe('github', () => {
  const github = formatter('github');
  const lines = github(all, context).split('\n');

  it('prints one workflow command per problem, in GitHub’s syntax', () => {
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(problemCount);
    for (const line of lines) expect(line).toMatch(GITHUB_LINE);
    expect(lines[1]).toBe(
      '::error file=drafts/lanzamiento.md,line=12,col=14,endLine=14,endColumn=2,title=too-long::Post is 312 characters; x allows 280.',
    );
    expect(lines[4]).toMatch(/^::error file=drafts\/roto\.md,.*,title=fatal::Frontmatter/);
  });

  it('escapes properties and data so they round-trip', () => {
    const line = lines.at(-1)!;
    expect(line).toBe(
      '::error file=drafts/oferta%2C50%25%3Ahoy.md,line=4,col=9,endLine=4,endColumn=30,title=self-promotion::50%25 off, today: buy now%0D%0Aand again: 100%25,',
    );
    const match = /^::error file=([^,]+),.*?::(.*)$/.exec(line)!;
    expect(unescapeProperty(match[1]!)).toBe('drafts/oferta,50%:hoy.md');
    expect(unescapeData(match[2]!)).toBe(special.messages[0]!.message);
  });

  it('prints nothing when there are no problems', () => {
    expect(github([clean], context)).toBe('');
  });
});

// ---------------------------------------------------------------- gitlab

interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number; end: number } };
}

describe('gitlab', () => {
  const gitlab = formatter('gitlab');
  const validate = ajv().compile(readJson('gitlab-code-quality.schema.json'));
  const text = gitlab(all, context);
  const issues = JSON.parse(text) as CodeQualityIssue[];

  it('validates against the documented Code Quality format, without a BOM', () => {
    expectValid(validate, issues);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(issues).toHaveLength(problemCount);
  });

  it('has a schema check that does reject broken reports', () => {
    const broken = [{ ...issues[0]!, severity: 'error', location: { path: '/srv/panaderia/drafts/a.md' } }];
    expect(validate(broken)).toBe(false);
    const paths = (validate.errors ?? []).map((error) => error.instancePath);
    expect(paths).toContain('/0/severity');
    expect(paths).toContain('/0/location/path');
    expect(paths).toContain('/0/location'); // neither lines nor positions
  });

  it('maps severities and locations', () => {
    expect(issues.map((i) => i.severity)).toEqual(['minor', 'major', 'minor', 'major', 'blocker', 'major']);
    expect(issues[1]).toMatchObject({
      description: 'Post is 312 characters; x allows 280.',
      check_name: 'too-long',
      location: { path: 'drafts/lanzamiento.md', lines: { begin: 12, end: 14 } },
    });
    expect(issues[4]).toMatchObject({ check_name: 'fatal', location: { path: 'drafts/roto.md' } });
  });

  it('gives unique fingerprints that are stable across runs', () => {
    const fingerprints = issues.map((i) => i.fingerprint);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
    expect(gitlab(all, context)).toBe(text);
    // Another run on a copy of the data (new objects, same content) gives the same fingerprints.
    const copy = JSON.parse(JSON.stringify(all)) as LintResult[];
    expect((JSON.parse(gitlab(copy, context)) as CodeQualityIssue[]).map((i) => i.fingerprint)).toEqual(fingerprints);
  });

  it('keeps identical findings apart', () => {
    const twice = result('drafts/doble.md', [mixed.messages[0]!, mixed.messages[0]!]);
    const [a, b] = JSON.parse(gitlab([twice], context)) as CodeQualityIssue[];
    expect(a!.fingerprint).not.toBe(b!.fingerprint);
  });

  it('prints an empty array for no problems', () => {
    expect(gitlab([clean], context)).toBe('[]');
  });
});

// ---------------------------------------------------------------- junit

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

interface XmlElement {
  [key: string]: unknown;
}

/** fast-xml-parser's validator (deprecated there in favour of a package we do not have). */
function wellFormed(xml: string): true | string {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- the validator this project installs
  const verdict = XMLValidator.validate(xml);
  return verdict === true ? true : JSON.stringify(verdict.err); // the reason shows up in a failed expect
}

/** Code points outside XML 1.0's Char production; lone surrogates show up as themselves. */
function forbiddenXmlChars(xml: string): number[] {
  const allowed = (cp: number): boolean =>
    cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || cp >= 0x10000;
  const found: number[] = [];
  for (const char of xml) {
    const cp = char.codePointAt(0) ?? 0;
    if (!allowed(cp)) found.push(cp);
  }
  return found;
}

describe('junit', () => {
  const junit = formatter('junit');
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseAttributeValue: false });

  function parse(xml: string): XmlElement[] {
    expect(wellFormed(xml)).toBe(true);
    const doc = parser.parse(xml) as { testsuites: XmlElement };
    return asArray(doc.testsuites.testsuite as XmlElement | XmlElement[] | undefined);
  }

  it('is well-formed XML with one suite per file and one case per problem', () => {
    const xml = junit(all, context);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="postlint" tests="7" failures="5" errors="1">')).toBe(true);
    const suites = parse(xml);
    expect(suites.map((s) => s['@_name'])).toEqual([
      'drafts/limpio.md',
      'drafts/lanzamiento.md',
      'drafts/señales de humo.md',
      'drafts/roto.md',
      'drafts/oferta,50%:hoy.md',
    ]);
    const cases = suites.map((s) => asArray(s.testcase as XmlElement | XmlElement[]));
    expect(cases.map((c) => c.length)).toEqual([1, 2, 2, 1, 1]);
    expect(suites.map((s) => [s['@_tests'], s['@_failures'], s['@_errors']])).toEqual([
      ['1', '0', '0'],
      ['2', '2', '0'],
      ['2', '2', '0'],
      ['1', '0', '1'],
      ['1', '1', '0'],
    ]);
    const flat = cases.flat();
    expect(flat.filter((c) => c.failure !== undefined)).toHaveLength(5);
    expect(flat.filter((c) => c.error !== undefined)).toHaveLength(1);
    expect(cases[0]![0]!.failure).toBeUndefined(); // the clean file passes
  });

  it('puts the rule in type, the message in message and line:col in the body', () => {
    const suites = parse(junit([mixed], context));
    const [, tooLong] = asArray(suites[0]!.testcase as XmlElement | XmlElement[]);
    expect(tooLong!['@_classname']).toBe('drafts/lanzamiento.md');
    const failure = tooLong!.failure as XmlElement;
    expect(failure['@_type']).toBe('too-long');
    expect(failure['@_message']).toBe('Post is 312 characters; x allows 280.');
    expect(failure['#text']).toContain('drafts/lanzamiento.md:12:14: error: Post is 312 characters');
    expect(failure['#text']).toContain('Docs: https://example.com/postlint/rules/too-long');
  });

  it('escapes markup and strips characters XML 1.0 forbids', () => {
    const nasty = 'Use <b> & "quotes" \'here\' ]]> \u0000\u0007\u001b\uFFFE\uD800 ¿ñá? 🙂';
    const xml = junit([result('drafts/x.md', [message({ ruleId: 'too-long', severity: 2, message: nasty, line: 1, column: 1 })])], context);
    expect(forbiddenXmlChars(xml)).toEqual([]); // NUL, BEL, ESC, U+FFFE and the lone surrogate are gone
    expect(Buffer.from(xml, 'utf8').toString('utf8')).toBe(xml); // encodes to valid UTF-8 losslessly
    const [suite] = parse(xml);
    const failure = (suite!.testcase as XmlElement).failure as XmlElement;
    expect(failure['@_message']).toBe('Use <b> & "quotes" \'here\' ]]>  ¿ñá? 🙂');
  });

  it('keeps newlines in attributes as character references', () => {
    const xml = junit([special], context);
    expect(xml).toContain('message="50% off, today: buy now&#13;&#10;and again: 100%,"');
    parse(xml);
  });

  it('is valid with no results', () => {
    const xml = junit([], context);
    expect(wellFormed(xml)).toBe(true);
    expect(xml).toContain('<testsuites name="postlint" tests="0" failures="0" errors="0">');
  });
});
