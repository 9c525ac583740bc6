/**
 * Typed domain errors. Services throw these; the one error handler maps them to HTTP.
 * `code` is stable (clients and tests match on it); `messageKey` picks the text shown
 * to people in their language; `details` lists field problems for forms and the API.
 */
import type { MessageKey } from '../i18n/index.ts';

export interface FieldProblem {
  field: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly status: number;
  readonly code: string;
  readonly messageKey: MessageKey | undefined;
  readonly details: readonly FieldProblem[];

  constructor(code: string, message?: string, options: { messageKey?: MessageKey; details?: readonly FieldProblem[] } = {}) {
    super(message ?? code);
    this.code = code;
    this.messageKey = options.messageKey;
    this.details = options.details ?? [];
  }
}

/** The request itself is malformed (not the values in it: those are `Invalid`). */
export class BadRequest extends DomainError {
  override name = 'BadRequest';
  readonly status = 400;
}

/** Nobody is signed in (and the request is not one the sign-in gate can redirect). */
export class Unauthorized extends DomainError {
  override name = 'Unauthorized';
  readonly status = 401;
}

export class NotFound extends DomainError {
  override name = 'NotFound';
  readonly status = 404;
}

export class Forbidden extends DomainError {
  override name = 'Forbidden';
  readonly status = 403;
}

export class Conflict extends DomainError {
  override name = 'Conflict';
  readonly status = 409;
}

/** What was here is gone for good (a closed site): unlike 404, it will not come back. */
export class Gone extends DomainError {
  override name = 'Gone';
  readonly status = 410;
}

export class UriTooLong extends DomainError {
  override name = 'UriTooLong';
  readonly status = 414;
}

export class UnsupportedMediaType extends DomainError {
  override name = 'UnsupportedMediaType';
  readonly status = 415;
}

export class Invalid extends DomainError {
  override name = 'Invalid';
  readonly status = 422;
}

export function isDomainError(err: unknown): err is DomainError {
  return err instanceof DomainError;
}
