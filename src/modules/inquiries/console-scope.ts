/** What every console route needs first: the person's scope with the site they work on, and a request's id. */
import type { FastifyRequest } from 'fastify';
import { Compile } from 'typebox/compile';
import { NotFound } from '../../platform/http/errors.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import type { AccountsModule, AdminScope } from '../accounts/index.ts';

export type SiteScope = AdminScope & { site: NonNullable<AdminScope['site']> };

/** The admin scope with a site (404 on an empty platform). */
export async function siteScope(admin: AccountsModule['admin'], request: FastifyRequest): Promise<SiteScope> {
  const s = await admin.scope(request);
  if (!s.site) throw new NotFound('admin.no_site', 'No site chosen', { messageKey: 'error.body.404' });
  return { ...s, site: s.site };
}

const idParams = Compile(IdParams);

/**
 * The request's id of a route under `/:id`, for a form shown again after a refusal (the route's
 * own schema checked it already; a form renderer is not typed by that schema).
 */
export function requestIdOf(request: FastifyRequest): number {
  const params = request.params;
  if (!idParams.Check(params)) throw new NotFound('inquiry.not_found', 'Không có yêu cầu này.', { messageKey: 'error.body.404' });
  return Number(params.id);
}
