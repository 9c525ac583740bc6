/**
 * The shape of the HTTP edge, checked on the running application and on the source: every route
 * declares a real input schema, routes read their input only through it, and the old ways of
 * writing the edge (local form parsers, untyped errors, a second translation mechanism) are gone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './app.ts';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');

/** Routes of libraries, not ours: static files, the API documentation, the OpenAPI document, health. */
const NOT_OURS = /^\/(static|api\/docs|api\/openapi\.json|healthz|readyz)(\/|$)|^\*$/;

let app: TestApp;
const routes: RouteOptions[] = [];

beforeAll(async () => {
  app = await buildTestApp({ seed: false, onRoute: (route) => routes.push(route) });
});

afterAll(async () => {
  await app?.close();
});

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('routes', () => {
  it('every route of ours declares its input schema', () => {
    const seen = routes.flatMap((r) => [r.method].flat().map((method) => ({ method, url: r.url, schema: r.schema as Record<string, unknown> | undefined })));
    const ours = seen.filter((r) => !NOT_OURS.test(r.url) && r.method !== 'HEAD');
    expect(ours.length).toBeGreaterThan(100);
    const missing = ours.filter((r) => !r.schema || !(r.schema.querystring || r.schema.params || r.schema.body));
    expect(missing.map((r) => `${r.method} ${r.url}`)).toEqual([]);
    const loose = ours.filter((r) =>
      ['querystring', 'body'].some((part) => {
        // A real schema has a type or is a union of typed alternatives; `Type.Any()`/`Type.Unknown()` are `{}`.
        const s = r.schema?.[part] as { additionalProperties?: unknown; type?: unknown; anyOf?: unknown; oneOf?: unknown } | undefined;
        return s !== undefined && (s.additionalProperties === true || (s.type === undefined && s.anyOf === undefined && s.oneOf === undefined));
      }),
    );
    expect(loose.map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });
});

describe('the source', () => {
  const files = sourceFiles(SRC).map((f) => ({ file: path.relative(SRC, f), text: fs.readFileSync(f, 'utf8') }));
  const offenders = (re: RegExp) => files.filter((f) => re.test(f.text)).map((f) => f.file);

  it('casts no request input: routes read it typed from their schemas', () => {
    expect(offenders(/request\.(body|query|params)\s*(\?\?\s*\{\}\s*\)?\s*)?as\s/)).toEqual([]);
    expect(offenders(/\(\s*request\.(body|query|params)(\s*\?\?\s*\{\})?\s*\)\s*as\s/)).toEqual([]);
  });

  it('has no local form parsers, no untyped HTTP errors, one way to translate', () => {
    expect(offenders(/\b(function|const)\s+(str|one|idParam)\b/)).toEqual([]);
    expect(offenders(/Object\.assign\(new Error/)).toEqual([]);
    expect(offenders(/\btr\(/)).toEqual([]);
  });
});
