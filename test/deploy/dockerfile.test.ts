import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../config';
import { ensurePythonTool, HADOLINT } from './pythonTools';

const dockerfile = readFileSync(path.join(projectRoot, 'deploy', 'Dockerfile'), 'utf8');
const ignored = readFileSync(path.join(projectRoot, '.dockerignore'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));
const stages = [...dockerfile.matchAll(/^FROM \S+ AS (\w+)$/gm)].map((m) => m[1]);
const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));

let hadolint: { path?: string; reason?: string } = {};
beforeAll(() => {
  hadolint = ensurePythonTool(HADOLINT);
  if (!hadolint.path) console.warn(`[dockerfile.test] hadolint skipped: ${hadolint.reason}`);
}, 180_000);

describe('deploy/Dockerfile', () => {
  it('passes hadolint without a finding', ({ skip }) => {
    if (!hadolint.path) skip(hadolint.reason);
    const result = spawnSync(hadolint.path!, ['--no-color', path.join(projectRoot, 'deploy', 'Dockerfile')], { encoding: 'utf8' });
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });

  it('builds in stages and ships production dependencies only', () => {
    expect(stages).toEqual(['deps', 'web', 'runtime']);
    expect(dockerfile).toMatch(/RUN npm ci --omit=dev/);
    expect(runtime).toContain('COPY --from=deps /app/node_modules ./node_modules');
    expect(runtime).toContain('COPY --from=web /app/web/dist ./web/dist');
    expect(dockerfile).toContain('npx vite build --config web/vite.config.mts');
  });

  it('runs as a non-root numeric user', () => {
    const users = [...runtime.matchAll(/^USER (.+)$/gm)].map((m) => m[1]);
    expect(users).toEqual(['1000:1000']);
  });

  it('keeps secrets, local state, tests and the training venv out of the build context', () => {
    for (const entry of ['.env', '.git', '.data', '.tools', '**/node_modules', 'test', 'models/.venv', 'web/dist'])
      expect(ignored).toContain(entry);
    // The runtime needs the migrations (db/migrations, shipped with db/), and models/ (artifacts,
    // cards, the AI4I sample).
    expect(ignored).toContain('deploy');
    expect(ignored.filter((l) => l === 'db' || l.startsWith('db/'))).toEqual([]);
    expect(ignored.filter((l) => l === 'models' || l === 'models/artifacts' || l === 'models/data' || l === 'models/cards')).toEqual([]);
  });
});
