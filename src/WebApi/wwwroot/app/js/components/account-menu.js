// The signed-in user's menu in the header: who is signed in, Sign out, Sign out everywhere.
import { h, icon } from '../dom.js';
import { menuButton } from './menu-button.js';

/** @typedef {import('../types.js').User} User */

/**
 * @param {{ user: User, onSignOut: () => void, onSignOutEverywhere: () => void }} options
 * @returns {HTMLElement}
 */
export function accountMenu({ user, onSignOut, onSignOutEverywhere }) {
  return menuButton({
    label: `Account: ${user.username}`,
    menuId: 'account-menu',
    buttonClass: 'account-button',
    content: [
      h('span', { class: 'avatar', 'aria-hidden': 'true' }, user.username.slice(0, 1).toUpperCase()),
      h('span', { class: 'visually-hidden' }, 'Account: '),
      h('span', { class: 'account-name' }, user.username),
      icon('chevron-down'),
    ],
    header: h('div', { class: 'menu-header' }, h('strong', {}, user.username), user.email ? h('span', { class: 'muted' }, user.email) : null),
    entries: [['Sign out', onSignOut, 'logout'], ['Sign out everywhere', onSignOutEverywhere, 'devices']],
  });
}
