/**
 * The shapes of what comes in: the API's JSON (with what it answers, for the OpenAPI document),
 * the citizens' forms, the consoles' forms and filters. Forms are lenient on purpose where the
 * services judge the content: their text fields only bound the length, so a citizen or an officer
 * gets the service's own message ("the title needs 5 to 300 characters"), every problem at once.
 */
import { Type } from 'typebox';
import { FormField } from '../../platform/http/forms.ts';
import { CHANNEL_CODES, FIELD_CODES, KIND_CODES, STATUSES } from './inquiry-types.ts';

const Lang = Type.Union([Type.Literal('vi'), Type.Literal('en')]);

// ── The API ──────────────────────────────────────────────────────────────────────────────

export const Submission = Type.Object(
  {
    site: Type.Optional(Type.String({ maxLength: 50, description: 'Mã trang (mặc định: cổng chính) / Site code (default: the main portal).' })),
    kind: Type.String({ maxLength: 30, description: KIND_CODES.join(' | ') }),
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

export const SubmissionHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) });

export const Receipt = Type.Object({
  code: Type.String({ description: 'Mã tra cứu / Tracking code.' }),
  site: Type.String(),
  status: Type.String(),
  receivedAt: Type.String({ format: 'date-time' }),
  answerDueAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  statusUrl: Type.String({ format: 'uri' }),
});

export const OptionsQuery = Type.Object({
  site: Type.Optional(Type.String({ maxLength: 50 })),
  lang: Type.Optional(Lang),
});

export const Options = Type.Object({
  kinds: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })),
  fields: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })),
  agencies: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
});

export const CodeParams = Type.Object({ code: Type.String({ maxLength: 40 }) });
export const LookupQuery = Type.Object({ contact: Type.String({ maxLength: 254 }), lang: Type.Optional(Lang) });

