// Every call the web app makes to the API, in one place. Paths and shapes: shared/spec/api-contract.md.
import * as session from './session.js';

/** @typedef {import('./types.js').User} User */
/** @typedef {import('./types.js').Registration} Registration */
/** @typedef {import('./types.js').Project} Project */
/** @typedef {import('./types.js').Box} Box */
/** @typedef {import('./types.js').AiModel} AiModel */
/** @typedef {import('./types.js').Asset} Asset */
/** @typedef {import('./types.js').AssetChanges} AssetChanges */
/** @typedef {import('./types.js').UploadFields} UploadFields */
/** @typedef {import('./types.js').GalleryFilters} GalleryFilters */
/** @typedef {import('./types.js').Progress} Progress */
/** @template T @typedef {import('./types.js').Page<T>} Page */

/** An answer other than 2xx, with the API's body and its message in words. */
export class ApiError extends Error {
  /** @param {number} status @param {any} body @param {number | null} [retryAfter] seconds, from Retry-After */
  constructor(status, body, retryAfter = null) {
    super(describeError(status, body));
    this.status = status;
    this.body = body;
    this.retryAfter = retryAfter;
  }

  /** @param {string} field @returns {string[]} the messages of one field of a 400 */
  fieldMessages(field) {
    const value = this.body && typeof this.body === 'object' ? this.body[field] : undefined;
    return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
  }
}

/** Raised when the connection failed before any answer (offline, server gone, request blocked). */
export class NetworkError extends Error {
  constructor() {
    super('The server could not be reached. Check the connection and try again.');
  }
}

/** Raised when the caller cancelled the request. */
export class CancelledError extends Error {
  constructor() {
    super('Cancelled');
  }
}

/**
 * The API's error body in words: `{"error"}` or `{"detail"}` as they are, field errors as "field: message".
 * @param {number} status
 * @param {any} body
 * @returns {string}
 */
export function describeError(status, body) {
  if (body && typeof body === 'object') {
    if (typeof body.error === 'string') return body.error;
    if (typeof body.detail === 'string') return body.detail;
    const parts = Object.entries(body).map(([field, messages]) => {
      const text = [].concat(messages).join(' ');
      return field === 'non_field_errors' ? text : `${field.replaceAll('_', ' ')}: ${text}`;
    });
    if (parts.length) return parts.join(' ');
  }
  if (status === 413) return 'The file is too large for the server.';
  if (status >= 500) return `The server failed (${status}). Try again later.`;
  return `The request failed (${status}).`;
}

/** Called when the server says the token is no longer valid (signed out elsewhere, expired). */
let onUnauthorized = () => {};

/** @param {() => void} handler */
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

/** @returns {Record<string, string>} */
function authHeaders() {
  const value = session.token();
  return value ? { Authorization: `Token ${value}` } : {};
}

/**
 * JSON text of a body whose `seed` may be a decimal string: sent as a JSON number with every digit (a 64-bit seed
 * does not fit a JavaScript number).
 * @param {Record<string, unknown>} body
 */
function toJson(body) {
  const seed = body.seed;
  if (typeof seed !== 'string' || !/^-?\d+$/.test(seed)) return JSON.stringify(body);
  return JSON.stringify({ ...body, seed: '\u0000seed' }).replace('"\\u0000seed"', seed);
}

/**
 * @param {string} path below /api, e.g. "/projects/"
 * @param {{ method?: string, json?: Record<string, unknown>, signal?: AbortSignal, authorize?: boolean }} [options]
 * @returns {Promise<any>}
 */
async function request(path, options = {}) {
  /** @type {Record<string, string>} */
  const headers = { Accept: 'application/json', ...(options.authorize === false ? {} : authHeaders()) };
  /** @type {RequestInit} */
  const init = { method: options.method ?? 'GET', headers, signal: options.signal };
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = toJson(options.json);
  }
  let response;
  try {
    response = await fetch(`/api${path}`, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw new CancelledError();
    throw new NetworkError();
  }
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch { body = null; }
  if (response.ok) return body;
  if (response.status === 401 && options.authorize !== false) onUnauthorized();
  const retryAfter = Number(response.headers.get('Retry-After')) || null;
  throw new ApiError(response.status, body, retryAfter);
}

/**
 * @param {Record<string, string | number | boolean | null | undefined>} params
 * @returns {string} "?a=1&b=2", without empty values
 */
