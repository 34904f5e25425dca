// The signed-out screen: sign in, or create an account with the server's password rules shown as it words them.
import { h, uniqueId } from '../dom.js';
import * as api from '../api.js';

/**
 * @param {{ onSignedIn: (token: string) => void, notice?: string }} options
 * @returns {HTMLElement}
 */
export function authView({ onSignedIn, notice }) {
  /** @type {'signin' | 'signup'} */
  let mode = 'signin';

  const title = h('h1', { class: 'auth-title', id: 'auth-title' }, 'Sign in');
  const lead = h('p', { class: 'auth-lead' }, 'Your generated images and videos, by project and scene.');
  const field = (/** @type {string} */ name, /** @type {string} */ label, /** @type {Record<string, unknown>} */ attributes) => {
    const inputId = uniqueId(name);
    const error = h('p', { class: 'field-error', id: `${inputId}-error` });
    const hint = attributes.hint ? h('p', { class: 'field-hint', id: `${inputId}-hint` }, String(attributes.hint)) : null;
    const { hint: _, ...rest } = attributes;
    const input = h('input', {
      id: inputId, name, ...rest,
      'aria-describedby': [hint?.id, error.id].filter(Boolean).join(' '),
    });
    const wrapper = h('div', { class: 'field' }, h('label', { for: inputId }, label), input, hint, error);
    return { wrapper, input, error };
  };
  const username = field('username', 'Username', { autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' });
  const email = field('email', 'Email (optional)', { type: 'email', autocomplete: 'email' });
  const password = field('password', 'Password', {
    type: 'password', autocomplete: 'current-password', required: true,
    hint: 'At least 8 characters; not all digits, not a common password, not close to your username or email.',
  });
  const general = h('p', { class: 'form-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'button primary wide' }, 'Sign in');
  const switchButton = h('button', { type: 'button', class: 'link-button', on: { click: () => setMode(mode === 'signin' ? 'signup' : 'signin') } });
  const switchLine = h('p', { class: 'auth-switch' });

  const form = h('form', { class: 'auth-form', 'aria-labelledby': 'auth-title', novalidate: true, on: { submit: (event) => { event.preventDefault(); void send(); } } },
    username.wrapper, email.wrapper, password.wrapper, general, submit);

  function setMode(/** @type {'signin' | 'signup'} */ next) {
    mode = next;
    const signup = mode === 'signup';
    title.textContent = signup ? 'Create your account' : 'Sign in';
    submit.textContent = signup ? 'Create account' : 'Sign in';
    email.wrapper.hidden = !signup;
    const hint = password.wrapper.querySelector('.field-hint');
    if (hint instanceof HTMLElement) hint.hidden = !signup;
    password.input.autocomplete = signup ? 'new-password' : 'current-password';
    switchLine.replaceChildren(signup ? 'Already have an account? ' : 'New here? ', switchButton);
    switchButton.textContent = signup ? 'Sign in' : 'Create an account';
    clearErrors();
  }

  function clearErrors() {
    for (const { error } of [username, email, password]) error.textContent = '';
    for (const { input } of [username, email, password]) input.removeAttribute('aria-invalid');
    general.textContent = '';
  }

  async function send() {
    clearErrors();
    if (!username.input.value.trim() || !password.input.value) {
      general.textContent = 'Enter a username and a password.';
      (username.input.value.trim() ? password.input : username.input).focus();
      return;
    }
    submit.disabled = true;
    try {
      const { token } = mode === 'signup'
        ? await api.register(username.input.value.trim(), password.input.value, email.input.value.trim())
        : await api.login(username.input.value.trim(), password.input.value);
      onSignedIn(token);
    } catch (error) {
      // A throttled login keeps the button off until the server takes logins again (countDown).
      if (!showError(error)) submit.disabled = false;
    }
  }

  /** @param {unknown} error @returns {boolean} whether the server asked to wait (a countdown runs) */
  function showError(error) {
    if (!(error instanceof api.ApiError)) { general.textContent = error instanceof Error ? error.message : String(error); return false; }
    /** @type {HTMLInputElement | null} */
    let first = null;
    for (const [name, target] of /** @type {const} */ ([['username', username], ['email', email], ['password', password]])) {
      const messages = error.fieldMessages(name);
      if (!messages.length) continue;
      target.error.replaceChildren(...messages.map((message) => h('span', { class: 'message' }, message)));
      target.input.setAttribute('aria-invalid', 'true');
      first ??= target.input;
    }
    const others = error.fieldMessages('non_field_errors');
    if (others.length) general.textContent = others.join(' ');
    else if (!first) general.textContent = error.message;
    first?.focus();
    if (error.status !== 429) return false;
    countDown(error.retryAfter ?? 1);
    return true;
  }

  /**
   * Throttled: the button says how long is left and stays off until Retry-After has passed; then the server's
   * message, now out of date, goes too.
   * @param {number} seconds
   */
  function countDown(seconds) {
    const end = Date.now() + seconds * 1000;
    const tick = () => {
      if (!submit.isConnected) return;
      const left = Math.ceil((end - Date.now()) / 1000);
      if (left <= 0) {
        submit.disabled = false;
        submit.textContent = mode === 'signup' ? 'Create account' : 'Sign in';
        general.textContent = '';
        return;
      }
      submit.disabled = true;
      submit.textContent = `Try again in ${left} s`;
      setTimeout(tick, Math.min(1000, end - Date.now() - (left - 1) * 1000));
    };
    tick();
  }

  setMode('signin');
  return h('main', { class: 'auth-screen' },
    h('div', { class: 'auth-card' },
      h('div', { class: 'brand brand-large' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }), 'AssetManager'),
      title, lead,
      notice ? h('p', { class: 'notice', role: 'status' }, notice) : null,
      form, switchLine));
}
