/**
 * Serves a build of the UI (SPA fallback to index.html, as the API's ServeStaticModule
 * does) and proxies /api to the API harness, all on one origin as in production. The
 * harness's own app cannot serve it: under Jest the API's WEB_DIST (api/app.module.ts,
 * resolved from __dirname) points outside the repository.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.eot': 'application/vnd.ms-fontobject',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

export async function startUiServer(
  distDir: string,
  apiOrigin: string,
): Promise<{ origin: string; close(): Promise<void> }> {
  const api = new URL(apiOrigin);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      const upstream = request(
        {
          host: api.hostname,
          port: api.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: api.host },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.writeHead(502).end());
      req.pipe(upstream);
      return;
    }
    const file = normalize(join(distDir, decodeURIComponent(url.pathname)));
    const target =
      file.startsWith(distDir) && existsSync(file) && statSync(file).isFile()
        ? file
        : join(distDir, 'index.html');
    const stream = createReadStream(target);
    stream.on('open', () =>
      res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream' }),
    );
    stream.on('error', () => res.writeHead(500).end());
    stream.pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
