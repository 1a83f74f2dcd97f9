import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../config';
import { prebuildWorkflowBundle, workflowBundleHash, workflowSourceFiles } from '../../temporal/bundle';

const dir = mkdtempSync(path.join(tmpdir(), 'sm-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('workflowSourceFiles', () => {
  it('follows the relative imports of workflows/index.ts into domain/ and the type-only imports', () => {
    const files = workflowSourceFiles().map((f) => path.relative(projectRoot, f));
    expect(files).toContain('workflows/index.ts');
    expect(files).toContain('workflows/agents.ts');
    expect(files).toContain('domain/identity.ts');
    expect(files).toContain('models/failureClassifier.ts');
    expect(files.some((f) => f.startsWith('activities/') || f.startsWith('api/'))).toBe(false);
  });
});

describe('prebuildWorkflowBundle', () => {
  it('builds the bundle once under a name holding the sources hash, reuses it, and removes bundles of older sources', async () => {
    const stale = path.join(dir, 'workflow-bundle-0123456789abcdef.js');
    writeFileSync(stale, '// older sources');
    const first = await prebuildWorkflowBundle(dir);
    expect(first.built).toBe(true);
    expect(path.basename(first.codePath)).toBe(`workflow-bundle-${workflowBundleHash()}.js`);
    expect(readFileSync(first.codePath, 'utf8')).toContain('goldenPath');
    expect(existsSync(stale)).toBe(false);
    const second = await prebuildWorkflowBundle(dir);
    expect(second).toEqual({ codePath: first.codePath, built: false });
    expect(readdirSync(dir)).toEqual([path.basename(first.codePath)]);
  }, 120_000);
});
