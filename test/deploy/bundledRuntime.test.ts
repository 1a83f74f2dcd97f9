import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../config';
import { SERVER_ENTRIES } from '../../scripts/build-server';

/**
 * The container image builds the server bundles (scripts/build-server.ts) and every Node process
 * of the deployments runs one with plain `node`: tsx stays a build-time tool there. Read from the
 * files themselves, so it holds without docker-compose or a Kubernetes validator installed.
 */

const read = (file: string) => readFileSync(path.join(projectRoot, file), 'utf8');
const bundles = Object.keys(SERVER_ENTRIES).map((entry) => `dist/server/${entry}.cjs`);
const deployFiles = [
  'docker-compose.yml',
  ...readdirSync(path.join(projectRoot, 'deploy', 'k8s'))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => `deploy/k8s/${f}`),
];

/** Every one-line `command: [...]` of a YAML file that starts `node`, as its quoted arguments. */
function nodeCommands(file: string): string[][] {
  return read(file)
    .split('\n')
    .filter((l) => /^\s*command: \[/.test(l))
    .map((l) => [...l.matchAll(/'([^']*)'/g)].map((m) => m[1]!))
    .filter((args) => args[0] === 'node');
}

describe('the deployments run the prebuilt bundles', () => {
  it('builds the bundles in the image, after the sources are copied, and starts the API from one', () => {
    const dockerfile = read('deploy/Dockerfile');
    const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));
    expect(runtime.indexOf('RUN npm run build:server')).toBeGreaterThan(runtime.indexOf('COPY . .'));
    expect((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts['build:server']).toMatch(
      /scripts\/build-server\.ts$/,
    );
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)![1]!) as string[];
    expect(cmd[0]).toBe('node');
    expect(cmd.join(' ')).not.toMatch(/tsx|\.ts\b/);
    expect(cmd.at(-1)).toBe('dist/server/api.cjs');
  });

  it('never runs a service through tsx in docker-compose.yml or deploy/k8s', () => {
    const seen = new Set<string>();
    for (const file of deployFiles) {
      for (const args of nodeCommands(file)) {
        expect(args.join(' '), file).not.toMatch(/tsx|\.ts\b/);
        expect(bundles, `${file}: ${args.join(' ')}`).toContain(args.at(-1));
        seen.add(`${file} ${args.at(-1)}`);
      }
      // A multi-line command list would escape the one-line parse above: none may mention tsx.
      expect(
        read(file)
          .split('\n')
          .filter((l) => !l.trimStart().startsWith('#') && /\btsx\b/.test(l)),
        file,
      ).toEqual([]);
    }
    // Each deployment starts the migration job, the API, the workers and the connectors.
    for (const prefix of ['docker-compose.yml', 'deploy/k8s/'])
      for (const entry of ['migrate', 'api', 'worker', 'connectors'])
        expect(
          [...seen].some((s) => s.startsWith(prefix) && s.endsWith(`dist/server/${entry}.cjs`)),
          `${prefix} ${entry}`,
        ).toBe(true);
  });
});
