// Chooses how a file goes up: straight to S3 when the server offers it and the file is large enough for that to
// matter, else the original's multipart POST through the service.
import * as api from '../api.js';
import { uploadDirect, sleep } from './direct-upload.js';

/** @typedef {import('./upload-queue.js').UploadFunction} UploadFunction */

/** Smaller files go through the service: one request instead of three. */
export const DIRECT_UPLOAD_MIN_BYTES = 8 * 1024 * 1024;

/** @returns {UploadFunction} */
export function createUploader() {
  /** Whether the server offers direct uploads; unknown until the first large file asks. */
  let directOffered = /** @type {boolean | null} */ (null);

  return async (item, onProgress, signal) => {
    const { file, boxId, fields } = item;
    if (file.size >= DIRECT_UPLOAD_MIN_BYTES && directOffered !== false) {
      let target = null;
      try {
        target = await api.requestDirectUpload(boxId, file, signal);
        directOffered = true;
      } catch (error) {
        if (!isNotOffered(error)) throw error;
        directOffered = false;
      }
      if (target) {
        return uploadDirect(file, target, {
          send: api.sendWithProgress,
          listParts: (uploadId, s) => api.listUploadedParts(boxId, uploadId, s),
          complete: (uploadId, parts, s) => api.completeDirectUpload(boxId, uploadId, parts, fields, s),
          sleep,
        }, { onProgress, signal });
      }
    }
    return api.uploadThroughService(boxId, file, fields, { onProgress, signal });
  };
}

/**
 * A disk store answers 400 {"error": "Direct upload needs S3 storage"}; a server without the routes 404 or 405.
 * @param {unknown} error
 */
export function isNotOffered(error) {
  if (!(error instanceof api.ApiError)) return false;
  if (error.status === 404 || error.status === 405) return true;
  return error.status === 400 && typeof error.body?.error === 'string' && /direct upload/i.test(error.body.error);
}
