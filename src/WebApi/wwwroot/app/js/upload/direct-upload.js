// A direct upload to S3 (issue "More ways in"): the service hands out presigned URLs, the browser PUTs the bytes
// to the store itself, and the service turns the finished object into an asset. A large file goes in parts, a few
// at once; after a dropped connection the upload asks the service which parts S3 already holds and sends only the
// rest. Every outside call comes in through `deps`, so this can be tested with fakes.
import { ApiError, CancelledError, NetworkError } from '../api.js';

/** @typedef {import('../types.js').Asset} Asset */
/** @typedef {import('../types.js').UploadFields} UploadFields */
/** @typedef {import('../types.js').Progress} Progress */
/** @typedef {import('../api.js').DirectUploadTarget} DirectUploadTarget */

/**
 * @typedef {object} DirectUploadDeps
 * @property {(options: { method: string, url: string, headers?: Record<string, string>, body: Blob,
 *             onProgress?: (progress: Progress) => void, signal?: AbortSignal }) => Promise<{ status: number, body: any, etag: string | null }>} send
 * @property {(uploadId: string, signal?: AbortSignal) => Promise<{ parts: { part_number: number, etag: string }[] }>} listParts
 * @property {(uploadId: string, parts: { part_number: number, etag: string }[] | null, signal?: AbortSignal) => Promise<Asset>} complete
 * @property {(ms: number, signal?: AbortSignal) => Promise<void>} sleep
 */

/** Parts in flight at once for one file. */
const PART_CONCURRENCY = 3;
/** Tries per part (or for a single PUT) before the upload fails; waits grow 1 s, 2 s, 4 s... up to 30 s. */
const MAX_TRIES = 8;

/**
 * @param {File} file
 * @param {DirectUploadTarget} target
 * @param {DirectUploadDeps} deps
 * @param {{ onProgress: (progress: Progress) => void, signal: AbortSignal }} options
 * @returns {Promise<Asset>}
 */
export async function uploadDirect(file, target, deps, { onProgress, signal }) {
  if (target.parts && target.part_size) return uploadInParts(file, target, deps, onProgress, signal);
  if (!target.url) throw new Error('The server offered a direct upload without a URL.');
  const url = target.url;
  await withRetries(deps, signal, async () => {
    const { status } = await deps.send({
      method: target.method ?? 'PUT', url, headers: target.headers ?? {}, body: file, onProgress, signal,
    });
    if (status < 200 || status > 299) throw new StoreError(status);
  });
  return deps.complete(target.upload_id, null, signal);
}

/**
 * @param {File} file @param {DirectUploadTarget} target @param {DirectUploadDeps} deps
 * @param {(progress: Progress) => void} onProgress @param {AbortSignal} signal
 * @returns {Promise<Asset>}
 */
async function uploadInParts(file, target, deps, onProgress, signal) {
  const partSize = /** @type {number} */ (target.part_size);
  const parts = /** @type {{ part_number: number, url: string }[]} */ (target.parts);
  /** @type {Map<number, string>} part number -> ETag */
  const done = new Map();
  /** @type {Map<number, number>} bytes of each part sent so far */
  const sent = new Map();
  const report = () => onProgress({ loaded: [...sent.values()].reduce((a, b) => a + b, 0), total: file.size });
  const blobOf = (/** @type {number} */ number) => file.slice((number - 1) * partSize, Math.min(file.size, number * partSize));

  for (let attempt = 1; ; attempt++) {
    const pending = parts.filter((part) => !done.has(part.part_number));
    const failures = [];
    for (let index = 0; index < pending.length; index += PART_CONCURRENCY) {
      const batch = pending.slice(index, index + PART_CONCURRENCY);
      const results = await Promise.allSettled(batch.map(async (part) => {
        const body = blobOf(part.part_number);
        const { status, etag } = await deps.send({
          method: 'PUT', url: part.url, body, signal,
          onProgress: ({ loaded }) => { sent.set(part.part_number, loaded); report(); },
        });
        if (status < 200 || status > 299) throw new StoreError(status);
        if (!etag) throw new Error('The store did not expose the part\'s ETag (its CORS rules must expose the ETag header).');
        done.set(part.part_number, etag);
        sent.set(part.part_number, body.size);
        report();
      }));
      if (signal.aborted) throw new CancelledError();
      for (const result of results) if (result.status === 'rejected') failures.push(result.reason);
    }
    if (!failures.length) break;
    const fatal = failures.find((error) => !isRetryable(error));
    if (fatal || attempt >= MAX_TRIES) throw fatal ?? failures[0];
    await deps.sleep(backoff(attempt), signal);
    // Resume: what the store holds is the truth (a part whose answer was lost may have arrived).
    try {
      const held = await deps.listParts(target.upload_id, signal);
      for (const part of held.parts) {
        done.set(part.part_number, part.etag);
        sent.set(part.part_number, blobOf(part.part_number).size);
      }
    } catch (error) {
      if (!isRetryable(error)) throw error;
    }
    for (const part of parts) if (!done.has(part.part_number)) sent.set(part.part_number, 0);
    report();
  }
  const list = parts.map((part) => ({ part_number: part.part_number, etag: /** @type {string} */ (done.get(part.part_number)) }));
  return deps.complete(target.upload_id, list, signal);
}

/**
 * @param {DirectUploadDeps} deps @param {AbortSignal} signal @param {() => Promise<void>} action
 */
async function withRetries(deps, signal, action) {
  for (let attempt = 1; ; attempt++) {
    try {
      await action();
      return;
    } catch (error) {
      if (signal.aborted) throw new CancelledError();
      if (!isRetryable(error) || attempt >= MAX_TRIES) throw error;
      await deps.sleep(backoff(attempt), signal);
    }
  }
}

/** @param {number} attempt @returns {number} ms */
const backoff = (attempt) => Math.min(30_000, 1000 * 2 ** (attempt - 1));

/** A dropped connection or a store that is briefly unwell is worth another try; a refusal is not. @param {unknown} error */
const isRetryable = (error) => error instanceof NetworkError || (error instanceof StoreError && error.status >= 500)
  || (error instanceof ApiError && error.status >= 500);

/** The store refused a PUT (403: the URL expired or its signature does not match). */
export class StoreError extends Error {
  /** @param {number} status */
  constructor(status) {
    super(status === 403
      ? 'The storage refused the upload (403): its link expired or was not valid. Retry to get a new one.'
      : `The storage answered ${status}.`);
    this.status = status;
  }
}

/**
 * Waits, or stops when cancelled; also waits for the browser to be online again.
 * @param {number} ms @param {AbortSignal} [signal] @returns {Promise<void>}
 */
export function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) { reject(new CancelledError()); return; }
    const timer = setTimeout(finish, ms);
    const cancel = () => { clearTimeout(timer); removeEventListener('online', finish); reject(new CancelledError()); };
    function finish() {
      if (!navigator.onLine) return; // the 'online' listener calls again
      clearTimeout(timer);
      removeEventListener('online', finish);
      signal?.removeEventListener('abort', cancel);
      resolve();
    }
    addEventListener('online', finish);
    signal?.addEventListener('abort', cancel, { once: true });
  });
}
