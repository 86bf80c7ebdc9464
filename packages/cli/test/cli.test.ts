import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, snapshot, spawnCli, tree } from './helpers.js';

/** Talks only about itself: self-promotion and no question (warnings). */
const PROMO_EN = 'We are the best bakery in town. Our award-winning croissants are the finest, and we bake our bread with our own flour. Buy now at our shop!\n';
const PROMO_ES = 'Somos la mejor panadería del barrio. Nuestros cruasanes premiados son únicos y horneamos nuestro pan con nuestra propia harina. ¡Compra ya en nuestra tienda!\n';
const CLEAN_EN = 'Rainy Sunday? Tell us which bread you would bake at home today.\n';
const CLEAN_ES = '¿Qué pan te apetece para este domingo lluvioso? Cuéntanos en comentarios.\n';
/** Over X's 280 (an error). */
const LONG = `${'Fresh bread every morning, come and see what you like best today. '.repeat(5)}What would you pick?\n`;

/** An ANSI colour escape (ESC + '['). */
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[`, 'u');

const ESLINT_RESULT_KEYS = ['errorCount', 'fatalErrorCount', 'filePath', 'fixableErrorCount', 'fixableWarningCount', 'messages', 'suppressedMessages', 'usedDeprecatedRules', 'warningCount'];

interface JsonMessage {
  ruleId: string | null;
  severity: number;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fatal?: boolean;
}
interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
}
const parseJson = (text: string): JsonResult[] => JSON.parse(text) as JsonResult[];
const byName = (results: JsonResult[], name: string): JsonResult => {
  const found = results.find((r) => r.filePath.endsWith(name));
  if (!found) throw new Error(`no result for ${name} in ${results.map((r) => r.filePath).join(', ')}`);
  return found;
};
const rulesOf = (result: JsonResult): (string | null)[] => result.messages.map((m) => m.ruleId);

describe('postlint CLI: output and exit codes', () => {
  it('prints stylish warnings and exits 0 when there are only warnings', async () => {
    const cwd = tree({ 'drafts/promo.md': PROMO_EN, 'drafts/clean.md': CLEAN_EN });
    const { code, stdout, stderr } = await cli(['drafts'], { cwd });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(join('drafts', 'promo.md'));
    expect(stdout).toMatch(/1:\d+\s+warning\s+This post talks about the business .* excessive-self-promotion/u);
    expect(stdout).toMatch(/warning\s+Nothing in this post asks the reader .*no-question-asked/u);
    expect(stdout).not.toContain('clean.md');
    expect(stdout).toMatch(/✖ 2 problems \(0 errors, 2 warnings\)/u);
    expect(stdout).not.toMatch(ANSI);
  });

  it('prints nothing and exits 0 on clean files', async () => {
    const cwd = tree({ 'a.md': CLEAN_EN, 'b.md': CLEAN_ES });
    expect(await cli([], { cwd })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('exits 1 on a lint error (too-long is an error by default)', async () => {
    const cwd = tree({ 'long.md': LONG });
    const { code, stdout } = await cli(['long.md'], { cwd });
    expect(code).toBe(1);
    expect(stdout).toMatch(/error\s+This post is too long: 3\d\d\/280 characters on X/u);
  });

  it('colours stylish output only on a TTY, and never with NO_COLOR', async () => {
    const cwd = tree({ 'promo.md': PROMO_EN });
    expect((await cli([], { cwd, isTTY: true })).stdout).toMatch(ANSI);
    expect((await cli([], { cwd, isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ANSI);
    expect((await cli(['--color'], { cwd })).stdout).toMatch(ANSI);
    expect((await cli(['--no-color'], { cwd, isTTY: true })).stdout).not.toMatch(ANSI);
  });

  it('--format json prints ESLint-shaped results', async () => {
    const cwd = tree({ 'promo.md': PROMO_EN, 'long.md': LONG, 'clean.md': CLEAN_EN });
    const { code, stdout } = await cli(['--format', 'json'], { cwd });
    expect(code).toBe(1);
    const results = parseJson(stdout);
    expect(results).toHaveLength(3);
    for (const result of results) {
      expect(Object.keys(result).sort()).toEqual(ESLINT_RESULT_KEYS);
      for (const m of result.messages) {
        expect(Object.keys(m)).toEqual(expect.arrayContaining(['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn']));
        expect([1, 2]).toContain(m.severity);
      }
    }
    expect(byName(results, 'long.md').errorCount).toBe(1);
    expect(byName(results, 'promo.md').warningCount).toBe(2);
    expect(byName(results, 'clean.md').messages).toEqual([]);
  });

  it('--format sarif prints a SARIF 2.1.0 log with rules and help URIs', async () => {
    const cwd = tree({ 'promo.md': PROMO_EN });
    const { stdout } = await cli(['-f', 'sarif'], { cwd });
    const log = JSON.parse(stdout) as { version: string; runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: unknown[] }[] };
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0]!;
    expect(run.results).toHaveLength(2);
    expect(run.tool.driver.rules.map((r) => r.id).sort()).toEqual(['excessive-self-promotion', 'no-question-asked']);
    expect(run.tool.driver.rules.every((r) => r.helpUri.endsWith(`${r.id}.md`))).toBe(true);
  });

  it('--format github prints workflow commands', async () => {
    const cwd = tree({ 'promo.md': PROMO_EN, 'long.md': LONG });
    const { stdout } = await cli(['-f', 'github'], { cwd });
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^::(error|warning) file=[^,]+\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::.+$/u);
    expect(lines.filter((l) => l.startsWith('::error'))).toHaveLength(1);
  });

  it('-o writes the report to a file and prints nothing', async () => {
    const cwd = tree({ 'promo.md': PROMO_EN });
    const { stdout, code } = await cli(['-f', 'json', '-o', 'reports/postlint.json'], { cwd });
    expect(stdout).toBe('');
    expect(code).toBe(0);
    expect(parseJson(readFileSync(join(cwd, 'reports/postlint.json'), 'utf8'))).toHaveLength(1);
  });

  it('--version and --help', async () => {
    const cwd = tree({});
    expect((await cli(['--version'], { cwd })).stdout).toMatch(/^\d+\.\d+\.\d+\n$/u);
    const help = await cli(['--help'], { cwd });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--max-warnings');
  });

  it('usage errors exit 2 with one line', async () => {
    const cwd = tree({ 'a.md': CLEAN_EN });
    for (const args of [['--format', 'xml'], ['--bogus'], ['--max-warnings', 'many'], ['--rule', 'too-long: loud'], ['--rule', 'too-lng: off']]) {
      const { code, stderr, stdout } = await cli(args, { cwd });
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(stderr).toMatch(/^postlint: /u);
    }
    expect((await cli(['--rule', 'too-lng: off'], { cwd })).stderr).toContain("did you mean 'too-long'?");
  });
});

describe('postlint CLI: languages', () => {
  it('gives a Spanish post its messages in Spanish and an English one in English', async () => {
    const cwd = tree({ 'es.md': PROMO_ES, 'en.md': PROMO_EN });
    const results = parseJson((await cli(['-f', 'json'], { cwd })).stdout);
    const es = byName(results, 'es.md').messages.map((m) => m.message);
    const en = byName(results, 'en.md').messages.map((m) => m.message);
    expect(es).toHaveLength(2);
    expect(es.join(' ')).toMatch(/La publicación habla de la empresa/u);
    expect(es.join(' ')).toMatch(/no pregunta nada/u);
    expect(en.join(' ')).toMatch(/This post talks about the business/u);
    expect(en.join(' ')).toMatch(/Nothing in this post asks/u);
  });

  it('a post in a language the content rules do not know gets only language-independent rules, with English messages', async () => {
    const cwd = tree({ 'ja.md': `---\nlang: ja\n---\n${'新しいパンが焼き上がりました。'.repeat(12)}\n` });
    const results = parseJson((await cli(['-f', 'json'], { cwd })).stdout);
    const messages = byName(results, 'ja.md').messages;
    expect(messages.map((m) => m.ruleId)).toEqual(['too-long']);
    expect(messages[0]!.message).toMatch(/^This post is too long: \d+\/280 characters on X/u);
  });

  it('frontmatter lang wins over detection', async () => {
    const cwd = tree({ 'post.md': `---\nlang: es\n---\n${PROMO_EN}` });
    const results = parseJson((await cli(['-f', 'json'], { cwd })).stdout);
    expect(byName(results, 'post.md').messages.some((m) => m.message.startsWith('La publicación no pregunta'))).toBe(true);
  });
});

describe('postlint CLI: bad input', () => {
  const good = { 'good.md': PROMO_EN };
  const expectGoodReported = (stdout: string): void => {
    expect(rulesOf(byName(parseJson(stdout), 'good.md'))).toEqual(['excessive-self-promotion', 'no-question-asked']);
  };

  it('a missing path: one line on stderr, exit 2, other paths still linted', async () => {
    const cwd = tree(good);
    const { code, stdout, stderr } = await cli(['-f', 'json', 'nope.md', 'good.md'], { cwd });
    expect(code).toBe(2);
    expect(stderr).toBe('postlint: nope.md: no such file or directory\n');
    expectGoodReported(stdout);
  });

  it('a glob that matches nothing is a usage error', async () => {
    const cwd = tree(good);
    const { code, stderr } = await cli(['drafts/**/*.md', 'good.md'], { cwd });
    expect(code).toBe(2);
    expect(stderr).toBe('postlint: drafts/**/*.md: no files match this pattern\n');
  });

  it.each([
    ['a binary file', 'image.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), /^binary file: postlint reads Markdown or plain-text drafts$/u],
    ['invalid UTF-8', 'latin1.md', Buffer.concat([Buffer.from('Hola\nMa'), Buffer.from([0xf1]), Buffer.from('ana abrimos\n')]), /^invalid UTF-8 \(line 2\): save the file as UTF-8$/u],
    ['broken frontmatter', 'broken.md', '---\nplatform: [x, bluesky\n---\nHello there\n', /^broken frontmatter: .+/u],
    ['an empty file', 'empty.md', '  \n\n', /^empty file: there is no post to check$/u],
  ])('%s is reported as a fatal problem naming the file; others are still linted', async (_what, name, content, message) => {
    const cwd = tree({ ...good, [name]: content });
    const before = snapshot(cwd);
    const { code, stdout } = await cli(['-f', 'json'], { cwd });
    expect(code).toBe(2);
    const bad = byName(parseJson(stdout), name);
    expect(bad.messages).toHaveLength(1);
    expect(bad.messages[0]).toMatchObject({ ruleId: null, severity: 2, fatal: true });
    expect(bad.messages[0]!.message).toMatch(message);
    expectGoodReported(stdout);
    expect(snapshot(cwd)).toEqual(before);
    // The default formatter shows the same one line under the file name.
    const stylish = await cli([], { cwd });
    expect(stylish.stdout).toContain(name);
    expect(stylish.stdout.split('\n').filter((l) => message.test(l.replace(/^\s*\d+:\d+\s+error\s+/u, ''))).length).toBe(1);
  });

  it('an unreadable file is reported and the others are still linted', async () => {
    const cwd = tree({ ...good, 'locked.md': 'secret' });
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const readFile = (path: string): Promise<Buffer> => (path.endsWith('locked.md') ? Promise.reject(denied) : Promise.resolve(readFileSync(path)));
    const { code, stdout } = await cli(['-f', 'json'], { cwd, readFile });
    expect(code).toBe(2);
    expect(byName(parseJson(stdout), 'locked.md').messages[0]!.message).toBe('cannot read file: permission denied');
    expectGoodReported(stdout);
  });

  it('a dangling symlink named on the command line is a missing path', async () => {
    const cwd = tree(good);
    symlinkSync(join(cwd, 'gone.md'), join(cwd, 'link.md'));
    const { code, stderr, stdout } = await cli(['-f', 'json', 'link.md', 'good.md'], { cwd });
    expect(code).toBe(2);
    expect(stderr).toBe('postlint: link.md: no such file or directory\n');
    expectGoodReported(stdout);
  });

  it('an unknown rule id in a config: one line naming the config and rule, other folders still linted', async () => {
    const cwd = tree({
      'shop/postlint.config.json': JSON.stringify({ rules: { 'too-lng': 'error' } }),
      'shop/post.md': PROMO_EN,
      ...good,
    });
    const { code, stdout, stderr } = await cli(['-f', 'json'], { cwd });
    expect(code).toBe(2);
    expect(stderr).toBe(`postlint: ${join('shop', 'postlint.config.json')}: unknown rule 'too-lng' in rules (did you mean 'too-long'?)\n`);
    expectGoodReported(stdout);
    expect(parseJson(stdout).some((r) => r.filePath.includes('shop'))).toBe(false);
  });

  it('a bad rule option: one line naming the config, rule and option', async () => {
    const cwd = tree({
      'shop/.postlintrc.yaml': 'rules:\n  excessive-self-promotion: [warn, { minSelf: "many" }]\n',
      'shop/post.md': PROMO_EN,
      ...good,
    });
    const { code, stdout, stderr } = await cli(['-f', 'json'], { cwd });
    expect(code).toBe(2);
    expect(stderr).toBe(`postlint: ${join('shop', '.postlintrc.yaml')}: rule 'excessive-self-promotion': option 'minSelf' must be integer\n`);
    expectGoodReported(stdout);
  });

  it('a broken --config file is a usage-level error for the whole run', async () => {
    const cwd = tree({ ...good, 'bad.json': '{ "rules": ' });
    const { code, stderr, stdout } = await cli(['--config', 'bad.json'], { cwd });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^postlint: .*bad\.json: cannot read config: .+\n$/u);
  });

  it('errors carry no stack trace unless --debug', async () => {
    const cwd = tree({ ...good, 'bad.json': '{ "rules": ' });
    expect((await cli(['--config', 'bad.json'], { cwd })).stderr).not.toMatch(/\n\s+at /u);
    expect((await cli(['--config', 'bad.json', '--debug'], { cwd })).stderr).toMatch(/\n\s+at /u);
  });
});

describe('postlint CLI: options', () => {
  it('--max-warnings fails the run when warnings exceed it', async () => {
    const cwd = tree({ 'promo.md': PROMO_EN });
    const over = await cli(['--max-warnings', '1'], { cwd });
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('postlint: too many warnings (2); the maximum allowed is 1\n');
    expect((await cli(['--max-warnings', '2'], { cwd })).code).toBe(0);
    expect((await cli(['--max-warnings', '0'], { cwd: tree({ 'c.md': CLEAN_EN }) })).code).toBe(0);
  });

  it('--quiet reports errors only', async () => {
    const cwd = tree({ 'promo.md': PROMO_EN, 'long.md': LONG });
    const { code, stdout } = await cli(['--quiet', '-f', 'json'], { cwd });
    expect(code).toBe(1);
    const results = parseJson(stdout);
    expect(results.flatMap(rulesOf)).toEqual(['too-long']);
    expect((await cli(['--quiet', 'promo.md'], { cwd })).stdout).toBe('');
    expect((await cli(['--quiet', '--max-warnings', '0', 'promo.md'], { cwd })).code).toBe(0);
  });

  it('--rule changes a severity for the run', async () => {
    const cwd = tree({ 'promo.md': PROMO_EN });
    const results = parseJson((await cli(['-f', 'json', '--rule', 'no-question-asked: off', '--rule', 'excessive-self-promotion: error'], { cwd })).stdout);
    expect(results[0]!.messages.map((m) => [m.ruleId, m.severity])).toEqual([['excessive-self-promotion', 2]]);
  });

  it('--rule takes options as JSON', async () => {
    const cwd = tree({ 'long.md': LONG });
    const { code } = await cli(['--rule', 'too-long: [error, {"limits": {"x": 1000}}]'], { cwd });
    expect(code).toBe(0);
  });

  it('reads stdin with --stdin, using --stdin-filename for config and output', async () => {
    const cwd = tree({ 'drafts/.postlintrc.json': JSON.stringify({ rules: { 'no-question-asked': 'error' } }) });
    const { code, stdout } = await cli(['--stdin', '--stdin-filename', 'drafts/new.md', '-f', 'json'], { cwd, stdin: PROMO_ES });
    expect(code).toBe(1);
    const [result] = parseJson(stdout);
    expect(result!.filePath).toBe(join(cwd, 'drafts', 'new.md'));
    expect(result!.messages.find((m) => m.ruleId === 'no-question-asked')).toMatchObject({ severity: 2 });
    expect(result!.messages.every((m) => /[áéíóúñ¿¡«]/u.test(m.message))).toBe(true);
    const anonymous = await cli(['--stdin'], { cwd, stdin: CLEAN_EN });
    expect(anonymous).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('checks stdin like a file: binary, invalid UTF-8 and empty input are reported', async () => {
    const cwd = tree({});
    for (const [input, message] of [
      [Buffer.from([0x47, 0x49, 0x46, 0x00, 0x01]), 'binary file'],
      [Buffer.from([0x48, 0x6f, 0x6c, 0x61, 0xf1]), 'invalid UTF-8'],
      [Buffer.from('\n  \n'), 'empty file'],
    ] as const) {
      const { code, stdout } = await cli(['--stdin', '-f', 'json'], { cwd, stdin: input });
      expect(code).toBe(2);
      expect(parseJson(stdout)[0]!.messages[0]!.message).toContain(message);
    }
  });

  it('says so when --stdin-filename or a named file is covered by the config ignores', async () => {
    const cwd = tree({ 'postlint.config.json': JSON.stringify({ ignores: ['archive/**'] }), 'archive/a.md': PROMO_EN });
    const piped = await cli(['--stdin', '--stdin-filename', 'archive/new.md'], { cwd, stdin: PROMO_EN });
    expect(piped).toEqual({ code: 0, stdout: '', stderr: `postlint: ${join('archive', 'new.md')}: ignored by the config's ignores (use --no-ignore to lint it)\n` });
    const named = await cli(['archive/a.md'], { cwd });
    expect(named.stderr).toContain("ignored by the config's ignores");
  });

  it('the real binary reads stdin and sets the exit code', () => {
    const cwd = tree({});
    const result = spawnCli(['--stdin', '-f', 'json'], { cwd, input: LONG });
    expect(result.code).toBe(1);
    expect(parseJson(result.stdout)[0]!.filePath).toBe('<stdin>');
    const clean = spawnCli(['--stdin'], { cwd, input: CLEAN_EN });
    expect(clean).toMatchObject({ code: 0, stdout: '' });
  });

  it('--print-config shows the configuration for a file', async () => {
    const cwd = tree({ 'postlint.config.yaml': 'platform: [bluesky]\nbrand:\n  names: [Panadería Lola]\nrules:\n  no-question-asked: off\n' });
    const { code, stdout } = await cli(['--print-config', 'drafts/a.md'], { cwd });
    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as { configFile: string; platforms: string[]; brand: { names: string[] }; rules: Record<string, { severity: string }> };
    expect(printed.configFile).toBe(join(cwd, 'postlint.config.yaml'));
    expect(printed.platforms).toEqual(['bluesky']);
    expect(printed.brand.names).toEqual(['Panadería Lola']);
    expect(printed.rules['no-question-asked']!.severity).toBe('off');
    expect(printed.rules['too-long']!.severity).toBe('error');
  });
});

