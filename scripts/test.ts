/**
 * The test suite after lint and typecheck: tools and system packages installed, then vitest twice —
 * unit + integration in one run, then the browser e2e run — each with its own global setup (a
 * fresh test database and Temporal dev server). Ends with one plain "N passed, N failed" line.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config';
import { ensureSystemPackages } from './ensure-system-packages';
import { installTools } from './install-tools';

installTools();
ensureSystemPackages();

const vitest = path.join(projectRoot, 'node_modules', 'vitest', 'vitest.mjs');
const reportDir = path.join(projectRoot, 'test-artifacts', 'reports');
mkdirSync(reportDir, { recursive: true });
const extra = process.argv.slice(2);

const runs = [
  { name: 'unit-integration-security', projects: ['unit', 'integration', 'security'] },
  { name: 'e2e', projects: ['e2e'] },
];
let passed = 0;
let failed = 0;
let exitCode = 0;
for (const run of runs) {
  const report = path.join(reportDir, `${run.name}.json`);
  rmSync(report, { force: true });
  const args = [
    vitest,
    'run',
    ...run.projects.flatMap((p) => ['--project', p]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...extra,
  ];
  const result = spawnSync(process.execPath, args, { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) exitCode = result.status ?? 1;
  try {
    const json = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number };
    passed += json.numPassedTests;
    failed += json.numFailedTests;
  } catch {
    // No report means the run itself broke; its exit code already says so.
    if (exitCode === 0) exitCode = 1;
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(exitCode || (failed > 0 ? 1 : 0));
