/**
 * Schema-first HTML forms: the one way a route reads a form. A form is a TypeBox object built
 * from `FormField`s; `formRoute(schema, { render })` gives the route options that
 *
 *   1. check the CSRF token (before anything else is read or validated),
 *   2. convert what the browser sent — text to NFC, a ticked box to `true`, an empty optional
 *      number to `undefined`, a field sent once or several times to a list — and validate it,
 *   3. hand the handler `request.body` typed from the schema, holding only the schema's fields,
 *   4. and, when validation fails or the handler's service throws `Invalid` (422) or `Conflict`
 *      (409), call `render` with what was typed and the problems by field, in the page's
 *      language, so the form comes back as the person left it. No route catches errors itself.
 *
 *   const RuleForm = Type.Object({ code: FormField.text({ required: true, max: 20 }), amount: FormField.integer({ min: 0 }) });
 *   routes.post(paths.rules, formRoute(RuleForm, { render: (req, reply, state, status) => screen(req, reply, state, status) }),
 *     async (request, reply) => { await service.add(actor, request.body); return reply.redirect(…, 303); });
 *
 * `queryForm(schema)` reads a GET form (filters) leniently: a value that does not fit is left
 * out and named (`rejectedFields(request)`), never an error page.
 */
import { Type, type Static, type TObject, type TProperties, type TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import type { FastifyReply, FastifyRequest, FastifySchemaCompiler, preValidationHookHandler } from 'fastify';
import { isDomainError, type DomainError } from './errors.ts';
import { t, type Lang } from '../i18n/index.ts';
import { langFromPath } from './lang-of-request.ts';
import { readMultipartForm, type MultipartLimits } from './multipart-form.ts';

// ── Fields ───────────────────────────────────────────────────────────────────────────────

type FieldKind = 'text' | 'checkbox' | 'integer' | 'list' | 'choice';
const KIND = 'x-form';
const MESSAGE = 'x-message';

interface TextOptions {
  /** At most this many characters (after NFC); default 10,000. */
  max?: number;
  /** Refuses an empty or blank value. */
  required?: boolean;
  /** A regular expression the value must match when not empty. */
  pattern?: string;
  /** Catalogue key of the message when the pattern does not match (platform catalogue). */
  message?: FormMessageKey;
}

type FormMessageKey = Parameters<typeof t>[1];

export const FormField = {
  /** A text input or text area; absent is ''. */
  text(o: TextOptions = {}) {
    // Required means "something other than blanks"; a pattern applies to a value that is not empty.
    const patterns = [o.required ? '\\S' : '', o.pattern ? `^$|${o.pattern}` : ''].filter(Boolean);
    return Type.String({
      [KIND]: 'text',
      maxLength: o.max ?? 10_000,
      ...(o.required ? { minLength: 1 } : {}),
      ...(patterns.length === 1 ? { pattern: patterns[0] } : patterns.length === 2 ? { allOf: patterns.map((pattern) => ({ pattern })) } : {}),
      ...(o.message ? { [MESSAGE]: o.message } : {}),
    });
  },
  /** A check box: true when sent (whatever its value), false when not. */
  checkbox() {
    return Type.Boolean({ [KIND]: 'checkbox' });
  },
  /** One of the given values (a select or radio buttons); '' too unless required. */
  choice<const V extends readonly string[]>(values: V) {
    return Type.Enum(['', ...values] as ['', ...V], { [KIND]: 'choice' });
  },
  /** One of the given values, which must be chosen. */
  requiredChoice<const V extends readonly string[]>(values: V) {
    return Type.Enum([...values] as [...V], { [KIND]: 'choice' });
  },
  /** A whole number; empty is `undefined` unless required. */
  integer(o: { min?: number; max?: number; required?: boolean } = {}) {
    const n = Type.Integer({ [KIND]: 'integer', minimum: o.min ?? 0, maximum: o.max ?? Number.MAX_SAFE_INTEGER });
    return o.required ? n : Type.Optional(n);
  },
  /** A field sent any number of times (check boxes of one name, a multiple select). */
  list(o: { max?: number; maxItems?: number } = {}) {
    return Type.Array(Type.String({ maxLength: o.max ?? 1000 }), { [KIND]: 'list', maxItems: o.maxItems ?? 500 });
  },
};

// ── Converting what a browser sends ──────────────────────────────────────────────────────

function kindOf(schema: TSchema): FieldKind | undefined {
  return (schema as Record<string, unknown>)[KIND] as FieldKind | undefined;
}

const firstString = (v: unknown): string | undefined => (typeof v === 'string' ? v : Array.isArray(v) ? firstString(v[0]) : undefined);

/** The browser's strings as the schema's values: only the schema's fields, nothing else. */
function convert(properties: TProperties, input: unknown): Record<string, unknown> {
  const body = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(properties)) {
    const raw = body[name];
    switch (kindOf(schema)) {
      case 'checkbox':
        out[name] = raw !== undefined && raw !== null && raw !== false;
        break;
      case 'list': {
        const items = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
        out[name] = items.filter((x): x is string => typeof x === 'string').map((x) => x.normalize('NFC'));
        break;
      }
      case 'integer': {
        const s = firstString(raw)?.trim() ?? '';
        if (s === '') break;
        out[name] = /^-?\d{1,15}$/.test(s) ? Number(s) : s;
        break;
      }
      default: {
        const s = firstString(raw);
        out[name] = s === undefined ? '' : s.normalize('NFC');
      }
    }
  }
  return out;
}

