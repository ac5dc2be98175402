import { Transform } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../http/errors';
import { FileTooLargeError, type FileStorage, type StoredObject } from '../../storage/storage';

/** A file part streamed into storage, with the first bytes kept to check what it really is. */
export interface ReceivedFile {
  stored: StoredObject;
  filename: string;
  head: Buffer;
}

/**
 * One multipart upload as the service sees it. The service checks permission first and only
 * then calls `receive`, so nobody without the right writes bytes to storage.
 */
export interface IncomingUpload {
  receive(storage: FileStorage, maxBytes: number): Promise<{ file: ReceivedFile | null; fields: Record<string, string> }>;
}

const HEAD_BYTES = 16;

/** The multipart body of a request: the one file part and the plain fields around it (in any order). */
export function uploadFrom(req: FastifyRequest): IncomingUpload {
  return {
    async receive(storage, maxBytes) {
      if (!req.isMultipart()) throw new AppError('unsupported_media_type');
      const fields: Record<string, string> = {};
      let file: ReceivedFile | null = null;
      try {
        for await (const part of req.parts()) {
          if (part.type === 'field') {
            if (typeof part.value === 'string') fields[part.fieldname] = part.value;
            continue;
          }
          if (file) {
            // Only one file per request (the plugin's limit too): drain the extra part.
            part.file.resume();
            continue;
          }
          let head = Buffer.alloc(0);
          const peek = new Transform({
            transform(chunk: Buffer, _enc, done) {
              if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
              done(null, chunk);
            },
          });
          const stored = await storage.put(part.file.pipe(peek), maxBytes);
          // Past the server-wide upload limit the multipart stream is cut short rather than failing.
          if (part.file.truncated) {
            await storage.delete(stored.key);
            throw new AppError('payload_too_large');
          }
          file = { stored, filename: cleanFilename(part.filename), head };
        }
      } catch (error) {
        if (file) await storage.delete(file.stored.key);
        if (error instanceof FileTooLargeError) throw new AppError('payload_too_large');
        throw error;
      }
      return { file, fields };
    },
  };
}

/** The name as uploaded, without any path, control characters or excessive length. */
export function cleanFilename(name: string | undefined): string {
  const base = (name ?? '').split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(-200);
}

export type ImageType = 'image/png' | 'image/jpeg' | 'image/webp';

/** The image type by its magic bytes (never by the name or the declared type). */
export function imageTypeOf(head: Buffer): ImageType | null {
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (head.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return 'image/jpeg';
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return null;
}

export function isPdf(head: Buffer): boolean {
  return head.subarray(0, 5).toString('latin1') === '%PDF-';
}

/**
 * Content-Disposition with the name in both forms: an ASCII fallback for old clients and the
 * UTF-8 name (RFC 5987/6266), so 商业计划书.pdf downloads under its own name.
 */
export function contentDisposition(type: 'inline' | 'attachment', filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'file';
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
