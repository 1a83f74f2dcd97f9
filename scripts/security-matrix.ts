import { writeFile } from 'node:fs/promises';
import { renderSecurityDocument, securityFile } from './securityMatrix';

/** Rewrites the scope matrix section of SECURITY.md from the route table (no server needed). */
async function run(): Promise<void> {
  const { current, expected } = await renderSecurityDocument();
  if (current === expected) {
    console.log('[security:matrix] SECURITY.md is up to date');
    return;
  }
  await writeFile(securityFile, expected);
  console.log('[security:matrix] wrote SECURITY.md');
}

run().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
