// Starts the app: the sign-in screen for a visitor, the workspace for a signed-in user; and signing out, which
// leaves nothing of the user on the page, in the browser's storage or in the address bar.
import { h, byId } from './dom.js';
import * as api from './api.js';
import * as session from './session.js';
import * as router from './router.js';
import { authView } from './components/auth-view.js';
import { workspace } from './workspace.js';

/** @typedef {ReturnType<typeof workspace>} Workspace */

const app = byId('app', HTMLElement);
/** @type {Workspace | null} */
let current = null;
let leaving = false;

const toastHost = () => h('div', { id: 'toasts', class: 'toasts', 'aria-live': 'polite' });

/** @param {string} [notice] */
function showSignIn(notice) {
  document.title = 'Sign in · AssetManager';
  app.replaceChildren(authView({
    notice,
    onSignedIn: (token) => {
      session.saveToken(token);
      void start();
    },
  }), toastHost());
  app.querySelector('input')?.focus();
}

async function start() {
  if (!session.token()) { showSignIn(); return; }
  app.setAttribute('aria-busy', 'true');
  try {
    const [user, models] = await Promise.all([api.me(), api.listAiModels()]);
    if (!session.token()) return;
    const next = workspace({ user, aiModels: models.results, onSignOut: () => void signOut(false), onSignOutEverywhere: () => void signOut(true) });
    current = next;
    app.replaceChildren(...next.elements, toastHost());
    await next.start();
  } catch (error) {
    if (error instanceof api.ApiError && error.status === 401) return; // whenUnauthorized has taken over
    app.replaceChildren(h('main', { class: 'empty hero' },
      h('h1', { class: 'empty-title' }, 'The app could not start'),
      h('p', { class: 'muted' }, error instanceof Error ? error.message : String(error)),
      h('button', { type: 'button', class: 'button primary', on: { click: () => void start() } }, 'Try again')), toastHost());
  } finally {
    app.removeAttribute('aria-busy');
  }
}

/**
 * Signs out: sends the deletes still in their undo window, revokes the token (every token, `everywhere`), then
 * forgets the user.
 * @param {boolean} everywhere
 */
async function signOut(everywhere) {
  if (leaving) return;
  leaving = true;
  let notice = everywhere ? 'You are signed out on every device.' : 'You are signed out.';
  try {
    await current?.destroy();
    current = null;
    if (everywhere) {
      try {
        await api.logoutEverywhere();
      } catch (error) {
        if (!(error instanceof api.ApiError && (error.status === 404 || error.status === 405))) throw error;
        await api.logout();
        notice = 'This server cannot sign out your other devices yet; this one is signed out.';
      }
    } else {
      await api.logout();
    }
  } catch {
    // Offline or already revoked: the token is forgotten here all the same.
  } finally {
    forget(notice);
  }
}

/** Replaces the whole page and empties the app's storage: nothing of the user is left. @param {string} [notice] */
function forget(notice) {
  session.forgetAll();
  router.reset();
  showSignIn(notice);
  leaving = false;
}

// The token stopped working (signed out everywhere from another device, revoked): back to the sign-in screen.
api.whenUnauthorized(() => {
  if (leaving || !session.token()) return;
  leaving = true;
  const closing = current;
  current = null;
  void (closing?.destroy() ?? Promise.resolve()).catch(() => {}).finally(() => forget('Your session has ended. Please sign in again.'));
});

void start();
