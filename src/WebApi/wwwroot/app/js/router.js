// Where the user is, kept in the address: /app/?project=1&box=2&asset=3&type=VIDEO&favorite=1&model=6&order=created_at.
// A deep link survives a reload and can be shared; Back and Forward move through it.

/** @typedef {import('./types.js').GalleryFilters} GalleryFilters */

/**
 * @typedef {object} Route
 * @property {number | null} project
 * @property {number | null} box
 * @property {number | null} asset
 * @property {GalleryFilters} filters
 */

/** @type {Set<(route: Route) => void>} */
const listeners = new Set();

/** @param {string | null} text @returns {number | null} */
const id = (text) => (text && /^\d+$/.test(text) ? Number(text) : null);

/** @param {URLSearchParams} params @returns {Route} */
function parse(params) {
  const type = params.get('type');
  return {
    project: id(params.get('project')),
    box: id(params.get('box')),
    asset: id(params.get('asset')),
    filters: {
      type: type === 'IMAGE' || type === 'VIDEO' ? type : '',
      favorite: params.get('favorite') === '1',
      model: id(params.get('model')),
      order: params.get('order') === 'created_at' ? 'created_at' : '-created_at',
    },
  };
}

/** @returns {Route} the route in the address bar */
export const current = () => parse(new URLSearchParams(location.search));

/** @param {Route} route @returns {string} the address of a route, relative to the site */
export function href(route) {
  const params = new URLSearchParams();
  if (route.project) params.set('project', String(route.project));
  if (route.box) params.set('box', String(route.box));
  if (route.asset) params.set('asset', String(route.asset));
  if (route.filters.type) params.set('type', route.filters.type);
  if (route.filters.favorite) params.set('favorite', '1');
  if (route.filters.model) params.set('model', String(route.filters.model));
  if (route.filters.order === 'created_at') params.set('order', 'created_at');
  const text = params.toString();
  return `${location.pathname}${text ? `?${text}` : ''}`;
}

/**
 * Moves to another route. Opening an asset or changing a filter replaces the entry; moving between boxes adds one.
 * @param {Partial<Omit<Route, 'filters'>> & { filters?: Partial<GalleryFilters> }} change
 * @param {{ replace?: boolean }} [options]
 */
export function navigate(change, options = {}) {
  const before = current();
  const route = { ...before, ...change, filters: { ...before.filters, ...(change.filters ?? {}) } };
  const address = href(route);
  if (address === `${location.pathname}${location.search}`) return;
  if (options.replace) history.replaceState(null, '', address);
  else history.pushState(null, '', address);
  for (const listener of listeners) listener(route);
}

/** @param {(route: Route) => void} listener */
export function subscribe(listener) {
  listeners.add(listener);
}

/** Drops every listener and the address's ids: nothing of the signed-out user stays in the address bar. */
export function reset() {
  listeners.clear();
  history.replaceState(null, '', location.pathname);
}

addEventListener('popstate', () => {
  const route = current();
  for (const listener of listeners) listener(route);
});
