/**
 * The API for other channels (the city's mobile app, the national public-service portal):
 *
 *   POST /api/v1/inquiries                     submit (JSON; Idempotency-Key honoured)
 *   GET  /api/v1/inquiries/{code}?contact=…    status, with the e-mail or phone given
 *   GET  /api/v1/inquiries/options?site=…      kinds, fields and agencies to choose from
 *
 * The same validation as the form; 201 only after the commit; no personal data in any answer;
 * submissions and lookups are rate-limited per IP address.
 */
import { NotFound } from '../../platform/http/errors.ts';
import { ErrorBody } from '../../platform/http/error-handler.ts';
import { NoQuery } from '../../platform/http/schemas.ts';
import type { Config } from '../../platform/config.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import type { SitesModule } from '../sites/index.ts';
import type { AgencyService } from './agencies.service.ts';
import { CodeParams, LookupQuery, Options, OptionsQuery, Receipt, Status, Submission, SubmissionHeaders } from './inquiries.schema.ts';
import { FIELD_CODES, fieldLabel, KIND_CODES, kindLabel } from './inquiry-types.ts';
import { statusJson } from './present/status.present.ts';
import { apiLookupRateLimit, submissionRateLimit } from './rate-limits.ts';
import type { SubmissionService } from './submission.service.ts';

export interface ApiDeps {
  sites: SitesModule;
  submission: SubmissionService;
  agencies: AgencyService;
  config: Config;
  statusUrl(siteId: number, lang: Lang): Promise<string>;
}

export function inquiryApi(routes: Routes, deps: ApiDeps): void {
  async function siteFor(code: string | undefined) {
    const all = await deps.sites.directory.liveSites();
    const site = code ? all.find((s) => s.code === code) : all.find((s) => s.kind === 'portal' && s.parent_id === null);
    if (site?.status !== 'active') throw new NotFound('site.not_found', code ? `No site with code "${code}"` : 'No main portal');
    return site;
  }

  routes.post(
    '/inquiries',
    {
      config: submissionRateLimit(deps.config),
      schema: {
        tags: ['inquiries'],
        summary: 'Gửi câu hỏi, góp ý, kiến nghị / Submit a question, feedback, petition, complaint or denunciation',
        description:
          'Trả lời 201 chỉ sau khi yêu cầu đã được lưu. Gửi lại với cùng tiêu đề Idempotency-Key trả về cùng mã. / Answers 201 only after the request is stored; a retry with the same Idempotency-Key returns the same code.',
        headers: SubmissionHeaders,
        querystring: NoQuery,
        body: Submission,
        response: { 201: Receipt, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const site = await siteFor(b.site);
      const lang: Lang = b.lang ?? 'vi';
      const statusUrl = await deps.statusUrl(site.id, lang);
      const key = request.headers['idempotency-key'];
      const result = await deps.submission.submit({
        siteId: site.id,
        channel: 'api',
        kind: b.kind,
        field: b.field,
        agencyId: b.agency ?? null,
        title: b.title,
        body: b.content,
        name: b.name,
        email: b.email ?? '',
        phone: b.phone ?? '',
        address: b.address ?? '',
        consentPrivacy: b.consentPrivacy,
        consentPublish: b.consentPublish === true,
        ...(key ? { idempotencyKey: `api:${key}` } : {}),
        lang,
        statusUrl,
      });
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send({
        code: result.row.code,
        site: site.code,
        status: result.row.status,
        receivedAt: new Date(result.row.received_at).toISOString(),
        answerDueAt: result.answerDue?.toISOString() ?? null,
        statusUrl,
      });
    },
  );

  routes.get(
    '/inquiries/options',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Loại, lĩnh vực và cơ quan để chọn / Kinds, fields and agencies to choose from',
        querystring: OptionsQuery,
        response: { 200: Options, 404: ErrorBody },
      },
    },
    async (request) => {
      const lang: Lang = request.query.lang ?? 'vi';
      const site = await siteFor(request.query.site);
      const agencies = await deps.agencies.list(site.id);
      return {
        kinds: KIND_CODES.map((code) => ({ code, label: kindLabel(code, lang) })),
        fields: FIELD_CODES.map((code) => ({ code, label: fieldLabel(code, lang) })),
        agencies: agencies.map((a) => ({ id: a.id, name: a.name })),
      };
    },
  );

  routes.get(
    '/inquiries/:code',
    {
      config: apiLookupRateLimit(deps.config),
      schema: {
        tags: ['inquiries'],
        summary: 'Tình trạng yêu cầu / Status of a request, by its code and the e-mail or phone given',
        description: 'Mã không có và thông tin liên hệ không khớp có cùng câu trả lời 404. / An unknown code and a wrong contact get the same 404.',
        params: CodeParams,
        querystring: LookupQuery,
        response: { 200: Status, 404: ErrorBody, 429: ErrorBody },
      },
    },
    async (request) => {
      const row = await deps.submission.find(request.params.code, request.query.contact);
      return statusJson(await deps.submission.status(row, request.query.lang ?? 'vi'));
    },
  );
}
