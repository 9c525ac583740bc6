/**
 * Several forms posted to one address, told apart by a field naming the action (`thao_tac`), as
 * a request's page and the agencies page have them. Each action is its own TypeBox form read by
 * `formRoute` — the CSRF check, conversion, validation, and the form shown again on a refusal,
 * with what was typed — chosen by that field; the handler gets the union of the forms,
 * discriminated by it. An unknown action is refused like a field problem (422).
 */
import type { FastifyReply, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import { Type, type Static, type TObject, type TSchema } from 'typebox';
import { FormField, formRoute, type FormState } from '../../platform/http/forms.ts';

export type ActionRenderer<A extends string> = (
  action: A | undefined,
  request: FastifyRequest,
  reply: FastifyReply,
  state: FormState<TObject>,
  status: number,
) => unknown;

export function formRouteByAction<const F extends Readonly<Record<string, TObject>>>(
  field: string,
  forms: F,
  options: {
    render: ActionRenderer<keyof F & string>;
    /** Per action: the service's field names → the form's. */
    fieldNames?: { readonly [K in keyof F]?: Readonly<Record<string, string>> };
  },
) {
  const names = Object.keys(forms) as (keyof F & string)[];
  const routes = new Map(
    names.map((name) => [
      name,
      formRoute(forms[name]!, {
        render: (request, reply, state, status) => options.render(name, request, reply, state, status),
        fieldNames: options.fieldNames?.[name] ?? {},
      }),
    ]),
  );
  const unknown = formRoute(Type.Object({ [field]: FormField.requiredChoice(names) }), {
    render: (request, reply, state, status) => options.render(undefined, request, reply, state, status),
  });

  const actionIn = (input: unknown): string | undefined => {
    const value = input && typeof input === 'object' ? (input as Record<string, unknown>)[field] : undefined;
    const first = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' ? first : undefined;
  };
  const routeFor = (input: unknown) => {
    const name = actionIn(input);
    return (name !== undefined && routes.get(name)) || unknown;
  };
  const rawInputs = new WeakMap<FastifyRequest, unknown>();

  const validatorCompiler: FastifySchemaCompiler<TSchema> = (context) => {
    if (context.httpPart !== 'body') return unknown.validatorCompiler(context);
    const fallback = unknown.validatorCompiler(context);
    const validators = new Map([...routes].map(([name, route]) => [name, route.validatorCompiler(context)]));
    return (data: unknown) => {
      const name = actionIn(data);
      return ((name !== undefined && validators.get(name)) || fallback)(data);
    };
  };

  return {
    // For the handler's types (and nothing else: each action is validated by its own form).
    schema: { body: Type.Unsafe<Static<F[keyof F]>>(Type.Union(Object.values(forms))) },
    preValidation: [
      async (request: FastifyRequest) => {
        rawInputs.set(request, request.body);
      },
      ...unknown.preValidation,
    ],
    validatorCompiler,
    errorHandler: (err: unknown, request: FastifyRequest, reply: FastifyReply) => routeFor(rawInputs.get(request)).errorHandler(err, request, reply),
  };
}

export type ActionBody<F extends Readonly<Record<string, TObject>>> = Static<F[keyof F]>;