/** What was typed, as strings, to put back in the form. */
function typedBack(properties: TProperties, input: unknown): Record<string, string | string[]> {
  const body = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const out: Record<string, string | string[]> = {};
  for (const [name, schema] of Object.entries(properties)) {
    const raw = body[name];
    if (kindOf(schema) === 'list') out[name] = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((x): x is string => typeof x === 'string');
    else if (kindOf(schema) === 'checkbox') out[name] = raw === undefined || raw === false ? '' : 'on';
    else out[name] = typeof raw === 'boolean' || typeof raw === 'number' ? String(raw) : (firstString(raw) ?? '');
  }
  return out;
}

interface Problem {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message: string;
}

/** A TypeBox check as a Fastify validator: the value, or its problems in the shape Fastify reports. */
function validator(schema: TSchema, prepare: (data: unknown) => unknown = (data) => data): (data: unknown) => { value: unknown } | { error: Problem[] } {
  const check = Compile(schema);
  return (data) => {
    const value = prepare(data);
    if (check.Check(value)) return { value };
    return {
      error: check.Errors(value).map((e) => ({
        keyword: e.keyword,
        instancePath: e.instancePath,
        schemaPath: e.schemaPath,
        params: e.params as Record<string, unknown>,
        message: e.message,
      })),
    };
  };
}

/** A form's body: converted from what the browser sent, then checked. */
function compileForm(schema: TObject): (data: unknown) => { value: unknown } | { error: Problem[] } {
  return validator(schema, (data) => convert(schema.properties, data));
}

/** The message for one validation problem of a field, in the page's language. */
function problemMessage(lang: Lang, field: TSchema | undefined, p: Problem): string {
  const own = field ? ((field as Record<string, unknown>)[MESSAGE] as FormMessageKey | undefined) : undefined;
  switch (p.keyword) {
    case 'required':
    case 'minLength':
      return t(lang, 'form.required');
    case 'maxLength':
      return t(lang, 'form.tooLong', {
        max: Number(p.params.limit ?? (field as { maxLength?: number } | undefined)?.maxLength ?? 0).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB'),
      });
    case 'pattern':
      return own ? t(lang, own) : (field as { minLength?: number } | undefined)?.minLength ? t(lang, 'form.required') : t(lang, 'form.invalid');
    case 'minimum':
    case 'maximum':
      return t(lang, 'form.outOfRange', {
        min: Number((field as { minimum?: number }).minimum ?? 0),
        max: Number((field as { maximum?: number }).maximum ?? 0),
      });
    case 'maxItems':
      return t(lang, 'form.tooMany');
    case 'type':
      return kindOf(field ?? Type.Null()) === 'integer' ? t(lang, 'form.notNumber') : t(lang, 'form.invalid');
    case 'anyOf':
    case 'const':
    case 'enum':
      return t(lang, 'form.notAChoice');
    default:
      return own ? t(lang, own) : t(lang, 'form.invalid');
  }
}

// ── Forms on a page ──────────────────────────────────────────────────────────────────────

/** Problems by field name; `form` holds those that belong to no one field. */
export type FieldErrors = Record<string, string>;

/** What was typed in each field, as text (lists as arrays). */
export type FormValues<S extends TObject> = { [K in keyof Static<S>]?: Static<S>[K] extends readonly unknown[] ? string[] : string };

export interface FormState<S extends TObject> {
  values: FormValues<S>;
  errors: FieldErrors;
}

export type FormRenderer<S extends TObject> = (request: FastifyRequest, reply: FastifyReply, state: FormState<S>, status: number) => unknown;

export interface FormOptions<S extends TObject> {
  /** Renders the form again with what was typed and what is wrong. */
  render: FormRenderer<S>;
  /** Field names of the service (in `Invalid` details) that the form calls otherwise. */
  fieldNames?: Readonly<Record<string, keyof Static<S> & string>>;
  /** Parse a multipart body (uploads) with these limits; the files are in `uploadedFiles(request)`. */
  multipart?: MultipartLimits;
  /** No CSRF check (only for forms that change nothing, such as a search). */
  withoutCsrf?: boolean;
  /** The status of a refusal shown on the form, when not the error's own (a file too large: 413). */
  statusOf?: (err: DomainError) => number;
  /**
   * Codes of other domain errors that are refusals of what this form asked, shown on the form
   * with their own status (a workflow's "only the board head may", 403) rather than as an error page.
   */
  refusals?: readonly string[];
}

