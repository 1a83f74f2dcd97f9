import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../config';
import { ensurePythonTool, SHELLCHECK } from './pythonTools';

const SCRIPTS = ['deploy/deploy.sh', 'deploy/rollback.sh', 'deploy/lib.sh', 'deploy/temporal/register-search-attributes.sh'];
const PASSWORD = 'stub-password-0123456789';
const KEY = 'stub-admin-key-0123456789abcdefXYZ';
// Absolute, so a test can hand the script a PATH without bash on it.
const BASH = spawnSync('sh', ['-c', 'command -v bash'], { encoding: 'utf8' }).stdout.trim();

let shellcheck: { path?: string; reason?: string } = {};
beforeAll(() => {
  shellcheck = ensurePythonTool(SHELLCHECK);
  if (!shellcheck.path) console.warn(`[scripts.test] shellcheck skipped: ${shellcheck.reason}`);
}, 180_000);

/**
 * A sandbox where `docker` and `curl` are stubs that log every call (with the SM_TAG Compose
 * would see) and answer like a healthy system; STUB_SMOKE_FAIL=1 makes the smoke test fail.
 */
function sandbox(stateLines: string[] = []) {
  const dir = mkdtempSync(path.join(tmpdir(), 'sm-deploy-'));
  const bin = path.join(dir, 'bin');
  mkdirSync(bin);
  const calls = path.join(dir, 'calls.log');
  writeFileSync(
    path.join(bin, 'docker'),
    `#!/bin/sh
printf '%s | SM_TAG=%s\\n' "$*" "\${SM_TAG:-}" >> "${calls}"
case "$*" in
  *"config --services"*) printf 'api\\nworker\\n' ;;
  *"ps -q"*) echo container-1 ;;
  "inspect "*) echo healthy ;;
  *" logs "*) printf 'connecting with ${PASSWORD}\\nGenerated an admin API key (also saved to x):\\n  generated-key-abcdef0123456789\\nok\\n' ;;
  *"scripts/smoke.ts"*) if [ "\${STUB_SMOKE_FAIL:-}" = 1 ]; then echo '{"ok":false}'; exit 1; fi; echo '{"ok":true}' ;;
esac
exit 0
`,
  );
  writeFileSync(path.join(bin, 'curl'), `#!/bin/sh\necho "curl $*" >> "${calls}"\nprintf 200\n`);
  chmodSync(path.join(bin, 'docker'), 0o755);
  chmodSync(path.join(bin, 'curl'), 0o755);
  const state = path.join(dir, 'state', 'deployments.log');
  if (stateLines.length) {
    mkdirSync(path.dirname(state));
    writeFileSync(state, stateLines.map((l) => `${l}\n`).join(''));
  }
  const envFile = path.join(dir, 'env');
  writeFileSync(envFile, `POSTGRES_PASSWORD=${PASSWORD}\nAPI_KEYS=ops=${KEY}@admin\n`);
  const run = (script: string, args: string[] = [], env: Record<string, string> = {}) =>
    spawnSync(BASH, [path.join(projectRoot, script), ...args], {
      encoding: 'utf8',
      env: {
        PATH: `${bin}:${process.env.PATH}`,
        HOME: dir,
        SM_STATE_FILE: state,
        SM_LOG_DIR: path.join(dir, 'logs'),
        SM_ENV_FILE: envFile,
        HEALTH_TIMEOUT: '5',
        ...env,
      },
    });
  const readCalls = () => (existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n') : []);
  const readState = () => (existsSync(state) ? readFileSync(state, 'utf8').trim().split('\n') : []);
  return { dir, run, readCalls, readState, envFile };
}

describe('deploy shell scripts', () => {
  it.each(SCRIPTS)('%s parses with bash -n', (script) => {
    const result = spawnSync('bash', ['-n', path.join(projectRoot, script)], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('passes shellcheck, following the sourced library', ({ skip }) => {
    if (!shellcheck.path) skip(shellcheck.reason);
    const result = spawnSync(shellcheck.path!, ['-x', ...SCRIPTS], { cwd: projectRoot, encoding: 'utf8' });
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('deploy.sh', () => {
  it('fails the pre-flight with exit 2, naming each missing variable, and changes nothing', () => {
    const box = sandbox();
    writeFileSync(box.envFile, '');
    const result = box.run('deploy/deploy.sh', ['v1']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('POSTGRES_PASSWORD is not set');
    expect(result.stderr).toContain('API_KEYS is not set');
    expect(box.readCalls().filter((c) => / (up|build|run) /.test(c))).toEqual([]);
  });

  it('refuses a password that cannot sit in a connection string, and a malformed API_KEYS entry', () => {
    const box = sandbox();
    writeFileSync(box.envFile, 'POSTGRES_PASSWORD=p@ss:word/with#signs\nAPI_KEYS=ops=short@admin\n');
    const result = box.run('deploy/deploy.sh', ['--check']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('POSTGRES_PASSWORD must be at least 12 URL-safe characters');
    expect(result.stderr).toContain('API_KEYS entry "ops" is not name=key@scope,scope');
  });

  it('fails the pre-flight with exit 2 when docker and curl are missing', () => {
    const box = sandbox();
    // A PATH with the core utilities the scripts use, and neither docker nor curl.
    const core = path.join(box.dir, 'core');
    mkdirSync(core);
    for (const tool of ['bash', 'dirname', 'date', 'grep', 'awk', 'tail', 'tr', 'mkdir', 'git', 'sed', 'cat']) {
      const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
      if (found) symlinkSync(found, path.join(core, tool));
    }
    const result = box.run('deploy/deploy.sh', ['--check'], { PATH: core });
    expect(result.stderr).toContain('missing tools: docker curl');
    expect(result.status).toBe(2);
  });

  it('builds, migrates, registers search attributes, rolls workers before the API and the connectors, checks health, smokes and records the tag', () => {
    const box = sandbox(['2024-01-01T00:00:00Z v1 deploy']);
    const result = box.run('deploy/deploy.sh', ['v2'], { WORKERS: '3' });
    expect(result.stderr).toContain('deployed v2');
    expect(result.status).toBe(0);
    const calls = box.readCalls();
    const at = (pattern: string) => calls.findIndex((c) => c.includes(pattern));
    const order = [
      'build migrate | SM_TAG=v2',
      'up -d postgres redis temporal',
      'run --rm --no-deps -T migrate',
      'run --rm --no-deps -T temporal-setup',
      'up -d --no-deps --scale worker=3 worker | SM_TAG=v2',
      'up -d --no-deps api temporal-ui | SM_TAG=v2',
      'up -d --no-deps connectors | SM_TAG=v2',
      'curl -s -o /dev/null',
      'scripts/smoke.ts --url http://api:8000',
    ].map(at);
    expect(
      order.every((i) => i >= 0),
      calls.join('\n'),
    ).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(calls.filter((c) => c.startsWith('curl')).every((c) => c.endsWith(' http://localhost:8000/health'))).toBe(true);
    expect(box.readState().map((l) => l.split(' ').slice(1).join(' '))).toEqual(['v1 deploy', 'v2 deploy']);
  });

  it('polls the published ip:port from .env when DEPLOY_URL is not set', () => {
    const box = sandbox(['t1 v1 deploy']);
    writeFileSync(box.envFile, `POSTGRES_PASSWORD=${PASSWORD}\nAPI_KEYS=ops=${KEY}@admin\nAPI_PUBLISH=127.0.0.1:18000\n`);
    expect(box.run('deploy/deploy.sh', ['v2']).status).toBe(0);
    expect(box.readCalls().filter((c) => c.startsWith('curl'))[0]).toMatch(/ http:\/\/127\.0\.0\.1:18000\/health$/);
  });

  it('captures redacted logs and records nothing when the smoke test fails', () => {
    const box = sandbox(['2024-01-01T00:00:00Z v1 deploy']);
    const result = box.run('deploy/deploy.sh', ['v2'], { STUB_SMOKE_FAIL: '1' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('deploy of v2 failed');
    expect(box.readState()).toEqual(['2024-01-01T00:00:00Z v1 deploy']);
    const [captured] = readdirSync(path.join(box.dir, 'logs')).filter((f) => /^\d{8}T\d{6}Z$/.test(f));
    const folder = path.join(box.dir, 'logs', captured!);
    expect(readdirSync(folder).sort()).toEqual(['api.log', 'ps.txt', 'tag', 'worker.log']);
    const apiLog = readFileSync(path.join(folder, 'api.log'), 'utf8');
    expect(apiLog).not.toContain(PASSWORD);
    expect(apiLog).not.toContain('generated-key-abcdef0123456789');
    expect(apiLog).toContain('connecting with [redacted]');
    expect(readFileSync(path.join(folder, 'tag'), 'utf8').trim()).toBe('v2');
  });
});

describe('rollback.sh', () => {
  it('redeploys the previous tag without building or migrating, then records the rollback', () => {
    const box = sandbox(['2024-01-01T00:00:00Z v1 deploy', '2024-01-02T00:00:00Z v2 deploy']);
    const result = box.run('deploy/rollback.sh');
    expect(result.stderr).toContain('rolled back to v1');
    expect(result.status).toBe(0);
    const calls = box.readCalls();
    expect(calls.some((c) => c.includes('up -d --no-deps --scale worker=2 worker | SM_TAG=v1'))).toBe(true);
    expect(calls.some((c) => c.includes('up -d --no-deps api | SM_TAG=v1'))).toBe(true);
    expect(calls.some((c) => c.includes('up -d --no-deps connectors | SM_TAG=v1'))).toBe(true);
    expect(calls.some((c) => c.includes('scripts/smoke.ts'))).toBe(true);
    expect(calls.filter((c) => / build | migrate/.test(c))).toEqual([]);
    expect(box.readState().at(-1)).toMatch(/ v1 rollback$/);
  });

  it('skips repeated deploys of the current tag when it looks for the previous one', () => {
    const box = sandbox(['t1 v1 deploy', 't2 v2 deploy', 't3 v3 deploy', 't4 v3 deploy']);
    const result = box.run('deploy/rollback.sh');
    expect(result.status).toBe(0);
    expect(box.readState().at(-1)).toMatch(/ v2 rollback$/);
  });

  it('refuses with exit 2 when there is nothing to roll back to', () => {
    const box = sandbox(['2024-01-01T00:00:00Z v1 deploy']);
    const result = box.run('deploy/rollback.sh');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('no previous deployment');
    expect(box.readCalls()).toEqual([]);
  });
});
