import { describe, expect, it } from 'vitest';
import type { LintMessage } from '@postlint/core';
import { lintFixture, type FixtureSettings } from '@postlint/testing';
import shouting from '../src/shouting.js';

async function lint(source: string, settings: FixtureSettings = {}): Promise<LintMessage[]> {
  const fixture = { name: 'case.md', path: 'case.md', valid: false, source, settings, expectedPath: '' };
  return (await lintFixture(shouting, fixture)).messages;
}

const en = (text: string): string => `---\nlang: en\n---\n${text}\n`;
const es = (text: string): string => `---\nlang: es\n---\n${text}\n`;
const found = async (source: string, settings?: FixtureSettings): Promise<string[]> =>
  (await lint(source, settings)).map((m) => /^[“«](.*?)[”»]/u.exec(m.message)?.[1] ?? m.message);

describe('shouting', () => {
  it('reports runs of capitals, from the first to the last capital word', async () => {
    expect(await found(en('Our BIG SUMMER SALE starts now, see you there.'))).toEqual(['BIG SUMMER SALE']);
    expect(await found(es('ÚLTIMOS DÍAS DE REBAJAS en la tienda.'))).toEqual(['ÚLTIMOS DÍAS DE REBAJAS']);
  });

  it('needs two words of 3+ letters, or one with two short ones', async () => {
    expect(await found(en('It is FREE today.'))).toEqual([]);
    expect(await found(en('NO WAY, come in.'))).toEqual([]);
    expect(await found(es('NO TE LO PIERDAS, de verdad.'))).toEqual(['NO TE LO PIERDAS']);
  });

  it('does not carry a run over a line break or a lower-case word', async () => {
    expect(await found(en('Opening hours: MONDAY\nFRIDAY only.'))).toEqual([]);
    expect(await found(en('MONDAY and FRIDAY only.'))).toEqual([]);
  });

  it('ignores acronyms, brand names, Roman numerals and the allow option, which neither count nor break a run', async () => {
    expect(await found(es('Trae el DNI, el NIE y la ITV; el IVA va aparte.'))).toEqual([]);
    expect(await found(en('NEW GDPR RULES explained.'))).toEqual(['NEW GDPR RULES']);
    expect(await found(en('Henry VIII and George III walked here.'))).toEqual([]);
    expect(await found(en('The ACME TOOLS catalogue.'), { brand: { names: ['Acme Tools'] } })).toEqual([]);
    expect(await found(en('Grab the TURBO KIT today.'))).toEqual(['TURBO KIT']);
    expect(await found(en('Grab the TURBO KIT today.'), { options: { allow: ['TURBO'] } })).toEqual([]);
  });

  it('reports chains of ! and ?, and a Spanish pair of chains once', async () => {
    expect(await found(en('We did it!!! Really?! Why??'))).toEqual(['!!!', '?!', '??']);
    expect(await found(es('¡¡Ya están aquí!! ¿¿En serio??'))).toEqual(['¡¡…!!', '¿¿…??']);
    expect(await found(en('One is enough! Right?'))).toEqual([]);
  });

  it('accepts a correctly mirrored Spanish question-exclamation, but not in English', async () => {
    expect(await found(es('¿¡De verdad no lo conoces!? ¡¿Cómo que no?!'))).toEqual([]);
    expect(await found(es('¿¡De verdad no lo conoces?!'))).toEqual(['¿¡…?!']);
    expect(await found(en('¿¡Really!?'))).toEqual(['¿¡…!?']);
  });

  it('skips hashtags, mentions, links and code', async () => {
    expect(await found(en('Use `SELECT ALL NOW` at https://shop.example.com/BIG/SALE with @BIG_SHOP #BLACK #FRIDAY!'))).toEqual([]);
  });

  it('applies to English and Spanish posts only', async () => {
    expect(await lint('---\nlang: fr\n---\nGRANDE VENTE aujourd’hui !!!\n')).toEqual([]);
  });
});
