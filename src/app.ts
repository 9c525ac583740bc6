/**
 * buildApp: the Fastify instance with platform plugins, then the modules, then error
 * handling. Listening and shutdown belong to main.ts; tests call buildApp directly.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import Fastify, { type FastifyInstance, type FastifyServerOptions, type RouteOptions } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import csrf from '@fastify/csrf-protection';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Config } from './platform/config.ts';
import type { DatabaseHandle } from './platform/db/create-db.ts';
import { installErrorHandling, sendError, type HtmlErrorRenderer } from './platform/http/error-handler.ts';
import { UriTooLong } from './platform/http/errors.ts';
import { requestIdFrom } from './platform/http/request-id.ts';
import { registerHealth } from './platform/http/health.ts';
import { installSecurityHeaders } from './platform/http/security-headers.ts';
import { platformSecret } from './platform/secrets/index.ts';
import type { Platform } from './platform/platform.ts';
import { createModules, manifestsOf, registerModules, type Modules } from './modules.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const PUBLIC_DIR = path.resolve(here, '..', 'public');
const FONTS_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve('@fontsource/be-vietnam-pro/package.json')), 'files');

/** Longest URL we read; longer ones get 414 with the site's page. */
const MAX_URL_LENGTH = 2048;
/**
 * Routes that declare `config: { longUrl: true }` (search pages and the search API) read longer
 * URLs — a pasted paragraph is a query like any other, the service cuts it — up to Node's own
 * header limit.
 */
const MAX_LONG_URL_LENGTH = 16_000;
function urlTooLong(url: string, longUrl: boolean): boolean {
  if (url.length <= MAX_URL_LENGTH) return false;
  return url.length > MAX_LONG_URL_LENGTH || !longUrl;
}

export interface BuildOptions {
  config: Config;
  database: DatabaseHandle;
  /** The modules to serve; built from the platform when not given (tests and main pass theirs to share caches). */
  modules?: Modules;
  /** Extra routes for tests (e.g. a slow route to test graceful shutdown). */
  extraRoutes?: (app: FastifyInstance) => void;
  /** Told of every route as it is registered (a test checks every route's schema). */
  onRoute?: (route: RouteOptions) => void;
}

export async function buildApp({ config, database, modules, extraRoutes, onRoute }: BuildOptions): Promise<FastifyInstance> {
  const logger: FastifyServerOptions['logger'] = {
    level: config.logLevel,
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    ...(config.logPretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } } : {}),
  };

  const built = modules ?? createModules({ config, db: database.db, engine: database.engine, ping: database.ping, listen: database.listen });
  const renderHtml: HtmlErrorRenderer = (request, info) => built.shell.renderErrorPage(request, info);

  // Cached public pages are answered before Fastify sees the request (see site-shell serveRaw).
  let front: ((req: http.IncomingMessage, res: http.ServerResponse) => boolean) | undefined;
  const app = Fastify({
    serverFactory: (handler) =>
      http.createServer((req, res) => {
        if (front?.(req, res)) return;
        handler(req, res);
      }),
    logger,
    genReqId: requestIdFrom,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true, maxParamLength: 300 },
    frameworkErrors: (err, request, reply) => {
      // The route is not known yet: a long URL is too long unless the router got far enough to say otherwise.
      const tooLong = err.code === 'FST_ERR_MAX_PARAM_LENGTH' || urlTooLong(request.url, false);
      const failure = tooLong
        ? { statusCode: 414, code: 'http.uri_too_long', message: 'URI too long' }
        : { statusCode: 400, code: 'http.bad_url', message: 'Malformed URL' };
      void sendError(request, reply, failure, renderHtml);
    },
  });

  if (onRoute) app.addHook('onRoute', onRoute);
  const platform: Platform = { config, db: database.db, engine: database.engine, ping: database.ping, listen: database.listen };

  // While shutting down, answers in flight close their connection, so keep-alive sockets
  // do not hold the server open after the last request is done.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (urlTooLong(request.url, request.routeOptions.config.longUrl === true)) throw new UriTooLong('http.uri_too_long', 'URI too long');
  });
  // Errors are answered by one handler, installed before any module so every scope inherits it.
  installErrorHandling(app, renderHtml);

  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip', 'deflate'] });
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  await app.register(csrf, {
    cookieKey: 'cong_csrf',
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, secure: 'auto' },
    // Tokens are bound to the session, so a token from another visitor (or from before
    // sign-in) is refused.
    getUserInfo: (request) => request.session?.id ?? 'anonymous',
    csrfOpts: { hmacKey: await platformSecret(database.db, 'csrf-hmac') },
  });
  installSecurityHeaders(app);
  await app.register(rateLimit, { global: false });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cổng API',
        version: readVersion(),
        description: 'Dữ liệu mở của nền tảng Cổng / Open data of the Cổng e-portal platform.',
      },
      tags: [{ name: 'platform', description: 'Health and readiness' }, ...manifestsOf(built).flatMap((m) => m.apiTags ?? [])],
    },
    hideUntagged: true,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // Swagger UI sets a few style attributes from its script (scripts stay limited to its own
    // files); no third-party image host; and no forced upgrade, which would break plain-HTTP installs.
    transformStaticCSP: (header) =>
      header
        .replace("style-src 'self' https:", "style-src 'self' 'unsafe-inline'")
        .replace(' validator.swagger.io', '')
        .replace(' upgrade-insecure-requests;', ''),
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(fastifyStatic, {
    root: PUBLIC_DIR,
    prefix: '/static/',
    maxAge: '7d',
    immutable: false,
    index: false,
  });
  await app.register(fastifyStatic, {
    root: FONTS_DIR,
    prefix: '/static/fonts/',
    decorateReply: false,
    maxAge: '365d',
    immutable: true,
    index: false,
    allowedPath: (p) => p.endsWith('.woff2'),
  });

  registerHealth(app, platform);
  await registerModules(app, built);
  front = built.shell.serveRaw;
  extraRoutes?.(app);
  return app;
}

function readVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.resolve(here, '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
