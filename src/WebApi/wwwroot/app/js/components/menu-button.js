// A button with a small menu ("more actions", the account menu): arrow keys move, Esc closes and gives focus back.
import { h, icon } from '../dom.js';

/**
 * @param {{ label: string, entries: [string, () => void, string?][], content?: (Node | string)[], header?: Node,
 *           buttonClass?: string, menuId?: string }} options
 *   label: the menu's name, and the button's when it has no content of its own ("Actions for Scene 1");
 *   entries: [text, action, icon name]
 * @returns {HTMLElement}
 */
export function menuButton({ label, entries, content, header, buttonClass = 'icon-button more', menuId }) {
  const menu = h('div', { class: 'menu', role: 'menu', hidden: true, 'aria-label': label, id: menuId }, header ?? null);
  for (const [text, run, iconName] of entries) {
    menu.append(h('button', { type: 'button', role: 'menuitem', class: `menu-item${text === 'Delete' ? ' danger' : ''}`,
      on: { click: () => { close(); run(); } } }, iconName ? icon(iconName) : null, text));
  }
  const button = h('button', { type: 'button', class: buttonClass, 'aria-haspopup': 'menu', 'aria-expanded': 'false',
    // A button with its own content is named by it (axe: the visible text must be part of the name).
    'aria-label': content ? undefined : label, title: content ? undefined : 'More actions', 'aria-controls': menuId,
    on: { click: () => (menu.hidden ? open() : close()) } }, ...(content ?? [icon('more')]));
  const root = h('div', { class: 'menu-anchor' }, button, menu);
  const items = () => /** @type {HTMLButtonElement[]} */ ([...menu.querySelectorAll('[role="menuitem"]')]);

  function open() {
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    items()[0]?.focus();
    document.addEventListener('pointerdown', outside, true);
  }
  function close(returnFocus = false) {
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    document.removeEventListener('pointerdown', outside, true);
    if (returnFocus) button.focus();
  }
  /** @param {Event} event */
  function outside(event) {
    if (!(event.target instanceof Node) || !root.contains(event.target)) close();
  }
  menu.addEventListener('keydown', (event) => {
    const list = items();
    const index = list.indexOf(/** @type {HTMLButtonElement} */ (document.activeElement));
    if (event.key === 'Escape') { event.preventDefault(); event.stopPropagation(); close(true); }
    else if (event.key === 'ArrowDown') { event.preventDefault(); list[(index + 1) % list.length]?.focus(); }
    else if (event.key === 'ArrowUp') { event.preventDefault(); list[(index - 1 + list.length) % list.length]?.focus(); }
    else if (event.key === 'Tab') close();
  });
  return root;
}
