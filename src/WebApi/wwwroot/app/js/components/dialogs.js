// Modal dialogs on <dialog>: the browser traps focus and closes on Esc; focus goes back to where it was.
import { h, byId, uniqueId } from '../dom.js';
import { ApiError } from '../api.js';

/**
 * Shows a modal dialog built by `build` and resolves with what `close` was given (or null when dismissed).
 * @template T
 * @param {string} title
 * @param {(close: (result: T | null) => void, titleId: string) => Node[]} build
 * @param {string} [className]
 * @returns {Promise<T | null>}
 */
export function modal(title, build, className = '') {
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  return new Promise((resolve) => {
    const titleId = uniqueId('dialog-title');
    /** @type {T | null} */
    let result = null;
    const dialog = h('dialog', { class: `dialog ${className}`, 'aria-labelledby': titleId });
    const close = (/** @type {T | null} */ value) => { result = value; dialog.close(); };
    dialog.append(h('h2', { id: titleId, class: 'dialog-title' }, title), ...build(close, titleId));
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (opener?.isConnected) opener.focus();
      resolve(result);
    });
    // A click on the backdrop (the dialog element itself, outside its content) dismisses it.
    dialog.addEventListener('click', (event) => { if (event.target === dialog) dialog.close(); });
    byId('app', HTMLElement).append(dialog);
    dialog.showModal();
  });
}

/**
 * Asks before doing something that cannot be undone.
 * @param {{ title: string, message: string | Node, confirmLabel: string, danger?: boolean }} options
 * @returns {Promise<boolean>}
 */
export async function confirm({ title, message, confirmLabel, danger = true }) {
  const answer = await modal(title, (close) => [
    h('div', { class: 'dialog-body' }, typeof message === 'string' ? h('p', {}, message) : message),
    h('div', { class: 'dialog-actions' },
      h('button', { type: 'button', class: 'button', on: { click: () => close(false) } }, 'Cancel'),
      h('button', { type: 'button', class: `button ${danger ? 'danger' : 'primary'}`, autofocus: true, on: { click: () => close(true) } }, confirmLabel)),
  ]);
  return answer === true;
}

/**
 * @typedef {object} FieldSpec
 * @property {string} name
 * @property {string} label
 * @property {string} [value]
 * @property {{ value: string, label: string }[]} [options] a select when given, else a text input
 */

/**
 * A small form in a dialog (rename, move). `submit` saves; an ApiError's field messages are shown under the
 * fields, any other message above the buttons, and the dialog stays open.
 * @template T
 * @param {{ title: string, fields: FieldSpec[], submitLabel: string,
 *           submit: (values: Record<string, string>) => Promise<T> }} options
 * @returns {Promise<T | null>}
 */
export function formDialog({ title, fields, submitLabel, submit }) {
  return modal(title, (close) => {
    const errors = new Map(fields.map((field) => [field.name, h('p', { class: 'field-error', id: uniqueId('error') })]));
    const general = h('p', { class: 'form-error', role: 'alert' });
    const controls = fields.map((field) => {
      const controlId = uniqueId(`field-${field.name}`);
      const describedBy = errors.get(field.name)?.id;
      const control = field.options
        ? h('select', { id: controlId, name: field.name, 'aria-describedby': describedBy },
            field.options.map((option) => h('option', { value: option.value, selected: option.value === field.value }, option.label)))
        : h('input', { id: controlId, name: field.name, value: field.value ?? '', required: true, maxlength: 200,
            autocomplete: 'off', 'aria-describedby': describedBy });
      return h('div', { class: 'field' }, h('label', { for: controlId }, field.label), control, errors.get(field.name));
    });
    const save = h('button', { type: 'submit', class: 'button primary' }, submitLabel);
    const form = h('form', {
      class: 'dialog-body', novalidate: true,
      on: {
        submit: async (event) => {
          event.preventDefault();
          const values = Object.fromEntries([...new FormData(form).entries()].map(([k, v]) => [k, String(v)]));
          for (const element of errors.values()) element.textContent = '';
          general.textContent = '';
          save.disabled = true;
          try {
            close(await submit(values));
          } catch (error) {
            let shown = false;
            if (error instanceof ApiError) {
              for (const [name, element] of errors) {
                const messages = error.fieldMessages(name);
                if (messages.length) { element.textContent = messages.join(' '); shown = true; }
              }
            }
            if (!shown) general.textContent = error instanceof Error ? error.message : String(error);
          } finally {
            save.disabled = false;
          }
        },
      },
    },
    controls,
    general,
    h('div', { class: 'dialog-actions' },
      h('button', { type: 'button', class: 'button', on: { click: () => close(null) } }, 'Cancel'),
      save));
    return [form];
  });
}
