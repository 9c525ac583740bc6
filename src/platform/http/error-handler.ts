/**
 * The one place where errors become HTTP answers. Domain errors keep their status and
 * stable code; validation errors are 400; other 4xx raised by Fastify keep theirs; the
 * rest is 500 with a generic message and the request id, never a stack trace. JSON for
 * the API, the site's own page shell for everything else.
 */
import { Type } from 'typebox';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError, type FieldProblem } from './errors.ts';
import type { MessageKey } from '../i18n/index.ts';

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable machine-readable code.' }),
      message: Type.String(),
      requestId: Type.String(),
      details: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
    }),
  },
  { $id: 'ErrorBody' },
);

export interface ErrorInfo {
  status: number;
  code: string;
  /** Catalogue key of the explanation shown to people; by status when not set. */
  messageKey: MessageKey | undefined;
  message: string;
  details: readonly FieldProblem[];
  requestId: string;
}

/** Renders an error as a full HTML page (the site's shell when the site is known). */
export type HtmlErrorRenderer = (request: FastifyRequest, info: ErrorInfo) => Promise<string>;

const KNOWN_STATUSES = new Set([400, 401, 403, 404, 405, 409, 413, 414, 415, 422, 429, 500, 503]);

export function describeError(err: unknown, requestId: string, page = false): ErrorInfo {
  if (isDomainError(err)) {
    return { status: err.status, code: err.code, messageKey: err.messageKey, message: err.message, details: err.details, requestId };
  }
  const fe = err as Partial<FastifyError> & {
    validation?: { instancePath?: string; message?: string; params?: Record<string, unknown> }[];
    validationContext?: string;
  };
  // On a page, a path whose parameters do not fit the route (a word where an id goes) names no
  // page: 404. The API says 400, with the details.
  if (page && fe.validation && fe.validationContext === 'params') {
    return { status: 404, code: 'http.not_found', messageKey: undefined, message: 'Not found', details: [], requestId };
  }
  if (fe.validation) {
    const details = fe.validation.map((v) => ({
      field: (v.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.') || String(v.params?.missingProperty ?? ''),
      message: v.message ?? 'invalid',
    }));
    return { status: 400, code: 'request.invalid', messageKey: undefined, message: fe.message ?? 'Invalid request', details, requestId };
  }
  const status = typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500 ? fe.statusCode : 500;
  if (status === 500) {
    return { status, code: 'internal', messageKey: undefined, message: 'Internal error', details: [], requestId };
  }
  return { status, code: String(fe.code ?? `http.${status}`).toLowerCase(), messageKey: undefined, message: fe.message ?? '', details: [], requestId };
}

export function wantsJson(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/')) return true;
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

function minimalPage(info: ErrorInfo): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Lỗi ${info.status}</title></head><body><main><h1>Lỗi ${info.status}</h1><p>Hệ thống không thể xử lý yêu cầu này. / The request could not be served.</p><p>Mã yêu cầu / Request id: ${info.requestId.replace(/[^\w-]/g, '')}</p></main></body></html>`;
}

export async function sendError(request: FastifyRequest, reply: FastifyReply, err: unknown, renderHtml: HtmlErrorRenderer): Promise<void> {
  const info = describeError(err, String(request.id), !request.url.startsWith('/api/'));
  if (info.status >= 500) request.log.error({ err }, 'request failed');
  else request.log.info({ code: info.code, status: info.status }, 'request refused');

  if (info.status === 405 && !reply.hasHeader('allow')) reply.header('allow', 'GET, HEAD');
  reply.code(info.status);
  if (info.status === 429 && !reply.hasHeader('retry-after')) reply.header('retry-after', '60');
  if (wantsJson(request)) {
    const body = { error: { code: info.code, message: info.message, requestId: info.requestId, ...(info.details.length ? { details: info.details } : {}) } };
    await reply.type('application/json; charset=utf-8').send(body);
    return;
  }
  let page: string;
  try {
    page = await renderHtml(request, { ...info, status: KNOWN_STATUSES.has(info.status) ? info.status : info.status >= 500 ? 500 : 400 });
  } catch (renderErr) {
    request.log.error({ err: renderErr }, 'error page failed to render');
    page = minimalPage(info);
  }
  reply.header('cache-control', 'no-store');
  await reply.type('text/html; charset=utf-8').send(page);
}

/** Installs the error and not-found handlers. */
export function installErrorHandling(app: FastifyInstance, renderHtml: HtmlErrorRenderer): void {
  app.setErrorHandler((err, request, reply) => sendError(request, reply, err, renderHtml));
  app.setNotFoundHandler((request, reply) => {
    const err = { statusCode: 404, code: 'http.not_found', message: 'Not found' };
    return sendError(request, reply, err, renderHtml);
  });
}
