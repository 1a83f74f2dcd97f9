#!/usr/bin/env node
// Runs before anything TypeScript: installs npm packages when node_modules is missing or older
// than the lock file, so `npm start` and `npm test` work on a fresh clone. Plain JS on purpose:
// tsx itself may not be installed yet.
const { execSync } = require('node:child_process');
const { existsSync, lstatSync, statSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const lock = path.join(root, 'package-lock.json');
const marker = path.join(root, 'node_modules', '.package-lock.json');

function stale() {
  const modules = path.join(root, 'node_modules');
  // A node_modules linked from another checkout (a git worktree) belongs to that checkout: a
  // fresh clone's newer lock file must not make this one reinstall (and wipe) the shared packages.
  if (existsSync(modules) && lstatSync(modules).isSymbolicLink()) return false;
  if (!existsSync(marker)) return true;
  return existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000;
}

if (stale()) {
  console.log('[bootstrap] installing npm packages (npm ci)…');
  execSync(existsSync(lock) ? 'npm ci --no-audit --no-fund' : 'npm install --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}
