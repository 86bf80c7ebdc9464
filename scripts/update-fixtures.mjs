// Regenerates fixtures/rules/<id>/<case>.expected.txt from the current rules.
// Review the diff: an expected file must never be edited by hand to match a bug.
import { readdirSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '@postlint/rules';
import { lintFixture, readFixtureCases, renderReport } from '@postlint/testing';

const root = join(import.meta.dirname, '..', 'fixtures', 'rules');
let written = 0;
let invalidWithoutReport = 0;
for (const id of readdirSync(root).sort()) {
  const rule = rules.get(id);
  if (!rule) {
    console.error(`fixtures/rules/${id}: no rule with this id`);
    process.exitCode = 1;
    continue;
  }
  for (const fixture of readFixtureCases(join(root, id))) {
    const result = await lintFixture(rule, fixture);
    if (fixture.valid) {
      if (existsSync(fixture.expectedPath)) rmSync(fixture.expectedPath);
      if (result.messages.length > 0) console.warn(`fixtures/rules/${id}/${fixture.name}: valid case reports ${result.messages.length} problem(s)`);
      continue;
    }
    if (result.messages.length === 0) {
      invalidWithoutReport++;
      console.warn(`fixtures/rules/${id}/${fixture.name}: invalid case reports nothing`);
    }
    writeFileSync(fixture.expectedPath, renderReport(result));
    written++;
  }
}
console.log(`wrote ${written} expected files${invalidWithoutReport ? `; ${invalidWithoutReport} invalid case(s) report nothing` : ''}`);
