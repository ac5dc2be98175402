import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { type Readable, Transform } from 'node:stream';

/**
 * Where uploaded bytes live (logos, pitch decks, import spreadsheets). The database keeps the
 * metadata (table `files`) and the key; this interface keeps the bytes, so a deployment can
 * swap the filesystem for an object store without touching the services.
 */
export interface FileStorage {
  /** Streams `source` into a new object; stops with FileTooLargeError past `maxBytes`. */
  put(source: Readable, maxBytes: number): Promise<StoredObject>;
  /** A stream of the object's bytes; throws ENOENT when it is gone. */
  open(key: string): Readable;
  /** The object's bytes on the local filesystem, for libraries that need a path. */
  localPath(key: string): string;
  delete(key: string): Promise<void>;
}

export interface StoredObject {
  key: string;
  sizeBytes: number;
  sha256: string;
}

export class FileTooLargeError extends Error {
  constructor(public readonly maxBytes: number) {
    super(`file larger than ${maxBytes} bytes`);
  }
}

/** The default backend: one file per object under a directory (DATA_DIR/files). */
export class FilesystemStorage implements FileStorage {
  constructor(private readonly root: string) {}

  localPath(key: string): string {
    if (!/^[0-9a-f]{2}\/[0-9a-f-]{36}$/.test(key)) throw new Error(`invalid storage key ${key}`);
    return path.join(this.root, key);
  }

  async put(source: Readable, maxBytes: number): Promise<StoredObject> {
    const id = crypto.randomUUID();
    const key = `${id.slice(0, 2)}/${id}`;
    const target = this.localPath(key);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const hash = crypto.createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > maxBytes) return done(new FileTooLargeError(maxBytes));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    // Written under a temporary name and renamed, so a failed upload leaves nothing behind.
    const partial = `${target}.part`;
    try {
      await pipeline(source, meter, fs.createWriteStream(partial));
      await fs.promises.rename(partial, target);
    } catch (error) {
      await fs.promises.rm(partial, { force: true });
      // A multipart stream cut off by its own size limit reports truncation, not an error.
      throw error;
    }
    return { key, sizeBytes: size, sha256: hash.digest('hex') };
  }

  open(key: string): Readable {
    return fs.createReadStream(this.localPath(key));
  }

  async delete(key: string): Promise<void> {
    await fs.promises.rm(this.localPath(key), { force: true });
  }
}