const rawInputs = new WeakMap<FastifyRequest, unknown>();

/** An empty form's state, for the first GET. */
export function emptyForm<S extends TObject>(values: FormValues<S> = {}): FormState<S> {
  return { values, errors: {} };
}

/** Field errors from a domain error's details, renamed to the form's fields; the rest under `form`. */
export function errorsFromDetails(
  details: readonly { field: string; message: string }[],
  known: ReadonlySet<string>,
  rename: Readonly<Record<string, string>> = {},
  fallback?: string,
): FieldErrors {
  const out: FieldErrors = {};
  for (const d of details) {
    const name = rename[d.field] ?? d.field;
    const key = known.has(name) ? name : 'form';
    out[key] = out[key] ? `${out[key]} ${d.message}` : d.message;
  }
  if (Object.keys(out).length === 0 && fallback) out.form = fallback;
  return out;
}

const csrfCheck: preValidationHookHandler = function (request, reply, done) {
  this.csrfProtection(request, reply, done);
};

/**
 * Route options of an HTML form post: CSRF, conversion, validation, and the form rendered again
 * on a refusal. Spread them into the route's options: `routes.post(path, formRoute(S, {...}), handler)`.
 */
export function formRoute<S extends TObject>(schema: S, options: FormOptions<S>) {
  const known = new Set(Object.keys(schema.properties));
  const validate = compileForm(schema);
  const preValidation: preValidationHookHandler[] = [];
  if (options.multipart) preValidation.push(readMultipartForm(options.multipart));
  preValidation.push(async (request) => {
    rawInputs.set(request, request.body);
  });
  if (!options.withoutCsrf) preValidation.push(csrfCheck);
  const validatorCompiler: FastifySchemaCompiler<TSchema> = ({ httpPart, schema: part }) =>
    httpPart === 'body' ? validate : httpPart === 'querystring' ? compileLenient(part as TObject) : compileStrict(part);
  return {
    schema: { body: schema },
    preValidation,
    validatorCompiler,
    errorHandler: async (err: unknown, request: FastifyRequest, reply: FastifyReply) => {
      const lang = langFromPath(request);
      const values = typedBack(schema.properties, rawInputs.get(request)) as FormValues<S>;
      const validation = (err as { validation?: Problem[]; validationContext?: string }).validation;
      if (validation && (err as { validationContext?: string }).validationContext === 'body') {
        const errors: FieldErrors = {};
        for (const p of validation) {
          const name = p.instancePath.split('/')[1] ?? String(p.params.missingProperty ?? '');
          const field = known.has(name) ? name : 'form';
          errors[field] ??= problemMessage(lang, schema.properties[name], p);
        }
        await options.render(request, reply, { values, errors }, 422);
        return reply;
      }
      if (isDomainError(err) && (err.status === 422 || err.status === 409 || options.refusals?.includes(err.code))) {
        const errors = errorsFromDetails(err.details, known, options.fieldNames, err.messageKey ? t(lang, err.messageKey) : err.message);
        await options.render(request, reply, { values, errors }, options.statusOf?.(err) ?? err.status);
        return reply;
      }
      throw err;
    },
  };
}

/** Parameters of the path: strict, like every route's (a value that does not fit is a 404 page). */
function compileStrict(schema: TSchema): (data: unknown) => { value: unknown } | { error: Problem[] } {
  return validator(schema);
}

// ── Lenient query forms ──────────────────────────────────────────────────────────────────

const rejected = new WeakMap<object, string[]>();

/** The fields of a GET form that were left out because their value did not fit. */
export function rejectedFields(query: unknown): readonly string[] {
  return (query && typeof query === 'object' ? rejected.get(query) : undefined) ?? [];
}

function compileLenient(schema: TObject | undefined): (data: unknown) => { value: unknown } {
  if (!schema?.properties) return (data) => ({ value: data });
  const fields = Object.entries(schema.properties).map(([name, s]) => [name, Compile(Type.Object({ v: s }))] as const);
  return (data) => {
    const input = convert(schema.properties, data);
    const out: Record<string, unknown> = {};
    const refused: string[] = [];
    for (const [name, check] of fields) {
      const v = input[name];
      if (v === undefined) continue;
      if (check.Check({ v })) out[name] = v;
      else if (!(v === '' || (Array.isArray(v) && v.length === 0))) refused.push(name);
    }
    // Keep the raw values of other parameters (a mount's `siteCode`, say) out of the typed result.
    rejected.set(out, refused);
    return { value: out };
  };
}

/**
 * Route options of a GET form (filters, a search): the query is converted like a form's, and a
 * value that does not fit is left out and named (`rejectedFields(request.query)`), never an error.
 */
export function queryForm<S extends TObject>(schema: S) {
  const validatorCompiler: FastifySchemaCompiler<TSchema> = ({ httpPart, schema: part }) =>
    httpPart === 'querystring' ? compileLenient(part as TObject) : compileStrict(part);
  return { schema: { querystring: schema }, validatorCompiler };
}
