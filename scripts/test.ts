/**
 * The test suite after lint and typecheck: tools and system packages installed, the dashboard
 * built once, then vitest twice, side by side — unit + integration + security in one run, the
 * browser e2e run in the other — each with its own global setup (its own test database and
 * Temporal dev server). The integration files mostly wait on servers and the browser files mostly
 * render, so on two cores the pair takes little longer than the longer run alone. The first run
 * streams its output; the e2e run's output is kept and printed whole once it ends, so the log reads
 * one run at a time. TEST_RUNS=serial runs them one after the other. Ends with one plain
 * "N passed, N failed" line.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config';
import { buildWebIfStale } from './build-web';
import { ensureSystemPackages } from './ensure-system-packages';
import { installTools } from './install-tools';

interface Run {
  name: string;
  projects: string[];
  /** Where its output goes while it runs: the terminal, or a file printed when it ends. */
  live: boolean;
}

const vitest = path.join(projectRoot, 'node_modules', 'vitest', 'vitest.mjs');
const reportDir = path.join(projectRoot, 'test-artifacts', 'reports');
const extra = process.argv.slice(2);

function runVitest(run: Run): Promise<{ status: number; log?: string }> {
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
  const log = run.live ? undefined : path.join(reportDir, `${run.name}.log`);
  const child = spawn(process.execPath, args, { cwd: projectRoot, stdio: log ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
  if (log) {
    const out = createWriteStream(log);
    child.stdout?.pipe(out);
    child.stderr?.pipe(out);
  }
  return new Promise((resolve) => child.on('close', (code) => resolve({ status: code ?? 1, log })));
}

interface JsonReport {
  numPassedTests: number;
  numFailedTests: number;
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { fullName: string; status: string; failureMessages?: string[] }[];
  }[];
}

/** Only the tail of a long CI log may be kept, so what failed is repeated at the very end. */
function failures(report: JsonReport): string[] {
  const firstLines = (text: string | undefined) => (text ?? '').split('\n').slice(0, 6).join('\n    ');
  const lines: string[] = [];
  for (const file of report.testResults) {
    const fileName = path.relative(projectRoot, file.name);
    const failedTests = file.assertionResults.filter((t) => t.status === 'failed');
    for (const t of failedTests) lines.push(`✗ ${fileName} › ${t.fullName}\n    ${firstLines(t.failureMessages?.[0])}`);
    // A file can fail outside any test (an error in a hook or at import).
    if (file.status === 'failed' && failedTests.length === 0) lines.push(`✗ ${fileName}\n    ${firstLines(file.message)}`);
  }
  return lines;
}

function readReport(name: string): JsonReport | undefined {
  try {
    return JSON.parse(readFileSync(path.join(reportDir, `${name}.json`), 'utf8')) as JsonReport;
  } catch {
    return undefined;
  }
}

async function main(): Promise<number> {
  installTools();
  ensureSystemPackages();
  mkdirSync(reportDir, { recursive: true });
  // Built here once: `npm start` in the reliability tests and the e2e files would otherwise both
  // find it stale and write web/dist at the same time.
  await buildWebIfStale();

  const runs: Run[] = [
    { name: 'unit-integration-security', projects: ['unit', 'integration', 'security'], live: true },
    { name: 'e2e', projects: ['e2e'], live: false },
  ];
  const serial = process.env.TEST_RUNS === 'serial';
  const results: { status: number; log?: string }[] = [];
  if (serial) {
    for (const run of runs) results.push(await runVitest({ ...run, live: true }));
  } else {
    results.push(...(await Promise.all(runs.map(runVitest))));
  }

  let passed = 0;
  let failed = 0;
  let exitCode = 0;
  const whatFailed: string[] = [];
  runs.forEach((run, i) => {
    const { status, log } = results[i]!;
    if (log) process.stdout.write(`\n── ${run.name} ──\n${readFileSync(log, 'utf8')}`);
    if (status !== 0) exitCode = status;
    const report = readReport(run.name);
    // No report means the run itself broke; its exit code already says so.
    if (!report) exitCode ||= 1;
    passed += report?.numPassedTests ?? 0;
    failed += report?.numFailedTests ?? 0;
    if (report) whatFailed.push(...failures(report));
  });
  if (whatFailed.length > 0) console.log(`\nFailed:\n${whatFailed.join('\n')}`);
  console.log(`\n${passed} passed, ${failed} failed`);
  return exitCode || (failed > 0 ? 1 : 0);
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
