/** Liveness and readiness for load balancers and orchestrators. */
import { Type } from 'typebox';
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../platform.ts';

const Health = Type.Object({ status: Type.String(), database: Type.Optional(Type.String()) });

export function registerHealth(app: FastifyInstance, platform: Platform): void {
  app.get('/healthz', { schema: { tags: ['platform'], summary: 'Process is alive', response: { 200: Health } } }, async (_req, reply) => {
    reply.header('cache-control', 'no-store');
    return { status: 'ok' };
  });
  app.get(
    '/readyz',
    { schema: { tags: ['platform'], summary: 'Database reachable: ready for traffic', response: { 200: Health, 503: Health } } },
    async (_req, reply) => {
      reply.header('cache-control', 'no-store');
      if (await platform.ping()) return { status: 'ok', database: platform.engine };
      return reply.code(503).send({ status: 'unavailable', database: platform.engine });
    },
  );
}
