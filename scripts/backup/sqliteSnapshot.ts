import { execFileSync } from 'node:child_process';

/**
 * A consistent copy of a SQLite file that another process (the Temporal dev server) may be writing:
 * SQLite's online backup API copies a snapshot, where a plain file copy could catch a half-written
 * page or miss the WAL. The sqlite3 shell is used when installed, else Python's sqlite3 module.
 */
export function snapshotSqlite(source: string, target: string): void {
  try {
    execFileSync('sqlite3', [source, `.backup '${target.replace(/'/g, "''")}'`], { stdio: ['ignore', 'ignore', 'pipe'] });
    return;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const script = [
    'import sqlite3, sys',
    'src = sqlite3.connect(sys.argv[1]); dst = sqlite3.connect(sys.argv[2])',
    'src.backup(dst); dst.close(); src.close()',
  ].join('\n');
  execFileSync('python3', ['-c', script, source, target], { stdio: ['ignore', 'ignore', 'pipe'] });
}
