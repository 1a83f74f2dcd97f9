import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ALL_SEARCH_ATTRIBUTES } from '../workflows/searchAttributes';
import { temporalCliPath } from './tools';

export interface DevServerOptions {
  port: number;
  uiPort?: number;
  /** SQLite file; omit for an in-memory server (tests). */
  dbFile?: string;
  namespace?: string;
  logFile?: string;
}

const TYPE_NAMES: Record<string, string> = {
  KEYWORD: 'Keyword',
  TEXT: 'Text',
  INT: 'Int',
  DOUBLE: 'Double',
  BOOL: 'Bool',
  DATETIME: 'Datetime',
  KEYWORD_LIST: 'KeywordList',
};

/** Starts `temporal server start-dev` with our search attributes registered. */
export function startDevServer(opts: DevServerOptions): ChildProcess {
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(opts.port),
    '--log-level',
    'warn',
    '--namespace',
    opts.namespace ?? 'default',
  ];
  if (opts.uiPort) args.push('--ui-port', String(opts.uiPort));
  else args.push('--headless');
  if (opts.dbFile) {
    mkdirSync(path.dirname(opts.dbFile), { recursive: true });
    args.push('--db-filename', opts.dbFile);
  }
  for (const key of ALL_SEARCH_ATTRIBUTES) args.push('--search-attribute', `${key.name}=${TYPE_NAMES[key.type] ?? 'Keyword'}`);
  // Extra frontend room so polling workers and the API do not starve each other on 2 cores.
  args.push('--dynamic-config-value', 'frontend.rps=5000', '--dynamic-config-value', 'frontend.namespaceRPS=5000');
  // Eager activity dispatch: an activity scheduled by a workflow task comes back in the answer to
  // that task's completion when the worker has a free slot, instead of through a separate poll of
  // the matching service. Every Golden Path step is one such hand-over (README "Scaling out").
  args.push('--dynamic-config-value', 'system.enableActivityEagerExecution=true');
  return spawn(temporalCliPath, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: false });
}
