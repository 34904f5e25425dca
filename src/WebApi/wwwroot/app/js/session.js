// The signed-in token and everything else the app keeps in the browser's storage, under one prefix so that signing
// out can remove every trace.

const PREFIX = 'assetmanager.';
const TOKEN = `${PREFIX}token`;

/** @returns {string | null} */
export function token() {
  return localStorage.getItem(TOKEN);
}

/** @param {string} value */
export function saveToken(value) {
  localStorage.setItem(TOKEN, value);
}

/**
 * A small value the app remembers for this user (pinned upload fields...). Removed with the token at sign out.
 * @param {string} key
 * @returns {string | null}
 */
export function read(key) {
  return localStorage.getItem(PREFIX + key);
}

/** @param {string} key @param {string | null} value */
export function write(key, value) {
  if (value === null) localStorage.removeItem(PREFIX + key);
  else localStorage.setItem(PREFIX + key, value);
}

/** Forgets the user: every key of the app in localStorage and sessionStorage. */
export function forgetAll() {
  for (const storage of [localStorage, sessionStorage]) {
    for (const key of Object.keys(storage)) if (key.startsWith(PREFIX)) storage.removeItem(key);
  }
}
