/**
 * The server processes (API, worker, connectors, and the migration job) compiled to plain JavaScript with esbuild, so
 * `npm start` and the bench run `node dist/server/<entry>.cjs` instead of `node --import tsx`:
 * tsx's loader and its esbuild service cost each process about 33 MiB resident, and every
 * process transpiled the same files again at each start.
 *
 * One CommonJS bundle per entry with the project code inside and every npm package left as a
 * `require` (native ones such as onnxruntime-node, @temporalio/* and @node-rs/argon2 cannot be
 * bundled, and the others are loaded exactly as under tsx). The bundle sits two folders below
 * the project root; config/index.ts finds the root from there, so migrations, locales, models and
 * .data resolve as they do from the sources.
 *
 * The mistake to avoid: running a stale bundle after editing a source. `buildServerIfStale()`
 * rebuilds whenever any file the last build read is newer than the build (esbuild's metafile
 * lists them), and `npm start` and the bench call it before starting anything.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config';

export type ServerEntry = 'api' | 'worker' | 'connectors' | 'migrate';

/** Each bundle's entry point; the container image runs every one of them with plain `node` (no tsx). */
export const SERVER_ENTRIES: Readonly<Record<ServerEntry, string>> = {
  api: 'api/server.ts',
  worker: 'worker/runWorker.ts',
  connectors: 'connectors/runConnectors.ts',
  // The migration job of docker-compose.yml and deploy/k8s; `npm start` migrates in-process.
  migrate: 'scripts/migrate.ts',
};

export const serverDistDir = path.join(projectRoot, 'dist', 'server');
const metaFile = path.join(serverDistDir, 'build-meta.json');

/** Everything that shapes the output besides the inputs esbuild reports. */
const OPTIONS = {
  entryPoints: Object.fromEntries(Object.entries(SERVER_ENTRIES).map(([name, file]) => [name, path.join(projectRoot, file)])),
  outdir: serverDistDir,
  // The metafile's input paths are relative to this, and staleReason() reads them from the root.
  absWorkingDir: projectRoot,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // npm packages stay external: native addons cannot be bundled, and the workflow sandbox, pino's
  // transports and swagger-ui-dist find their own files relative to their package.
  packages: 'external',
  // Class and function names survive bundling (esbuild would rename a second `NotFoundError`):
  // error names become Temporal failure types and problem+json codes.
  keepNames: true,
  sourcemap: 'linked',
  // The map points at the files in the repository instead of carrying a copy of them.
  sourcesContent: false,
  tsconfig: path.join(projectRoot, 'tsconfig.json'),
  logLevel: 'warning',
} as const;

interface BuildMeta {
  optionsHash: string;
  builtAt: number;
  inputs: string[];
}

const optionsHash = () => createHash('sha256').update(JSON.stringify(OPTIONS)).digest('hex').slice(0, 16);

/** Path of the built file of `entry`. */
export function builtEntry(entry: ServerEntry): string {
  return path.join(serverDistDir, `${entry}.cjs`);
}

/**
 * Node arguments that run `entry`: the bundle when `bundled`, else its TypeScript through tsx
 * (`--import tsx` keeps the service in this one process; the tsx CLI would add a wrapper).
 */
export function entryArgs(entry: ServerEntry, bundled: boolean): string[] {
  return bundled ? [builtEntry(entry)] : ['--import', 'tsx', path.join(projectRoot, SERVER_ENTRIES[entry])];
}

/** Why the bundle must be rebuilt, or undefined when it is current. */
export function staleReason(): string | undefined {
  if (!existsSync(metaFile)) return 'never built';
  const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as BuildMeta;
  if (meta.optionsHash !== optionsHash()) return 'build settings changed';
  for (const entry of Object.keys(SERVER_ENTRIES) as ServerEntry[]) if (!existsSync(builtEntry(entry))) return `${entry} bundle missing`;
  for (const input of [...meta.inputs, OPTIONS.tsconfig]) {
    const file = path.resolve(projectRoot, input);
    if (!existsSync(file)) return `${input} removed`;
    if (statSync(file).mtimeMs > meta.builtAt) return `${path.relative(projectRoot, file)} changed`;
  }
  return undefined;
}

/** Writes `contents` to `file` through a rename, so a process starting meanwhile never reads half a file. */
function writeAtomically(file: string, contents: Uint8Array | string): void {
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, contents);
  renameSync(partial, file);
}

/** Builds the bundles into dist/server/. Throws with esbuild's messages on a compile error. */
export async function buildServer(): Promise<void> {
  const esbuild = await import('esbuild');
  const startedAt = Date.now();
  const result = await esbuild.build({ ...OPTIONS, write: false, metafile: true });
  mkdirSync(serverDistDir, { recursive: true });
  for (const out of result.outputFiles) writeAtomically(out.path, out.contents);
  // builtAt is when reading began: a source saved during the build makes the next start rebuild.
  const meta: BuildMeta = { optionsHash: optionsHash(), builtAt: startedAt, inputs: Object.keys(result.metafile.inputs) };
  writeAtomically(metaFile, JSON.stringify(meta));
}

/**
 * Rebuilds dist/server/ when a source changed; true when the bundles can be run. Without esbuild
 * (it comes with tsx, so only a broken install lacks it) it says so and returns false, and the
 * caller runs the TypeScript through tsx as before. A compile error is thrown, not hidden.
 */
export async function buildServerIfStale(log: (line: string) => void = console.log): Promise<boolean> {
  const reason = staleReason();
  if (!reason) return true;
  try {
    await import('esbuild');
  } catch (err) {
    log(`[start] esbuild unavailable (${(err as Error).message}); running the TypeScript through tsx`);
    return false;
  }
  const t0 = Date.now();
  await buildServer();
  log(`[start] server bundles built in ${Date.now() - t0} ms (${reason}): ${path.relative(process.cwd(), serverDistDir)}/`);
  return true;
}

// `node --import tsx scripts/build-server.ts`: builds unconditionally (an image build, a CI step).
if (require.main === module) {
  buildServer().then(
    () => console.log(`[build-server] ${path.relative(process.cwd(), serverDistDir)}/ written`),
    (err: Error) => {
      console.error(`[build-server] ${err.message}`);
      process.exit(1);
    },
  );
}
