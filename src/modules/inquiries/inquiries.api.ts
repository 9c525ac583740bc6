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
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { NotFound } from '../../platform/http/errors.ts';
import { ErrorBody } from '../../platform/http/error-handler.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { FIELDS, KINDS } from './inquiry-types.ts';
import { allowListed, submissionRateLimit, type InquiryRoutesContext } from './routes-context.ts';
import type { PublicStatus } from './status.present.ts';

const Submission = Type.Object(
  {
    site: Type.Optional(Type.String({ maxLength: 50, description: 'Mã trang (mặc định: cổng chính) / Site code (default: the main portal).' })),
    kind: Type.String({ maxLength: 30, description: KINDS.map((k) => k.code).join(' | ') }),
    field: Type.String({ maxLength: 60, description: 'Mã lĩnh vực / Field code (GET /api/v1/inquiries/options).' }),
    agency: Type.Optional(Type.Union([Type.Integer(), Type.Null()], { description: 'Cơ quan muốn gửi đến / Agency meant (optional).' })),
    title: Type.String({ maxLength: 1000 }),
    content: Type.String({ maxLength: 40_000 }),
    name: Type.String({ maxLength: 500 }),
    email: Type.Optional(Type.String({ maxLength: 500 })),
    phone: Type.Optional(Type.String({ maxLength: 100 })),
    address: Type.Optional(Type.String({ maxLength: 1000 })),
    consentPrivacy: Type.Boolean({ description: 'Đồng ý thông báo xử lý dữ liệu cá nhân / Consent to the personal data notice (must be true).' }),
    consentPublish: Type.Optional(
      Type.Boolean({ description: 'Đồng ý công bố câu trả lời (đã ẩn dữ liệu cá nhân) / Consent to publishing the answer, personal data removed.' }),
    ),
    lang: Type.Optional(Type.Union([Type.Literal('vi'), Type.Literal('en')], { description: 'Ngôn ngữ thông báo / Language of messages and notices.' })),
  },
  { additionalProperties: false },
);

const Receipt = Type.Object({
  code: Type.String({ description: 'Mã tra cứu / Tracking code.' }),
  site: Type.String(),
  status: Type.String(),
  receivedAt: Type.String({ format: 'date-time' }),
  answerDueAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  statusUrl: Type.String({ format: 'uri' }),
});

const Status = Type.Object({
  code: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  kind: Type.String(),
  field: Type.String(),
  title: Type.String(),
  receivedAt: Type.String({ format: 'date-time' }),
  agency: Type.Union([Type.String(), Type.Null()]),
  answerDueAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  note: Type.String(),
  stages: Type.Array(Type.Object({ kind: Type.String(), label: Type.String(), at: Type.String({ format: 'date-time' }), note: Type.String() })),
  progress: Type.Union([Type.Object({ text: Type.String(), promisedAt: Type.String({ format: 'date-time' }) }), Type.Null()]),
  answer: Type.Union([Type.Object({ html: Type.String(), at: Type.String({ format: 'date-time' }) }), Type.Null()]),
  mergedInto: Type.Union([Type.String(), Type.Null()]),
});

function statusJson(s: PublicStatus) {
  return {
    code: s.code,
    status: s.status,
    statusLabel: s.statusLabel,
    kind: s.kind,
    field: s.field,
    title: s.title,
    receivedAt: s.receivedAt.toISOString(),
    agency: s.agency,
    answerDueAt: s.answerDueAt?.toISOString() ?? null,
    note: s.note,
    stages: s.stages.map((e) => ({ kind: e.kind, label: e.label, at: e.at.toISOString(), note: e.note })),
    progress: s.progress ? { text: s.progress.text, promisedAt: s.progress.promisedAt.toISOString() } : null,
    answer: s.answer ? { html: s.answer.html, at: s.answer.at.toISOString() } : null,
    mergedInto: s.mergedInto,
  };
}

