import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../config';
import { renderApiTypes, schemaFile } from './apiTypes';

/** Writes web/src/api/schema.d.ts from the route schemas (no server needed). */
async function run(): Promise<void> {
  const text = await renderApiTypes();
  const current = await readFile(schemaFile, 'utf8').catch(() => '');
  const name = path.relative(projectRoot, schemaFile);
  if (current === text) {
    console.log(`[api:types] ${name} is up to date`);
    return;
  }
  await writeFile(schemaFile, text);
  console.log(`[api:types] wrote ${name}`);
}

run().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
