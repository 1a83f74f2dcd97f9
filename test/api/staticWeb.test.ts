import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticWeb } from '../../api/middleware/staticWeb';

let root: string;
let server: Server;
let base: string;
const page = { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'static-web-'));
  await mkdir(path.join(root, 'assets'));
  await writeFile(path.join(root, 'index.html'), '<div id="app"></div>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  const app = new Koa();
  app.use(staticWeb({ root }));
  app.use((ctx) => {
    ctx.status = 404;
    ctx.body = 'next';
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise<void>((r) => server.once('listening', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  await rm(root, { recursive: true, force: true });
});

describe('staticWeb', () => {
  it('answers every page address with the app, so deep links and reloads work', async () => {
    for (const p of ['/', '/explorer', '/workflows/golden-path-1', '/no/such/page']) {
      const res = await fetch(base + p, { headers: page });
      expect(res.status, p).toBe(200);
      expect(await res.text(), p).toContain('id="app"');
    }
  });

  it('answers a page whose last segment holds a dot (a report workflow id) with the app', async () => {
    const res = await fetch(`${base}/workflows/report-system_health-2025-01-01T00:00:00.000Z`, { headers: page });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('id="app"');
  });

  it('serves assets, and leaves missing assets and API paths to the next middleware', async () => {
    expect(await (await fetch(`${base}/assets/app.js`)).text()).toBe('console.log(1)');
    expect((await fetch(`${base}/assets/missing.js`, { headers: page })).status).toBe(404);
    expect((await fetch(`${base}/favicon-missing.png`)).status).toBe(404);
    const api = await fetch(`${base}/api/v1/nothing`, { headers: page });
    expect([api.status, await api.text()]).toEqual([404, 'next']);
  });
});