export function registerInquiryApi(app: FastifyInstance, ctx: InquiryRoutesContext): void {
  async function siteFor(code: string | undefined) {
    const all = await ctx.sites.directory.liveSites();
    const site = code ? all.find((s) => s.code === code) : all.find((s) => s.kind === 'portal' && s.parent_id === null);
    if (site?.status !== 'active') throw new NotFound('site.not_found', code ? `No site with code "${code}"` : 'No main portal');
    return site;
  }

  app.post(
    '/api/v1/inquiries',
    {
      config: submissionRateLimit(ctx.config),
      schema: {
        tags: ['inquiries'],
        summary: 'Gửi câu hỏi, góp ý, kiến nghị / Submit a question, feedback, petition, complaint or denunciation',
        description:
          'Trả lời 201 chỉ sau khi yêu cầu đã được lưu. Gửi lại với cùng tiêu đề Idempotency-Key trả về cùng mã. / Answers 201 only after the request is stored; a retry with the same Idempotency-Key returns the same code.',
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }),
        body: Submission,
        response: { 201: Receipt, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const b = request.body as Record<string, unknown> & { site?: string; lang?: Lang; agency?: number | null };
      const site = await siteFor(b.site);
      const lang: Lang = b.lang === 'en' ? 'en' : 'vi';
      const statusUrl = await ctx.statusUrl(site.id, lang);
      const key = request.headers['idempotency-key'];
      const result = await ctx.submission.submit({
        siteId: site.id,
        channel: 'api',
        kind: String(b.kind ?? ''),
        field: String(b.field ?? ''),
        agencyId: b.agency ?? null,
        title: String(b.title ?? ''),
        body: String(b.content ?? ''),
        name: String(b.name ?? ''),
        email: String(b.email ?? ''),
        phone: String(b.phone ?? ''),
        address: String(b.address ?? ''),
        consentPrivacy: b.consentPrivacy === true,
        consentPublish: b.consentPublish === true,
        ...(typeof key === 'string' && key ? { idempotencyKey: `api:${key}` } : {}),
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

  app.get(
    '/api/v1/inquiries/options',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Loại, lĩnh vực và cơ quan để chọn / Kinds, fields and agencies to choose from',
        querystring: Type.Object({
          site: Type.Optional(Type.String({ maxLength: 50 })),
          lang: Type.Optional(Type.Union([Type.Literal('vi'), Type.Literal('en')])),
        }),
        response: {
          200: Type.Object({
            kinds: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })),
            fields: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })),
            agencies: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
          }),
          404: ErrorBody,
        },
      },
    },
    async (request) => {
      const q = request.query as { site?: string; lang?: Lang };
      const lang: Lang = q.lang === 'en' ? 'en' : 'vi';
      const site = await siteFor(q.site);
      const agencies = await ctx.agencies.list(site.id);
      return {
        kinds: KINDS.map((k) => ({ code: k.code, label: k.label[lang] })),
        fields: FIELDS.map((f) => ({ code: f.code, label: f.label[lang] })),
        agencies: agencies.map((a) => ({ id: a.id, name: a.name })),
      };
    },
  );

  app.get(
    '/api/v1/inquiries/:code',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute', groupId: 'inquiry-lookups', allowList: allowListed(ctx.config) } },
      schema: {
        tags: ['inquiries'],
        summary: 'Tình trạng yêu cầu / Status of a request, by its code and the e-mail or phone given',
        description: 'Mã không có và thông tin liên hệ không khớp có cùng câu trả lời 404. / An unknown code and a wrong contact get the same 404.',
        params: Type.Object({ code: Type.String({ maxLength: 40 }) }),
        querystring: Type.Object({ contact: Type.String({ maxLength: 254 }), lang: Type.Optional(Type.Union([Type.Literal('vi'), Type.Literal('en')])) }),
        response: { 200: Status, 404: ErrorBody, 429: ErrorBody },
      },
    },
    async (request) => {
      const { code } = request.params as { code: string };
      const { contact, lang } = request.query as { contact: string; lang?: Lang };
      const row = await ctx.submission.find(code, contact);
      return statusJson(await ctx.submission.status(row, lang === 'en' ? 'en' : 'vi'));
    },
  );
}
