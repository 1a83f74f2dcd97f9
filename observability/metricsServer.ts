import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';

/**
 * Prometheus text on its own listener, apart from the public port: the series name every route
 * (admin ones included) with its traffic, and the runtime's version, which is reconnaissance for
 * anyone who can reach the API. Bound to 127.0.0.1 unless the deployment sets a host Prometheus
 * can reach (a pod IP, a compose network). Same shape as the worker's endpoint (worker/runWorker.ts).
 */
export function serveMetrics(registry: Registry, host: string, port: number): Server {
  return createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'Content-Type': registry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  }).listen(port, host);
}
