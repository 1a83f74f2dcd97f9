import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_NODE_FLAGS } from '../../api/nodeFlags';
import { projectRoot } from '../../config';
import { WORKER_NODE_FLAGS } from '../../temporal/nodeFlags';

const read = (file: string) => readFileSync(path.join(projectRoot, file), 'utf8');
const scripts = () => (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;

/** The quoted arguments of the YAML `command:` line that runs `entry`. */
function commandList(yaml: string, entry: string): string[] {
  const line = yaml.split('\n').find((l) => l.includes('command:') && l.includes(entry));
  if (!line) throw new Error(`no command line starting ${entry}`);
  return [...line.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
}

const API = 'api/server.ts';
const WORKER = 'worker/runWorker.ts';
// What the image runs (scripts/build-server.ts builds them in deploy/Dockerfile).
const API_BUNDLE = 'dist/server/api.cjs';
const WORKER_BUNDLE = 'dist/server/worker.cjs';

/** Each launcher written out in a file, with the entry it starts and the flags it must carry. */
const launchers: [string, string, readonly string[], () => string[]][] = [
  ['deploy/Dockerfile', API_BUNDLE, API_NODE_FLAGS, () => JSON.parse(/^CMD (\[.*\])$/m.exec(read('deploy/Dockerfile'))![1]!) as string[]],
  ['docker-compose.yml api', API_BUNDLE, API_NODE_FLAGS, () => commandList(read('docker-compose.yml'), API_BUNDLE)],
  ['docker-compose.yml worker', WORKER_BUNDLE, WORKER_NODE_FLAGS, () => commandList(read('docker-compose.yml'), WORKER_BUNDLE)],
  ['deploy/k8s/api.yaml', API_BUNDLE, API_NODE_FLAGS, () => commandList(read('deploy/k8s/api.yaml'), API_BUNDLE)],
  ['deploy/k8s/worker.yaml', WORKER_BUNDLE, WORKER_NODE_FLAGS, () => commandList(read('deploy/k8s/worker.yaml'), WORKER_BUNDLE)],
  ['package.json "api" script', API, API_NODE_FLAGS, () => scripts().api!.split(' ')],
  ['package.json "worker" script', WORKER, WORKER_NODE_FLAGS, () => scripts().worker!.split(' ')],
];

describe('node flags of the API and the worker', () => {
  it.each(launchers)('%s starts %s with its flags', (_name, entry, flags, args) => {
    const argv = args();
    expect(argv[0]).toBe('node');
    expect(argv.at(-1)).toBe(entry);
    expect(flags.length).toBeGreaterThan(0);
    for (const flag of flags) expect(argv).toContain(flag);
  });

  it('npm start, the bench and the test stack take the flags from the modules', () => {
    // npm start: one API process is spawned, several are forked into a cluster (scripts/fleet.ts).
    expect(read('scripts/start.ts')).toContain("service('api', members[0]!.name, API_NODE_FLAGS, members[0]!.env)");
    expect(read('scripts/start.ts')).toContain('forkSharedApi(member, childEnv, API_NODE_FLAGS, bundled)');
    expect(read('scripts/fleet.ts')).toContain('execArgv: [...nodeFlags, ...args.slice(0, -1)]');
    expect(read('scripts/start.ts')).toContain("service('worker', member.name, WORKER_NODE_FLAGS, member.env)");
    expect(read('bench/stack.ts')).toContain('...API_NODE_FLAGS');
    expect(read('bench/stack.ts')).toContain('...WORKER_NODE_FLAGS');
    expect(read('test/support/processes.ts')).toContain(
      "entry === 'api/server.ts' ? API_NODE_FLAGS : entry === 'worker/runWorker.ts' ? WORKER_NODE_FLAGS : []",
    );
  });
});
