import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian packages the test suite drives as real programs, by the binary that proves each is there. */
export const TEST_SYSTEM_PACKAGES = [
  // Browser tests use Debian's Chromium, never a downloaded browser build.
  { pkg: 'chromium', binary: '/usr/bin/chromium' },
  // The compose file is validated with `docker-compose config` (no engine needed).
  { pkg: 'docker-compose', binary: '/usr/bin/docker-compose' },
] as const;

/** Installs the missing ones when we are root (as on CI); otherwise says exactly what to run. */
export function ensureSystemPackages(): void {
  const missing = TEST_SYSTEM_PACKAGES.filter((p) => !existsSync(p.binary)).map((p) => p.pkg);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Missing system packages for the tests: ${missing.join(', ')}. Install them with: sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
  console.log(`[test] installing Debian packages: ${missing.join(', ')}…`);
  execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`, { stdio: 'inherit' });
}