export const Status = Type.Object({
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

// ── The citizens' pages ──────────────────────────────────────────────────────────────────

/** As long as a text part of the form may be: the service says what is too long for each field. */
const PART = 64 * 1024;
const text = (max = PART) => FormField.text({ max });

/** The request form (multipart: its files come aside, `uploadedFiles`). */
export const AskForm = Type.Object({
  kind: text(),
  field: text(),
  agency: text(),
  title: text(),
  content: text(),
  name: text(),
  email: text(),
  phone: text(),
  address: text(),
  consentPrivacy: FormField.checkbox(),
  consentPublish: FormField.checkbox(),
  /** The form's one-time key (a UUID); another value is replaced by a fresh one. */
  submission: text(),
  /** The honeypot: people leave it empty. */
  website: text(),
  challenge_token: text(),
  challenge_answer: text(),
});

/** The status page's look-up (by POST, so the contact stays out of addresses and logs). */
export const LookupForm = Type.Object({ code: text(1000), contact: text(1000) });

/** The information the citizen adds when asked for it. */
export const InfoForm = Type.Object({ code: text(1000), contact: text(1000), info: text(20_000) });

/** `?ma=<code>` fills in the look-up form. */
export const StatusQuery = Type.Object({ ma: Type.Optional(Type.String({ maxLength: 2000 })) });

/** A file of the answer: the request's code and the file's token from the status page. */
export const AnswerFileQuery = Type.Object({ ma: Type.Optional(Type.String({ maxLength: 2000 })), k: Type.Optional(Type.String({ maxLength: 2000 })) });

/** The Q&A list: a field and a page; a value that is not one of them is a 404 (checked by the route). */
export const QaQuery = Type.Object({ 'linh-vuc': Type.Optional(Type.String({ maxLength: 2000 })), trang: Type.Optional(Type.String({ maxLength: 2000 })) });

// ── The consoles ─────────────────────────────────────────────────────────────────────────

/** Queues of the list besides the stages. */
export const QUEUES = { overdue: 'qua-han', soon: 'sap-den-han' } as const;

/** The list's filters (lenient: a value that does not fit is ignored). */
export const ListQuery = Type.Object({
  giai_doan: FormField.choice([...STATUSES, QUEUES.overdue, QUEUES.soon]),
  kenh: FormField.choice(CHANNEL_CODES),
  linh_vuc: FormField.choice(FIELD_CODES),
  tim: FormField.text({ max: 200 }),
  trang: FormField.integer({ min: 1, max: 999_999 }),
  tb: FormField.text({ max: 40 }),
});

/** A notice after a redirect (`?tb=…`). */
export const NoticeQuery = Type.Object({ tb: FormField.text({ max: 40 }) });

/** The hotline console after a call was logged: its code, the answer's due day, the agency it went to. */
export const HotlineQuery = Type.Object({
  'da-ghi': FormField.text({ max: 40 }),
  han: FormField.text({ max: 10, pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
  cq: FormField.integer({ min: 1 }),
});

export const HotlineForm = Type.Object({
  /** The form's one-time key: a repeated post is one request. */
  key: text(400),
  channel: text(400),
  field: text(400),
  kind: text(400),
  content: text(12_000),
  title: text(400),
  callerName: text(400),
  phone: text(400),
  email: text(400),
  address: text(400),
  consentPublish: FormField.checkbox(),
  agencyId: text(400),
});

/** The agencies page: one address, a form per action (`thao_tac`). */
export const AgencyForms = {
  add: Type.Object({ thao_tac: Type.Literal('add'), unitId: text(20), hotlineDefault: FormField.checkbox() }),
  active: Type.Object({ thao_tac: Type.Literal('active'), id: text(20), value: text(2) }),
  default: Type.Object({ thao_tac: Type.Literal('default'), id: text(20), value: text(2) }),
  review: Type.Object({ thao_tac: Type.Literal('review'), answerReview: text(2) }),
};

/** A request's page: one address, a form per action (`thao_tac`, a literal: the handler's union is told apart by it), each with its own fields. */
export const ActionForms = {
  classify: Type.Object({ thao_tac: Type.Literal('classify'), kind: text(40), field: text(80) }),
  merge: Type.Object({ thao_tac: Type.Literal('merge'), into: text(20) }),
  request_info: Type.Object({ thao_tac: Type.Literal('request_info'), infoMessage: text(10_000) }),
  out_of_scope: Type.Object({ thao_tac: Type.Literal('out_of_scope'), reason: text(10_000) }),
  forward: Type.Object({ thao_tac: Type.Literal('forward'), agencyId: text(20), forwardNote: text(10_000) }),
  transfer: Type.Object({ thao_tac: Type.Literal('transfer'), transferBody: text(1000), transferNote: text(10_000) }),
  save_draft: Type.Object({ thao_tac: Type.Literal('save_draft'), answer: text(400_000) }),
  submit_answer: Type.Object({ thao_tac: Type.Literal('submit_answer'), answer: text(400_000) }),
  progress: Type.Object({ thao_tac: Type.Literal('progress'), progressText: text(10_000), promisedDate: text(40) }),
  approve: Type.Object({ thao_tac: Type.Literal('approve') }),
  return: Type.Object({ thao_tac: Type.Literal('return'), returnNote: text(10_000) }),
  publish: Type.Object({ thao_tac: Type.Literal('publish'), pubTitle: text(2000), pubQuestion: text(50_000), pubAnswer: text(400_000) }),
  unpublish: Type.Object({ thao_tac: Type.Literal('unpublish') }),
  remove_file: Type.Object({ thao_tac: Type.Literal('remove_file'), attId: text(20) }),
};

/** The upload forms of a request's page (multipart): the files only. */
export const UploadForm = Type.Object({});

/** A file of a request in the consoles: `/quan-tri/hoi-dap/<id>/tep/<file>`. */
export const RequestFileParams = Type.Object({
  id: Type.String({ pattern: '^[1-9][0-9]{0,14}$' }),
  att: Type.String({ pattern: '^[1-9][0-9]{0,14}$' }),
});