function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

// ---- Accounts

/** @param {string} username @param {string} password @param {string} email @returns {Promise<Registration>} */
export const register = (username, password, email) =>
  request('/auth/register/', { method: 'POST', json: email ? { username, password, email } : { username, password }, authorize: false });

/** @param {string} username @param {string} password @returns {Promise<{ token: string }>} */
export const login = (username, password) =>
  request('/auth/token/', { method: 'POST', json: { username, password }, authorize: false });

/** @returns {Promise<User>} */
export const me = () => request('/auth/me/');

/** Revokes the token in use. @returns {Promise<void>} */
export const logout = () => request('/auth/logout/', { method: 'POST' });

/** Revokes every token of the user. @returns {Promise<void>} */
export const logoutEverywhere = () => request('/auth/logout-all/', { method: 'POST' });

// ---- Projects and boxes

/** @returns {Promise<Page<Project>>} */
export const listProjects = () => request('/projects/?page_size=200');

/** @param {string} name @returns {Promise<Project>} */
export const createProject = (name) => request('/projects/', { method: 'POST', json: { name } });

/** @param {number} id @param {{ name?: string, description?: string }} changes @returns {Promise<Project>} */
export const updateProject = (id, changes) => request(`/projects/${id}/`, { method: 'PATCH', json: changes });

/** @param {number} id @returns {Promise<void>} */
export const deleteProject = (id) => request(`/projects/${id}/`, { method: 'DELETE' });

/** @param {number} projectId @returns {Promise<Page<Box>>} */
export const listBoxes = (projectId) => request(`/boxes/${query({ project: projectId, page_size: 200 })}`);

/** Every box of every project of the user (a move's choices). @returns {Promise<Page<Box>>} */
export const listAllBoxes = () => request('/boxes/?page_size=200');

/** @param {number} id @returns {Promise<Box>} */
export const getBox = (id) => request(`/boxes/${id}/`);

/** @param {number} projectId @param {string} name @returns {Promise<Box>} */
export const createBox = (projectId, name) => request('/boxes/', { method: 'POST', json: { project: projectId, name } });

/** @param {number} id @param {{ name?: string, project?: number }} changes @returns {Promise<Box>} */
export const updateBox = (id, changes) => request(`/boxes/${id}/`, { method: 'PATCH', json: changes });

/** @param {number} id @returns {Promise<void>} */
export const deleteBox = (id) => request(`/boxes/${id}/`, { method: 'DELETE' });

/** @returns {Promise<Page<AiModel>>} */
export const listAiModels = () => request('/ai-models/?page_size=200');

// ---- Assets

/**
 * One page of a box's assets.
 * @param {number} boxId @param {GalleryFilters} filters @param {number} page @param {number} pageSize
 * @returns {Promise<Page<Asset>>}
 */
export const listAssets = (boxId, filters, page, pageSize) => request(`/boxes/${boxId}/assets/${query({
  asset_type: filters.type,
  is_favorite: filters.favorite ? 'true' : null,
  ai_model: filters.model,
  ordering: filters.order,
  page,
  page_size: pageSize,
})}`);

/** @param {number} id @param {AbortSignal} [signal] @returns {Promise<Asset>} */
export const getAsset = (id, signal) => request(`/assets/${id}/`, { signal });

/** @param {number} id @param {AssetChanges | Record<string, unknown>} changes @returns {Promise<Asset>} */
export const updateAsset = (id, changes) => request(`/assets/${id}/`, { method: 'PATCH', json: changes });

/** @param {number} id @returns {Promise<void>} */
export const deleteAsset = (id) => request(`/assets/${id}/`, { method: 'DELETE' });

/**
 * Sends a delete that outlives the page (the undo window of a delete may still be open when the tab closes).
 * @param {number} id
 */
export function deleteAssetOnUnload(id) {
  fetch(`/api/assets/${id}/`, { method: 'DELETE', headers: authHeaders(), keepalive: true }).catch(() => {});
}

// ---- Uploads

/**
 * The upload's fields as form parts (section 4), after the file.
 * @param {FormData} form @param {UploadFields} fields
 */
function appendFields(form, fields) {
  if (fields.prompt_text) form.append('prompt_text', fields.prompt_text);
  if (fields.is_favorite) form.append('is_favorite', 'true');
  if (fields.ai_model) form.append('ai_model', String(fields.ai_model));
  if (fields.generation_config && Object.keys(fields.generation_config).length)
    form.append('generation_config', JSON.stringify(fields.generation_config));
  if (fields.seed) form.append('seed', fields.seed);
}

