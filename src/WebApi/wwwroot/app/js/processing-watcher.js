// Watches assets whose renditions the server is still making ("processing": "pending") and reports each one when
// it changes, so that a thumbnail replaces its placeholder without a reload. Each asset is asked for after 1 s,
// then less and less often (up to every 15 s), and given up on after 10 minutes.
import * as api from './api.js';

/** @typedef {import('./types.js').Asset} Asset */

const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 15_000;
const GIVE_UP_MS = 10 * 60_000;

export class ProcessingWatcher {
  /** @param {(asset: Asset) => void} onChange @param {{ getAsset?: typeof api.getAsset }} [deps] */
  constructor(onChange, deps = {}) {
    this.onChange = onChange;
    this.getAsset = deps.getAsset ?? api.getAsset;
    /** @type {Map<number, { delay: number, due: number, since: number }>} */
    this.watched = new Map();
    /** @type {ReturnType<typeof setTimeout> | null} */
    this.timer = null;
    this.controller = new AbortController();
  }

  /** @param {Asset} asset */
  watch(asset) {
    if (asset.processing !== 'pending' || this.watched.has(asset.id)) return;
    const now = Date.now();
    this.watched.set(asset.id, { delay: FIRST_DELAY_MS, due: now + FIRST_DELAY_MS, since: now });
    this.schedule();
  }

  /** @param {number} id */
  forget(id) { this.watched.delete(id); }

  stop() {
    this.controller.abort();
    this.watched.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  schedule() {
    if (this.timer || !this.watched.size || this.controller.signal.aborted) return;
    const next = Math.min(...[...this.watched.values()].map((entry) => entry.due));
    this.timer = setTimeout(() => { this.timer = null; void this.tick(); }, Math.max(0, next - Date.now()));
  }

  async tick() {
    const now = Date.now();
    for (const [id, entry] of [...this.watched]) {
      if (entry.due > now) continue;
      if (now - entry.since > GIVE_UP_MS) { this.watched.delete(id); continue; }
      try {
        const asset = await this.getAsset(id, this.controller.signal);
        if (this.controller.signal.aborted || !this.watched.has(id)) continue;
        if (asset.processing !== 'pending') { this.watched.delete(id); this.onChange(asset); continue; }
      } catch (error) {
        if (this.controller.signal.aborted) return;
        if (error instanceof api.ApiError && error.status === 404) { this.watched.delete(id); continue; }
      }
      entry.delay = Math.min(MAX_DELAY_MS, entry.delay * 1.6);
      entry.due = Date.now() + entry.delay;
    }
    this.schedule();
  }
}
