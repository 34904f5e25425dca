// Short messages at the bottom of the screen, read out by screen readers; one may carry an action (Undo).
import { h, byId } from '../dom.js';

/**
 * @param {string} message
 * @param {{ action?: { label: string, run: () => void }, seconds?: number, error?: boolean }} [options]
 * @returns {{ dismiss: () => void }}
 */
export function toast(message, options = {}) {
  const host = byId('toasts', HTMLElement);
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
