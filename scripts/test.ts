/**
 * The test suite after lint and typecheck: tools installed, then the unit, integration and e2e
 * vitest projects in one run (one Temporal dev server, one database for all of them).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../config';
import { installTools } from './install-tools';
import { ensureChromium } from './ensure-chromium';

installTools();
ensureChromium();
const vitest = path.join(projectRoot, 'node_modules', 'vitest', 'vitest.mjs');
const result = spawnSync(process.execPath, [vitest, 'run', ...process.argv.slice(2)], { cwd: projectRoot, stdio: 'inherit' });
process.exit(result.status ?? 1);
