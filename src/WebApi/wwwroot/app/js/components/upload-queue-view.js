// The upload queue on screen: a row per file with its preview, name, size, progress bar, speed and time left,
// and Cancel / Retry / Remove.
import { h, icon } from '../dom.js';
import * as format from '../format.js';
import { kindOf } from '../upload/file-kind.js';

/** @typedef {import('../upload/upload-queue.js').UploadQueue} UploadQueue */
/** @typedef {import('../upload/upload-queue.js').UploadItem} UploadItem */

/**
 * @param {UploadQueue} queue
 * @returns {{ element: HTMLElement, destroy: () => void }}
 */
export function uploadQueueView(queue) {
  /** @type {Map<number, { row: HTMLLIElement, progress: HTMLProgressElement, status: HTMLElement, actions: HTMLElement, url: string }>} */
  const rows = new Map();
  const list = h('ul', { class: 'queue-list', 'aria-label': 'Uploads' });
  const summary = h('p', { class: 'queue-summary', role: 'status', 'aria-live': 'polite' });
  const clear = h('button', { type: 'button', class: 'button small', on: { click: () => queue.clearFinished() } }, 'Clear finished');
  const toggle = h('button', { type: 'button', class: 'icon-button', 'aria-expanded': 'true', 'aria-label': 'Hide the upload list',
    on: { click: () => setCollapsed(!element.classList.contains('collapsed')) } }, icon('chevron-down'));
  const element = h('section', { class: 'queue', 'aria-label': 'Upload queue', hidden: true },
    h('header', { class: 'queue-header' }, summary, h('div', { class: 'queue-tools' }, clear, toggle)), list);

  /** @param {boolean} collapsed */
  function setCollapsed(collapsed) {
    element.classList.toggle('collapsed', collapsed);
    toggle.setAttribute('aria-expanded', String(!collapsed));
    toggle.setAttribute('aria-label', collapsed ? 'Show the upload list' : 'Hide the upload list');
  }

  /** @param {UploadItem} item */
  function createRow(item) {
    const kind = kindOf(item.file.name);
    const url = kind ? URL.createObjectURL(item.file) : '';
    const preview = kind === 'IMAGE' ? h('img', { src: url, alt: '', loading: 'lazy', decoding: 'async' })
      : kind === 'VIDEO' ? h('video', { src: url, muted: true, preload: 'metadata', 'aria-hidden': 'true' })
      : icon('file');
    const progress = h('progress', { max: 100, value: 0, 'aria-label': `Upload progress of ${item.file.name}` });
    const status = h('p', { class: 'queue-status' });
    const actions = h('div', { class: 'queue-actions' });
    const row = h('li', { class: 'queue-row', dataset: { name: item.file.name } },
      h('div', { class: 'queue-thumb' }, preview),
      h('div', { class: 'queue-main' },
        h('div', { class: 'queue-line' },
          h('span', { class: 'queue-name', title: item.file.name }, item.file.name),
          h('span', { class: 'queue-size muted' }, format.bytes(item.file.size))),
        progress, status),
      actions);
    const entry = { row, progress, status, actions, url };
    rows.set(item.id, entry);
    return entry;
  }

  /** @param {UploadItem} item */
  function update(item) {
    const entry = rows.get(item.id) ?? createRow(item);
    entry.row.className = `queue-row is-${item.status}`;
    entry.row.dataset.status = item.status;
    const percent = item.total ? Math.floor((item.loaded / item.total) * 100) : 0;
    entry.progress.value = item.status === 'done' ? 100 : percent;
    entry.progress.setAttribute('aria-valuetext', `${percent}%`);
    entry.status.textContent = describe(item, percent);
    entry.status.title = item.error;
    const button = (/** @type {string} */ label, /** @type {string} */ iconName, /** @type {() => void} */ run) =>
      h('button', { type: 'button', class: 'icon-button', 'aria-label': `${label} ${item.file.name}`, title: label, on: { click: run } }, icon(iconName));
    const wanted = item.status === 'waiting' || item.status === 'uploading' || item.status === 'saving'
      ? [button('Cancel upload of', 'close', () => queue.cancel(item.id))]
      : item.status === 'failed' || item.status === 'cancelled'
        ? [button('Retry upload of', 'retry', () => queue.retry(item.id))]
        : [];
    // Rebuilt only when the buttons change, so focus stays on a button while its progress moves.
    const key = wanted.map((b) => b.getAttribute('aria-label')).join('|');
    if (entry.actions.dataset.key !== key) {
      entry.actions.dataset.key = key;
      entry.actions.replaceChildren(...wanted);
    }
  }

  /** @param {UploadItem} item @param {number} percent */
  function describe(item, percent) {
    switch (item.status) {
      case 'waiting': return 'Waiting';
      case 'uploading': {
        const parts = [`${percent}%`];
        if (item.speed) parts.push(format.speed(item.speed));
        if (item.secondsLeft) parts.push(format.timeLeft(item.secondsLeft));
        return parts.join(' · ');
      }
      case 'saving': return 'Saving…';
      case 'done': return `Uploaded to ${item.boxName}`;
      case 'cancelled': return 'Cancelled';
      case 'failed': return item.error;
    }
    return '';
  }

  function render() {
    const ids = new Set(queue.items.map((item) => item.id));
    for (const [id, entry] of rows) {
      if (ids.has(id)) continue;
      if (entry.url) URL.revokeObjectURL(entry.url);
      entry.row.remove();
      rows.delete(id);
    }
    for (const item of queue.items) {
      update(item);
      const row = /** @type {HTMLLIElement} */ (rows.get(item.id)?.row);
      if (row.parentElement !== list) list.append(row);
    }
    renderSummary();
  }

  function renderSummary() {
    const { total, done, failed, active } = queue.summary();
    element.hidden = total === 0;
    const parts = [`${done} of ${format.plural(total, 'upload')} done`];
    if (active) parts.push(`${active} in progress`);
    if (failed) parts.push(`${failed} failed`);
    summary.textContent = parts.join(' · ');
    clear.hidden = active === total;
  }

  queue.onChange((item) => {
    if (item) { update(item); renderSummary(); } else render();
  });
  render();

  return {
    element,
    destroy() {
      for (const entry of rows.values()) if (entry.url) URL.revokeObjectURL(entry.url);
      rows.clear();
    },
  };
}
