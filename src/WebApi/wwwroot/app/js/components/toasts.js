// Short messages at the bottom of the screen, read out by screen readers; one may carry an action (Undo).
import { h, byId } from '../dom.js';

/**
 * @param {string} message
 * @param {{ action?: { label: string, run: () => void }, seconds?: number, error?: boolean }} [options]
 * @returns {{ dismiss: () => void }}
 */
export function toast(message, options = {}) {
  const host = hostOf();
  const item = h('div', { class: `toast${options.error ? ' error' : ''}`, role: options.error ? 'alert' : 'status' },
    h('span', {}, message));
  const dismiss = () => { clearTimeout(timer); item.remove(); };
  if (options.action) {
    const { label, run } = options.action;
    item.append(h('button', { type: 'button', class: 'button small', on: { click: () => { dismiss(); run(); } } }, label));
  }
  item.append(h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Dismiss', on: { click: dismiss } }, '×'));
  host.append(item);
  const timer = setTimeout(dismiss, (options.seconds ?? 5) * 1000);
  return { dismiss };
}

/**
 * The page's toast area, or one inside the topmost open modal dialog: everything outside a modal dialog is inert,
 * and an Undo that cannot be clicked is no Undo.
 * @returns {HTMLElement}
 */
function hostOf() {
  const dialog = [...document.querySelectorAll('dialog[open]')].at(-1);
  if (!(dialog instanceof HTMLDialogElement)) return byId('toasts', HTMLElement);
  let host = dialog.querySelector(':scope > .toasts');
  if (!(host instanceof HTMLElement)) {
    host = h('div', { class: 'toasts', 'aria-live': 'polite' });
    dialog.append(host);
  }
  return /** @type {HTMLElement} */ (host);
}
