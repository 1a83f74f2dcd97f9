import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config';

const webDir = path.join(projectRoot, 'web');
const distIndex = path.join(webDir, 'dist', 'index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the dashboard when its sources (or the locales) are newer than the last build. */
export async function buildWebIfStale(): Promise<void> {
  const config = path.join(webDir, 'vite.config.mts');
  if (!existsSync(config)) return;
  const built = existsSync(distIndex) ? statSync(distIndex).mtimeMs : 0;
  const sources = Math.max(newestMtime(webDir), newestMtime(path.join(projectRoot, 'locales')));
  if (built >= sources) return;
  console.log('[start] building the dashboard…');
  execFileSync(
    process.execPath,
    [path.join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', config, '--logLevel', 'warn'],
    {
      cwd: projectRoot,
      stdio: 'inherit',
    },
  );
}
