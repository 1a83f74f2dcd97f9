import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dynamicPrefixes, flatten, placeholders, readJson, sourceFiles, staticKeys, templateLiterals } from './localeKeys';

const root = path.resolve(__dirname, '../..');
const en = flatten(readJson(path.join(root, 'locales/en.json')));
const ptBR = flatten(readJson(path.join(root, 'locales/pt-BR.json')));
const files = sourceFiles(path.join(root, 'web/src'));
const sources = files.map((file) => readFileSync(file, 'utf8'));
const used = new Set(sources.flatMap((s) => [...staticKeys(s)]));
const builtAtRunTime = new Set(sources.flatMap((s) => [...dynamicPrefixes(s)]));

/**
 * Families whose keys are built from data at run time (a stage name, an API error code, a
 * status). Their members cannot be found by scanning, so the whole family counts as used;
 * a separate test checks each family really is built somewhere in web/src.
 */
const dynamicFamilies = [
  'errors.',
  'env.',
  'stages.',
  'stageStatus.',
  'runStatus.',
  'sensorTypes.',
  'health.state.',
  'health.dependency.',
  'health.dependencyStatus.',
  'language.name.',
  'language.short.',
  'decisions.action.',
  'decisions.value.',
  'goldenPath.scenario.',
  'runOutcome.',
  'decisionInbox.priority.',
  'overview.health.',
  'overview.orderStatus.',
  'goldenPath.transportKind.',
  'prediction.feature.',
  'prediction.machineType.',
  'models.metric.',
  'models.stage.',
  'simulation.kind.',
  'connections.kinds.',
  'connections.states.',
  'simulation.help.',
  'reports.type.',
  'debug.config.themeName.',
  'dataGovernance.dataClass.',
  'dataGovernance.subject.',
  'workflows.type.',
  'workflows.status.',
  'workflows.attribute.',
  'workOrders.status.',
  'workOrders.priority.',
  'workOrders.action.',
  'workOrders.bookings.status.',
  'reportSummary.',
  'workflowStory.business.',
  'workflowStory.stage.',
  'auth.oidcRefused.',
  'workflowStory.event.',
  'workflowFacts.field.',
  'workflowFacts.reason.',
  'explorerChart.quick.',
  'serverText.messages.',
  'serverText.events.',
  'reportText.field.',
  'alarms.state.',
  'alarms.severity.',
  'alarms.event.',
  'alarms.action.',
  'alarms.actionText.',
  'alarms.kpi.',
  'assets.status.',
  'assets.reason.',
  'lineage.kind.',
  'lineage.relation.',
  'lineage.subject.',
  'predictionDetail.status.',
  'modelGovernance.action.',
  'errors.expected.',
  'errors.field.',
  'errors.detail.',
];

/**
 * The server's catalogue (domain/serverText.ts, reports/localize.ts): rendered on the server as
 * well, and looked up in the dashboard through tables of sections rather than literal prefixes.
 * test/domain/serverText.test.ts checks that each of its keys is one the server uses.
 */
const serverFamilies = ['serverText.', 'reportText.'];

describe('locales', () => {
  it('gives pt-BR every key that en has', () => {
    const missing = [...en.keys()].filter((key) => !ptBR.has(key));
    expect(missing).toEqual([]);
  });

  it('has no pt-BR key that en lacks', () => {
    const extra = [...ptBR.keys()].filter((key) => !en.has(key));
    expect(extra).toEqual([]);
  });

  it('has no empty message in either language', () => {
    const empty = [...en, ...ptBR].filter(([, value]) => value.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('uses the same placeholders and plural branches in both languages', () => {
    const mismatched = [...en]
      .filter(([key, value]) => {
        const other = ptBR.get(key) ?? '';
        return placeholders(value).join() !== placeholders(other).join() || value.split('|').length !== other.split('|').length;
      })
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it('uses every en key somewhere in web/src', () => {
    const unused = [...en.keys()].filter(
      (key) => !used.has(key) && ![...dynamicFamilies, ...serverFamilies].some((prefix) => key.startsWith(prefix)),
    );
    expect(unused).toEqual([]);
  });

  it('defines every key web/src names literally', () => {
    const undefinedKeys = [...used].filter((key) => !en.has(key));
    expect(undefinedKeys).toEqual([]);
  });

  it('lists only dynamic families that web/src really builds at run time', () => {
    const stale = dynamicFamilies.filter((prefix) => ![...builtAtRunTime].some((built) => built === prefix));
    expect(stale).toEqual([]);
  });

  it('covers every run-time key family web/src builds with the allow-list', () => {
    const uncovered = [...builtAtRunTime].filter((built) => !dynamicFamilies.includes(built));
    expect(uncovered).toEqual([]);
  });

  it('finds no text literal in any Vue template', () => {
    const literals = files
      .filter((file) => file.endsWith('.vue'))
      .flatMap((file) => templateLiterals(readFileSync(file, 'utf8')).map((text) => `${path.relative(root, file)}: ${text}`));
    expect(literals).toEqual([]);
  });
});