/**
 * Sends a request with XMLHttpRequest, whose upload progress events fetch does not give.
 * @param {{ method: string, url: string, headers?: Record<string, string>, body: XMLHttpRequestBodyInit,
 *           onProgress?: (progress: Progress) => void, signal?: AbortSignal }} options
 * @returns {Promise<{ status: number, body: any, etag: string | null }>}
 */
export function sendWithProgress({ method, url, headers = {}, body, onProgress, signal }) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) { reject(new CancelledError()); return; }
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress?.({ loaded: event.loaded, total: event.total });
    });
    const abort = () => xhr.abort();
    signal?.addEventListener('abort', abort, { once: true });
    const done = () => signal?.removeEventListener('abort', abort);
    xhr.addEventListener('load', () => {
      done();
      let parsed = null;
      try { parsed = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch { parsed = xhr.responseText; }
      resolve({ status: xhr.status, body: parsed, etag: xhr.getResponseHeader('ETag') });
    });
    xhr.addEventListener('error', () => { done(); reject(new NetworkError()); });
    xhr.addEventListener('abort', () => { done(); reject(new CancelledError()); });
    xhr.send(body);
  });
}

/**
 * The original's upload: one multipart POST through the service (file first, then the fields).
 * @param {number} boxId @param {File} file @param {UploadFields} fields
 * @param {{ onProgress?: (progress: Progress) => void, signal?: AbortSignal }} [options]
 * @returns {Promise<Asset>}
 */
export async function uploadThroughService(boxId, file, fields, options = {}) {
  const form = new FormData();
  form.append('file', file);
  appendFields(form, fields);
  const { status, body } = await sendWithProgress({
    method: 'POST', url: `/api/boxes/${boxId}/upload/`, headers: { ...authHeaders(), Accept: 'application/json' },
    body: form, ...options,
  });
  if (status === 201) return body;
  if (status === 401) onUnauthorized();
  throw new ApiError(status, body);
}

/**
 * @typedef {object} DirectUploadTarget
 * @property {string} upload_id
 * @property {string} expires_at
 * @property {string} [url] single PUT
 * @property {string} [method]
 * @property {Record<string, string>} [headers]
 * @property {number} [part_size] multipart
 * @property {{ part_number: number, url: string }[]} [parts]
 */

/**
 * Asks for a direct upload to the store (issue "More ways in"). A disk store answers 400.
 * @param {number} boxId @param {File} file @param {AbortSignal} [signal]
 * @returns {Promise<DirectUploadTarget>}
 */
export const requestDirectUpload = (boxId, file, signal) => request(`/boxes/${boxId}/upload-url/`, {
  method: 'POST', signal,
  json: file.type ? { filename: file.name, size: file.size, content_type: file.type } : { filename: file.name, size: file.size },
});

/**
 * The parts the store already holds, for resuming a multipart direct upload.
 * @param {number} boxId @param {string} uploadId @param {AbortSignal} [signal]
 * @returns {Promise<{ parts: { part_number: number, etag: string, size?: number }[] }>}
 */
export const listUploadedParts = (boxId, uploadId, signal) =>
  request(`/boxes/${boxId}/upload-url/${encodeURIComponent(uploadId)}/`, { signal });

/**
 * Turns a finished direct upload into an asset.
 * @param {number} boxId @param {string} uploadId @param {{ part_number: number, etag: string }[] | null} parts
 * @param {UploadFields} fields @param {AbortSignal} [signal]
 * @returns {Promise<Asset>}
 */
export const completeDirectUpload = (boxId, uploadId, parts, fields, signal) => request(`/boxes/${boxId}/upload-complete/`, {
  method: 'POST', signal,
  json: {
    upload_id: uploadId,
    ...(parts ? { parts } : {}),
    ...(fields.prompt_text ? { prompt_text: fields.prompt_text } : {}),
    ...(fields.is_favorite ? { is_favorite: true } : {}),
    ...(fields.ai_model ? { ai_model: fields.ai_model } : {}),
    ...(fields.generation_config && Object.keys(fields.generation_config).length ? { generation_config: fields.generation_config } : {}),
    ...(fields.seed ? { seed: fields.seed } : {}),
  },
});
