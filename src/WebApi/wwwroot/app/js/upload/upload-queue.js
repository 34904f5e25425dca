// The upload queue's logic, apart from how it looks: a few uploads at once, progress with speed and time left,
// cancel and retry. The upload itself is a function given in (a direct upload to S3 or a POST through the service).
import { CancelledError } from '../api.js';

/** @typedef {import('../types.js').Asset} Asset */
/** @typedef {import('../types.js').UploadFields} UploadFields */
/** @typedef {import('../types.js').Progress} Progress */
/** @typedef {'waiting' | 'uploading' | 'saving' | 'done' | 'failed' | 'cancelled'} UploadStatus */

/**
 * @typedef {object} UploadItem
 * @property {number} id
 * @property {File} file
 * @property {number} boxId
 * @property {string} boxName
 * @property {UploadFields} fields
 * @property {UploadStatus} status
 * @property {number} loaded bytes sent
 * @property {number} total
 * @property {number | null} speed bytes per second over the last seconds, null until known
 * @property {number | null} secondsLeft
 * @property {string} error the API's message when failed
 * @property {Asset | null} asset when done
 * @property {AbortController | null} controller while running
 * @property {{ time: number, loaded: number }[]} samples recent progress, for the speed
 */

/**
 * @typedef {(item: UploadItem, onProgress: (progress: Progress) => void, signal: AbortSignal) => Promise<Asset>} UploadFunction
 */

/** How far back the speed looks: long enough to smooth bursts, short enough to follow a change of network. */
const SPEED_WINDOW_MS = 3000;

export class UploadQueue {
  /** @param {{ upload: UploadFunction, concurrency?: number, now?: () => number }} options */
  constructor({ upload, concurrency = 3, now = () => performance.now() }) {
    this.upload = upload;
    this.concurrency = concurrency;
    this.now = now;
    /** @type {UploadItem[]} */
    this.items = [];
    this.nextId = 1;
    /** @type {Set<(item: UploadItem | null) => void>} */
    this.changeListeners = new Set();
    /** @type {Set<(asset: Asset, item: UploadItem) => void>} */
    this.uploadedListeners = new Set();
  }

  /** Called with an item whose state changed, or null when items were added or removed. @param {(item: UploadItem | null) => void} listener */
  onChange(listener) { this.changeListeners.add(listener); }

  /** @param {(asset: Asset, item: UploadItem) => void} listener */
  onUploaded(listener) { this.uploadedListeners.add(listener); }

  /**
   * Queues files for one box; each gets its own copy of the fields.
   * @param {File[]} files @param {number} boxId @param {string} boxName @param {(file: File) => UploadFields} fieldsFor
   */
  add(files, boxId, boxName, fieldsFor) {
    for (const file of files) {
      this.items.push({
        id: this.nextId++, file, boxId, boxName, fields: fieldsFor(file), status: 'waiting', loaded: 0, total: file.size,
        speed: null, secondsLeft: null, error: '', asset: null, controller: null, samples: [],
      });
    }
    this.emit(null);
    this.pump();
  }

  /** @param {number} id */
  cancel(id) {
    const item = this.find(id);
    if (!item) return;
    if (item.status === 'waiting') { item.status = 'cancelled'; this.emit(item); }
    else if (item.status === 'uploading' || item.status === 'saving') item.controller?.abort();
  }

  /** @param {number} id */
  retry(id) {
    const item = this.find(id);
    if (!item || (item.status !== 'failed' && item.status !== 'cancelled')) return;
    Object.assign(item, { status: 'waiting', loaded: 0, speed: null, secondsLeft: null, error: '', samples: [] });
    this.emit(item);
    this.pump();
  }

  /** Forgets the finished, failed and cancelled rows. */
  clearFinished() {
    this.items = this.items.filter((item) => item.status === 'waiting' || item.status === 'uploading' || item.status === 'saving');
    this.emit(null);
  }

  /** Stops everything (sign out). */
  cancelAll() {
    for (const item of this.items) {
      if (item.status === 'waiting') item.status = 'cancelled';
      item.controller?.abort();
    }
    this.items = [];
    this.changeListeners.clear();
    this.uploadedListeners.clear();
  }

  /** @returns {{ total: number, done: number, failed: number, active: number }} */
  summary() {
    const count = (/** @type {UploadStatus[]} */ ...statuses) => this.items.filter((item) => statuses.includes(item.status)).length;
    return { total: this.items.length, done: count('done'), failed: count('failed'), active: count('waiting', 'uploading', 'saving') };
  }

  /** @param {number} id */
  find(id) { return this.items.find((item) => item.id === id); }

  /** @param {UploadItem | null} item */
  emit(item) { for (const listener of this.changeListeners) listener(item); }

  pump() {
    let running = this.items.filter((item) => item.status === 'uploading' || item.status === 'saving').length;
    for (const item of this.items) {
      if (running >= this.concurrency) break;
      if (item.status !== 'waiting') continue;
      running++;
      void this.run(item);
    }
  }

  /** @param {UploadItem} item */
  async run(item) {
    const controller = new AbortController();
    Object.assign(item, { status: 'uploading', controller, samples: [{ time: this.now(), loaded: 0 }] });
    this.emit(item);
    try {
      const asset = await this.upload(item, (progress) => this.progress(item, progress), controller.signal);
      Object.assign(item, { status: 'done', asset, loaded: item.total, secondsLeft: 0 });
      this.emit(item);
      for (const listener of this.uploadedListeners) listener(asset, item);
    } catch (error) {
      if (error instanceof CancelledError || controller.signal.aborted) item.status = 'cancelled';
      else { item.status = 'failed'; item.error = error instanceof Error ? error.message : String(error); }
      this.emit(item);
    } finally {
      item.controller = null;
      this.pump();
    }
  }

  /** @param {UploadItem} item @param {Progress} progress */
  progress(item, { loaded, total }) {
    if (item.status !== 'uploading') return;
    const time = this.now();
    item.loaded = loaded;
    item.total = total || item.total;
    item.samples.push({ time, loaded });
    while (item.samples.length > 2 && time - item.samples[0].time > SPEED_WINDOW_MS) item.samples.shift();
    const first = item.samples[0];
    const elapsed = (time - first.time) / 1000;
    if (elapsed > 0.2) {
      item.speed = (loaded - first.loaded) / elapsed;
      item.secondsLeft = item.speed > 0 ? (item.total - loaded) / item.speed : null;
    }
    // Every byte is sent: the server is storing the file and answering.
    if (loaded >= item.total) item.status = 'saving';
    this.emit(item);
  }
}
