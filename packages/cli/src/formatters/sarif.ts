/**
 * SARIF 2.1.0 for GitHub code scanning, Azure DevOps and SARIF viewers, built with
 * node-sarif-builder (it fills `ruleIndex` and the artifact indexes for us).
 *
 * Fatal problems (ruleId null) become ordinary results under the reserved rule id
 * `fatal`, with a rule descriptor of their own: GitHub code scanning requires a
 * `ruleId` on every result and shows results as alerts on the file, whereas
 * `toolExecutionNotifications` are not shown as alerts, so a broken draft would
 * silently vanish from the report.
 */
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import type * as SarifBuilderModule from 'node-sarif-builder';
import type { SarifRuleBuilder } from 'node-sarif-builder';
import type { Artifact, ArtifactLocation } from 'sarif';
import type { LintMessage } from '@postlint/core';
import type { Formatter, FormatterContext } from './types.js';
import { FATAL_RULE_ID, isOutside, portablePath, positionOf, ruleIdOf, severityWord } from './shared.js';

/** The OASIS-published schema (errata 01), the one the tests validate against. */
// Loaded only when SARIF is asked for, so other runs start faster.
let builders: typeof SarifBuilderModule | undefined;
const sarifBuilders = (): typeof SarifBuilderModule => (builders ??= createRequire(import.meta.url)('node-sarif-builder') as typeof SarifBuilderModule);

const SARIF_SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SRCROOT = '%SRCROOT%';
const INFORMATION_URI = 'https://www.npmjs.com/package/postlint';
const FATAL_DESCRIPTION =
  'The file could not be linted (unreadable, not UTF-8 text, or broken frontmatter).';

/**
 * Repository-relative, percent-encoded URI against %SRCROOT% (what code scanning maps
 * to the checkout). A file outside cwd cannot be expressed that way: give its file: URI.
 */
function artifactLocationOf(filePath: string, cwd: string): ArtifactLocation {
  if (isOutside(filePath, cwd)) return { uri: pathToFileURL(filePath).href };
  const uri = portablePath(filePath, cwd).split('/').map(encodeURIComponent).join('/');
  return { uri, uriBaseId: SRCROOT };
}

function ruleBuilderFor(
  ruleId: string,
  firstMessage: LintMessage,
  context: FormatterContext,
): SarifRuleBuilder {
  if (ruleId === FATAL_RULE_ID && firstMessage.ruleId === null) {
    return new (sarifBuilders().SarifRuleBuilder)().initSimple({ ruleId, shortDescriptionText: FATAL_DESCRIPTION });
  }
  const info = context.rules.get(ruleId);
  // The builder keeps a placeholder when given an empty text, so fall back to the id.
  const description = info !== undefined && info.description !== '' ? info.description : ruleId;
  const helpUri = info?.docsUrl ?? firstMessage.docsUrl;
  return new (sarifBuilders().SarifRuleBuilder)().initSimple({
    ruleId,
    shortDescriptionText: description,
    ...(helpUri === undefined || helpUri === '' ? {} : { helpUri }),
  });
}

export const sarif: Formatter = (results, context) => {
  const artifacts: Artifact[] = [];
  const seenUris = new Set<string>();
  // Rules in order of first appearance, each with the first message that used it.
  const rules = new Map<string, LintMessage>();

  for (const result of results) {
    const location = artifactLocationOf(result.filePath, context.cwd);
    if (location.uri !== undefined && !seenUris.has(location.uri)) {
      seenUris.add(location.uri);
      // Listed up front (with uriBaseId) so the builder indexes these instead of adding bare copies.
      artifacts.push({ location });
    }
    for (const message of result.messages) {
      const ruleId = ruleIdOf(message);
      if (!rules.has(ruleId)) rules.set(ruleId, message);
    }
  }

  const srcRoot = pathToFileURL(context.cwd).href;
  const { SarifBuilder, SarifResultBuilder, SarifRunBuilder } = sarifBuilders();
  const run = new SarifRunBuilder({
    artifacts,
    // Columns come from JavaScript strings; say so rather than leave viewers to guess.
    columnKind: 'utf16CodeUnits',
    originalUriBaseIds: { [SRCROOT]: { uri: srcRoot.endsWith('/') ? srcRoot : `${srcRoot}/` } },
  }).initSimple({ toolDriverName: 'postlint', toolDriverVersion: context.version, url: INFORMATION_URI });

  for (const [ruleId, firstMessage] of rules) run.addRule(ruleBuilderFor(ruleId, firstMessage, context));

  for (const result of results) {
    const location = artifactLocationOf(result.filePath, context.cwd);
    for (const message of result.messages) {
      const { line, column, endLine, endColumn } = positionOf(message);
      const builder = new SarifResultBuilder();
      builder.setRuleId(ruleIdOf(message));
      builder.setLevel(severityWord(message));
      builder.setMessageText(message.message);
      builder.setLocationArtifactUri({ ...location });
      builder.setLocationRegion({ startLine: line, startColumn: column, endLine, endColumn });
      run.addResult(builder);
    }
  }

  const log = new SarifBuilder({ $schema: SARIF_SCHEMA, version: '2.1.0' });
  log.addRun(run);
  // buildSarifJsonString would throw on a message that happens to contain its placeholder text.
  return JSON.stringify(log.buildSarifOutput(), null, 2);
};
