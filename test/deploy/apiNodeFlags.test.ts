import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_NODE_FLAGS } from '../../api/nodeFlags';
import { projectRoot } from '../../config';

const read = (file: string) => readFileSync(path.join(projectRoot, file), 'utf8');

/** The node arguments each launcher gives before the entry point, as written in that file. */
const launchers: [string, () => string[]][] = [
  ['deploy/Dockerfile', () => JSON.parse(/^CMD (\[.*\])$/m.exec(read('deploy/Dockerfile'))![1]!) as string[]],
  ['docker-compose.yml', () => commandList(read('docker-compose.yml'), 'api/server.ts')],
  ['deploy/k8s/api.yaml', () => commandList(read('deploy/k8s/api.yaml'), 'api/server.ts')],
  ['package.json "api" script', () => (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.api!.split(' ')],
];

function commandList(yaml: string, entry: string): string[] {
  const line = yaml.split('\n').find((l) => l.includes('command:') && l.includes(entry));
  if (!line) throw new Error(`no command line starting ${entry}`);
  return [...line.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
}

describe('API node flags', () => {
  it.each(launchers)('%s starts the API with the flags from api/nodeFlags.ts', (_name, args) => {
    const argv = args();
    expect(argv[0]).toBe('node');
    expect(argv.at(-1)).toBe('api/server.ts');
    for (const flag of API_NODE_FLAGS) expect(argv).toContain(flag);
  });

  it('npm start, the bench and the test stack take the flags from the module', () => {
    expect(read('scripts/start.ts')).toContain("tsx('api/server.ts', 'api', API_NODE_FLAGS)");
    expect(read('bench/stack.ts')).toContain('...API_NODE_FLAGS');
    expect(read('test/support/processes.ts')).toContain('API_NODE_FLAGS');
  });
});