describe('postlint stats', () => {
  it('prints a length table per post, part and platform', async () => {
    const cwd = tree({ 'a.md': '---\nplatform: bluesky\n---\nHello #bread @lola https://example.com/a/very/long/path/indeed\n\n---\n\nSecond part\n' });
    const { code, stdout, stderr } = await cli(['stats', 'a.md'], { cwd });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^File\s+Part\s+Platform\s+Length\s+Limit\s+Left\s+Hashtags\s+Mentions\s+Lang\s+Reading$/u);
    expect(lines[1]).toMatch(/^a\.md\s+1\/2\s+Bluesky\s+/u);
    expect(stdout).toMatch(/a\.md\s+2\/2\s+X\s+11\s+280\s+269\s/u);
  });

  it('prints JSON with --format json, and Spanish headers for a Spanish locale', async () => {
    const cwd = tree({ 'a.md': 'Hola, ¿qué tal?\n' });
    const json = JSON.parse((await cli(['stats', '-f', 'json', 'a.md'], { cwd })).stdout) as { file: string; lang: string }[];
    expect(json[0]).toMatchObject({ file: 'a.md', lang: 'es' });
    expect((await cli(['stats', 'a.md'], { cwd, env: { LANG: 'es_ES.UTF-8' } })).stdout).toMatch(/^Archivo/u);
  });

  it('reports unreadable files and bad formats as errors', async () => {
    const cwd = tree({ 'a.md': 'Hi there\n', 'b.md': '---\nkind: answer\n---\nHi\n', 'c.md': '' });
    const run = await cli(['stats', '.'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("b.md: frontmatter 'kind' must be 'post' or 'reply'");
    expect(run.stderr).toContain('c.md: empty file');
    expect((await cli(['stats', '-f', 'sarif', 'a.md'], { cwd })).code).toBe(2);
  });
});

describe('postlint CLI: configuration and directives', () => {
  it('finds the nearest config upward from each file, in every supported format', async () => {
    const off = { rules: { 'no-question-asked': 'off' } };
    const cwd = tree({
      'a/postlint.config.json': JSON.stringify(off),
      'a/post.md': PROMO_EN,
      'b/.postlintrc': 'rules:\n  no-question-asked: off\n',
      'b/deep/er/post.md': PROMO_EN,
      'c/package.json': JSON.stringify({ name: 'c', postlint: off }),
      'c/post.md': PROMO_EN,
      'd/postlint.config.mjs': `export default ${JSON.stringify(off)};`,
      'd/post.md': PROMO_EN,
      'e/.postlintrc.yml': 'rules:\n  no-question-asked: "off"\n',
      'e/post.md': PROMO_EN,
      'f/post.md': PROMO_EN,
    });
    const results = parseJson((await cli(['-f', 'json'], { cwd })).stdout);
    for (const dir of ['a', 'b/deep/er', 'c', 'd', 'e']) expect(rulesOf(byName(results, `${dir}/post.md`)), dir).toEqual(['excessive-self-promotion']);
    expect(rulesOf(byName(results, 'f/post.md'))).toEqual(['excessive-self-promotion', 'no-question-asked']);
  });

  it('applies overrides by glob, and platform and brand from config', async () => {
    const cwd = tree({
      'postlint.config.json': JSON.stringify({
        brand: { names: ['Lola'] },
        overrides: [
          { files: 'linkedin/**', platform: 'linkedin' },
          { files: ['*.reply.md'], rules: { 'excessive-self-promotion': 'off' } },
        ],
      }),
      'x/long.md': LONG,
      'linkedin/long.md': LONG,
      'x/promo.reply.md': PROMO_EN,
    });
    const results = parseJson((await cli(['-f', 'json'], { cwd })).stdout);
    expect(rulesOf(byName(results, 'x/long.md'))).toEqual(['too-long']);
    expect(rulesOf(byName(results, 'linkedin/long.md'))).toEqual([]);
    expect(rulesOf(byName(results, 'x/promo.reply.md'))).toEqual(['no-question-asked']);
  });

  it('honours inline directives, which never count as text or length', async () => {
    const cwd = tree({
      'all.md': `<!-- postlint-disable -->\n${PROMO_EN}`,
      'one.md': `<!-- postlint-disable no-question-asked -- announcement only -->\n${PROMO_EN}`,
      'next.md': `Intro line here.\n\n<!-- postlint-disable-next-line excessive-self-promotion -->\n${PROMO_EN}`,
      'reenable.md': `<!-- postlint-disable -->\nPlain intro.\n\n<!-- postlint-enable excessive-self-promotion -->\n${PROMO_EN}`,
      'length.md': `<!-- ${'a very long drafting note that is not part of the post '.repeat(6)}-->\n\n${CLEAN_EN}`,
    });
    const results = parseJson((await cli(['-f', 'json'], { cwd })).stdout);
    expect(rulesOf(byName(results, 'all.md'))).toEqual([]);
    expect(rulesOf(byName(results, 'one.md'))).toEqual(['excessive-self-promotion']);
    expect(rulesOf(byName(results, 'next.md'))).toEqual(['no-question-asked']);
    expect(rulesOf(byName(results, 'reenable.md'))).toEqual(['excessive-self-promotion']);
    expect(rulesOf(byName(results, 'length.md'))).toEqual([]);
  });

  it('reports an unknown rule id in a directive, in the post’s language, with a suggestion', async () => {
    const cwd = tree({
      'en.md': `<!-- postlint-disable-next-line no-question-askd -->\n${PROMO_EN}`,
      'es.md': `<!-- postlint-disable too-lnog -->\n${PROMO_ES}`,
    });
    const { code, stdout } = await cli(['-f', 'json'], { cwd });
    expect(code).toBe(1);
    const results = parseJson(stdout);
    expect(byName(results, 'en.md').messages[0]).toMatchObject({
      ruleId: 'no-question-askd',
      severity: 2,
      line: 1,
      message: "Definition for rule 'no-question-askd' was not found (in postlint-disable-next-line); did you mean 'no-question-asked'?",
    });
    expect(byName(results, 'es.md').messages[0]!.message).toBe("No existe la regla 'too-lnog' nombrada en postlint-disable (¿querías decir 'too-long'?).");
  });

  it('respects .gitignore, .postlintignore and config ignores; --no-ignore lints them', async () => {
    const cwd = tree({
      '.gitignore': 'build/\n',
      '.postlintignore': 'archive/**\n',
      'postlint.config.json': JSON.stringify({ ignores: ['templates/**'] }),
      'build/out.md': PROMO_EN,
      'archive/old.md': PROMO_EN,
      'templates/t.md': PROMO_EN,
      'node_modules/pkg/readme.md': PROMO_EN,
      'drafts/new.md': PROMO_EN,
      'drafts/notes.txt': PROMO_EN,
      'drafts/image.png': 'not a draft',
    });
    const paths = (out: string): string[] => parseJson(out).map((r) => r.filePath.slice(cwd.length + 1)).sort();
    expect(paths((await cli(['-f', 'json'], { cwd })).stdout)).toEqual(['drafts/new.md', 'drafts/notes.txt']);
    expect(paths((await cli(['-f', 'json', '--no-ignore'], { cwd })).stdout)).toEqual(['archive/old.md', 'build/out.md', 'drafts/new.md', 'drafts/notes.txt', 'templates/t.md']);
  });

  it('skips a file named on the command line when an ignore file covers it, saying so', async () => {
    const cwd = tree({ '.postlintignore': 'archive/**\n', 'archive/old.md': PROMO_EN, 'new.md': CLEAN_EN });
    const { code, stdout, stderr } = await cli(['-f', 'json', 'archive/old.md', 'new.md'], { cwd });
    expect(code).toBe(0);
    expect(stderr).toBe('postlint: archive/old.md: ignored by .gitignore or .postlintignore (use --no-ignore to lint it)\n');
    expect(parseJson(stdout).map((r) => r.filePath)).toEqual([join(cwd, 'new.md')]);
    expect(parseJson((await cli(['-f', 'json', '--no-ignore', 'archive/old.md'], { cwd })).stdout)).toHaveLength(1);
  });

  it('never writes to the linted files', async () => {
    const cwd = tree({ 'a.md': PROMO_EN, 'b.md': LONG, 'c.md': '---\nbroken: [\n---\n' });
    const before = snapshot(cwd);
    await cli(['-f', 'json'], { cwd });
    await cli([], { cwd });
    expect(snapshot(cwd)).toEqual(before);
  });
});
