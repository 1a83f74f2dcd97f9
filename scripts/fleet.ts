/**
 * How `npm start` runs WORKERS workers and API_PROCESSES API processes on one machine: their
 * names in the supervisor's log, the ports each one binds, and how the API processes share the
 * public port.
 *
 * Node 20 has no `reusePort` on its listeners (that came with Node 22.12), so several API
 * processes share API_PORT through the cluster module: the launcher is the cluster primary, holds
 * the listening socket and hands each accepted connection to the next API process (round robin,
 * Node's default on Linux; the kernel's own spreading across processes blocked in accept() is
 * notoriously uneven). With one API process nothing changes: it is a plain child that binds the
 * port itself.
 */
import cluster from 'node:cluster';
import type { ChildProcess } from 'node:child_process';
import { projectRoot, type Config } from '../config';
import { entryArgs } from './build-server';

export type ProcessKind = 'worker' | 'api';

/** Port settings that each process of a kind needs a value of its own for. */
const OWN_PORTS: Record<ProcessKind, readonly ('METRICS_PORT' | 'WORKER_METRICS_PORT' | 'WORKER_SDK_METRICS_PORT')[]> = {
  worker: ['WORKER_METRICS_PORT', 'WORKER_SDK_METRICS_PORT'],
  api: ['METRICS_PORT'],
};

/**
 * Distance between the metrics ports of process i and i+1. The defaults (API 9463, worker 9464
 * and 9465) differ in their last digit, so with a step of 10 no two processes of up to ten of
 * each kind ever ask for the same port.
 */
export const PORT_STEP = 10;

export interface FleetMember {
  /** Name in the supervisor's log: `worker` when there is one, `worker-1`…`worker-N` otherwise. */
  name: string;
  /** 0-based position within its kind. */
  index: number;
  /** Environment overrides for this process (its own metrics ports; 0 stays 0 = disabled). */
  env: Record<string, string>;
}

/** The processes of `kind` that `config` asks for (WORKERS or API_PROCESSES of them). */
export function fleet(config: Config, kind: ProcessKind): FleetMember[] {
  const count = kind === 'worker' ? config.WORKERS : config.API_PROCESSES;
  return Array.from({ length: count }, (_, index) => ({
    name: count === 1 ? kind : `${kind}-${index + 1}`,
    index,
    env: Object.fromEntries(OWN_PORTS[kind].map((key) => [key, String(config[key] === 0 ? 0 : config[key] + index * PORT_STEP)])),
  }));
}

/**
 * Forks API process `member` as a cluster worker sharing API_PORT, running the bundle when
 * `bundled` (scripts/build-server.ts), else the TypeScript through tsx. The returned ChildProcess
 * is what the supervisor watches and signals, exactly like a spawned child.
 */
export function forkSharedApi(member: FleetMember, env: NodeJS.ProcessEnv, nodeFlags: readonly string[], bundled: boolean): ChildProcess {
  const args = entryArgs('api', bundled);
  cluster.setupPrimary({
    exec: args.at(-1)!,
    execArgv: [...nodeFlags, ...args.slice(0, -1)],
    cwd: projectRoot,
  });
  // cluster.fork() layers these over the launcher's own environment.
  return cluster.fork({ ...env, ...member.env }).process;
}
