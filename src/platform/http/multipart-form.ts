/**
 * A multipart form (a form with files) read whole, within limits, before its CSRF check and
 * validation — so such a form goes through `formRoute` like any other: its text fields become
 * `request.body`, its files are kept aside for the handler (`uploadedFiles(request)`), and what
 * went over a limit is reported, not thrown. A body that is not a well-formed multipart body is a
 * 400, never a 500. `@fastify/multipart` is registered once by the app; the limits are the form's.
 */
import type { FastifyRequest, preValidationHookHandler } from 'fastify';
import { BadRequest, UnsupportedMediaType } from './errors.ts';

export interface MultipartLimits {
  /** File fields kept (others are drained and ignored). */
  fileFields: readonly string[];
  /** Files kept at most; more are counted as `tooMany`. */
  maxFiles: number;
  /** Bytes of one file at most; a larger one is not kept and named in `tooLarge`. */
  maxFileBytes: number;
  /** Text fields: how many and how long each (bytes). */
  maxFields?: number;
  maxFieldBytes?: number;
  /** Error code of a body that is not multipart at all (default `http.malformed_form`). */
  malformedCode?: string;
}

export interface UploadedFile {
  field: string;
  filename: string;
  data: Buffer;
}

export interface Uploads {
  files: UploadedFile[];
  /** Names of files over the size limit (not kept). */
  tooLarge: string[];
  /** More files than allowed were sent. */
  tooMany: boolean;
  /** The form was larger than any real one (too many fields or parts, a field too long). */
  oversized: boolean;
}

const uploads = new WeakMap<FastifyRequest, Uploads>();

/** The files of a multipart form read by `formRoute` (none when it was not multipart). */
export function uploadedFiles(request: FastifyRequest): Uploads {
  return uploads.get(request) ?? { files: [], tooLarge: [], tooMany: false, oversized: false };
}

async function drain(stream: AsyncIterable<Buffer>): Promise<number> {
  let bytes = 0;
  for await (const chunk of stream) bytes += chunk.length;
  return bytes;
}

/** Refuses a multipart body on a form that takes none (as before the form helper: 415). */
export const refuseMultipart: preValidationHookHandler = async (request) => {
  if (request.isMultipart()) throw new UnsupportedMediaType('http.unsupported_media_type', 'This form takes no files');
};

export function readMultipartForm(limits: MultipartLimits): preValidationHookHandler {
  const maxParts = (limits.maxFields ?? 40) + limits.maxFiles + 8;
  return async (request) => {
    if (!request.isMultipart()) return;
    const result: Uploads = { files: [], tooLarge: [], tooMany: false, oversized: false };
    const fields: Record<string, string | string[]> = {};
    try {
      // A file above the limit is cut short (not kept) and reported on the form; @fastify/multipart
      // reads `throwFileSizeLimit` per call too, though its types list it for the plugin only.
      const options: Parameters<FastifyRequest['parts']>[0] & { throwFileSizeLimit: boolean } = {
        throwFileSizeLimit: false,
        limits: {
          fileSize: limits.maxFileBytes,
          files: limits.maxFiles + 8,
          fields: limits.maxFields ?? 40,
          parts: maxParts,
          fieldSize: limits.maxFieldBytes ?? 64 * 1024,
          headerPairs: 50,
        },
      };
      const parts = request.parts(options);
      let first = true;
      for await (const part of parts) {
        // The CSRF token counts only as the form's first part, where csrfInput puts it: the contract
        // of multipart forms since the first upload form, so a body built otherwise is refused.
        const firstPart = first;
        first = false;
        if (part.type === 'file') {
          const counted = result.files.length + result.tooLarge.length;
          if (!limits.fileFields.includes(part.fieldname) || counted >= limits.maxFiles) {
            const bytes = await drain(part.file as AsyncIterable<Buffer>);
            if (limits.fileFields.includes(part.fieldname) && (part.filename || bytes > 0)) result.tooMany = true;
            continue;
          }
          const chunks: Buffer[] = [];
          let bytes = 0;
          for await (const chunk of part.file as AsyncIterable<Buffer>) {
            bytes += chunk.length;
            if (!part.file.truncated) chunks.push(chunk);
          }
          // A browser sends an empty part when no file was chosen.
          if (!part.filename && bytes === 0) continue;
          if (part.file.truncated) result.tooLarge.push(part.filename || 'tep');
          else result.files.push({ field: part.fieldname, filename: part.filename || 'tep', data: Buffer.concat(chunks) });
        } else if (typeof part.value === 'string' && (part.fieldname !== '_csrf' || firstPart)) {
          const had = fields[part.fieldname];
          fields[part.fieldname] = had === undefined ? part.value : Array.isArray(had) ? [...had, part.value] : [had, part.value];
        }
      }
    } catch (err) {
      const code = String((err as { code?: unknown }).code ?? '');
      if (code === 'FST_FILES_LIMIT') result.tooMany = true;
      else if (/^FST_.*_LIMIT$/.test(code)) result.oversized = true;
      else throw new BadRequest(limits.malformedCode ?? 'http.malformed_form', 'Malformed form upload');
    }
    request.body = fields;
    uploads.set(request, result);
  };
}
