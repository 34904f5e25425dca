// A box's assets as a grid of thumbnails: filters and order (kept in the URL by the caller), pages loaded as the
// user scrolls, multi-select with bulk actions, and live updates (new uploads, finished thumbnails, edits).
import { h, icon } from '../dom.js';
import * as api from '../api.js';
import * as format from '../format.js';
import { galleryTile } from './gallery-tile.js';

/** @typedef {import('../types.js').Asset} Asset */
/** @typedef {import('../types.js').AiModel} AiModel */
/** @typedef {import('../types.js').GalleryFilters} GalleryFilters */

const PAGE_SIZE = 48;

/**
 * @typedef {object} GalleryOptions
 * @property {number} boxId
 * @property {GalleryFilters} filters
 * @property {AiModel[]} aiModels
 * @property {(asset: Asset) => void} onOpen
 * @property {(change: Partial<GalleryFilters>) => void} onFiltersChange
 * @property {(assets: Asset[], favorite: boolean) => Promise<void>} onFavorite
 * @property {(assets: Asset[]) => Promise<void>} onMove
 * @property {(assets: Asset[]) => Promise<void>} onDelete
 * @property {(asset: Asset) => void} onLoaded a page brought this asset (to watch its processing)
 */

/** @param {GalleryOptions} options */
export function gallery(options) {
  let filters = options.filters;
  /** @type {Asset[]} */
  let assets = [];
  let count = 0;
  let page = 0;
  let hasMore = true;
  let loading = /** @type {Promise<void> | null} */ (null);
  let generation = 0;
  /** @type {Set<number>} */
  const selected = new Set();
  let lastClicked = -1;

  // ---- toolbar: type, favourites, model, order
  const typeChoices = /** @type {const} */ ([['', 'All'], ['IMAGE', 'Images'], ['VIDEO', 'Videos']]);
  const typeGroup = h('div', { class: 'segmented', role: 'radiogroup', 'aria-label': 'Type' });
  const typeButtons = typeChoices.map(([value, label]) => {
    const button = h('button', { type: 'button', role: 'radio', class: 'segment', dataset: { value },
      on: { click: () => options.onFiltersChange({ type: value }) } }, label);
    typeGroup.append(button);
    return button;
  });
  typeGroup.addEventListener('keydown', (event) => {
    const index = typeChoices.findIndex(([value]) => value === filters.type);
    const step = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = typeChoices[(index + step + typeChoices.length) % typeChoices.length][0];
    options.onFiltersChange({ type: next });
  });
  const favoriteToggle = h('button', { type: 'button', class: 'chip', 'aria-pressed': 'false',
    on: { click: () => options.onFiltersChange({ favorite: !filters.favorite }) } }, icon('star'), 'Favourites');
  const modelSelect = h('select', { 'aria-label': 'AI model', class: 'compact',
    on: { change: () => options.onFiltersChange({ model: Number(modelSelect.value) || null }) } },
    h('option', { value: '' }, 'Any model'),
    options.aiModels.map((model) => h('option', { value: String(model.id) }, model.name)));
  const orderSelect = h('select', { 'aria-label': 'Order', class: 'compact',
    on: { change: () => options.onFiltersChange({ order: orderSelect.value === 'created_at' ? 'created_at' : '-created_at' }) } },
    h('option', { value: '-created_at' }, 'Newest first'), h('option', { value: 'created_at' }, 'Oldest first'));
  const countLabel = h('p', { class: 'gallery-count muted', 'aria-live': 'polite' });
  const toolbar = h('div', { class: 'gallery-toolbar', role: 'toolbar', 'aria-label': 'Filters' },
    typeGroup, favoriteToggle, modelSelect, orderSelect, countLabel);

  // ---- selection bar
  const selectionCount = h('strong', {});
  const selectionBar = h('div', { class: 'selection-bar', role: 'toolbar', 'aria-label': 'Selected assets', hidden: true },
    selectionCount,
    h('button', { type: 'button', class: 'button small', on: { click: selectAll } }, 'Select all'),
    h('button', { type: 'button', class: 'button small', on: { click: () => bulk(options.onFavorite, true) } }, icon('star-filled'), 'Favourite'),
    h('button', { type: 'button', class: 'button small', on: { click: () => bulk(options.onFavorite, false) } }, icon('star'), 'Unfavourite'),
    h('button', { type: 'button', class: 'button small', on: { click: () => bulk(options.onMove) } }, icon('move'), 'Move to…'),
    h('button', { type: 'button', class: 'button small danger', on: { click: () => bulk(options.onDelete) } }, icon('trash'), 'Delete'),
    h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Clear the selection', on: { click: clearSelection } }, icon('close')));

  // ---- grid
  const grid = h('ul', { class: 'grid', 'aria-label': 'Assets' });
  const empty = h('div', { class: 'empty', hidden: true });
  const error = h('p', { class: 'form-error', role: 'alert' });
  const moreButton = h('button', { type: 'button', class: 'button', hidden: true, on: { click: () => void loadMore() } }, 'Load more');
  const sentinel = h('div', { class: 'sentinel', 'aria-hidden': 'true' });
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) void loadMore();
  }, { rootMargin: '800px' });
  observer.observe(sentinel);

  grid.addEventListener('keydown', (event) => {
    if (event.key !== 'Delete' || !(event.target instanceof HTMLElement)) return;
    const tile = event.target.closest('.tile');
    const id = Number(tile instanceof HTMLElement ? tile.dataset.assetId : NaN);
    const asset = assets.find((a) => a.id === id);
    if (!asset) return;
    event.preventDefault();
    void options.onDelete(selected.has(id) ? selectedAssets() : [asset]);
  });

  const element = h('section', { class: 'gallery', 'aria-label': 'Gallery' },
    toolbar, selectionBar, error, grid, empty, h('div', { class: 'gallery-more' }, moreButton), sentinel);

  function renderToolbar() {
    for (const button of typeButtons) {
      const on = button.dataset.value === filters.type;
      button.setAttribute('aria-checked', String(on));
      button.tabIndex = on ? 0 : -1;
    }
    favoriteToggle.setAttribute('aria-pressed', String(filters.favorite));
    modelSelect.value = filters.model ? String(filters.model) : '';
    orderSelect.value = filters.order;
  }

  function renderCount() {
    countLabel.textContent = format.plural(count, 'asset');
    const filtered = filters.type || filters.favorite || filters.model;
    empty.hidden = assets.length > 0 || hasMore || !!loading;
    empty.replaceChildren(
      icon(filtered ? 'filter' : 'image'),
      h('p', { class: 'empty-title' }, filtered ? 'Nothing matches these filters' : 'No assets in this box yet'),
      h('p', { class: 'muted' }, filtered ? 'Clear a filter to see more.' : 'Drop images or videos above, or choose files.'));
    moreButton.hidden = !hasMore || !!loading;
  }

  function renderSelection() {
    for (const id of [...selected]) if (!assets.some((a) => a.id === id)) selected.delete(id);
    selectionBar.hidden = selected.size === 0;
    selectionCount.textContent = `${selected.size} selected`;
    for (const tile of grid.children) {
      if (!(tile instanceof HTMLElement)) continue;
      const on = selected.has(Number(tile.dataset.assetId));
      tile.classList.toggle('is-selected', on);
      const checkbox = tile.querySelector('input[type="checkbox"]');
      if (checkbox instanceof HTMLInputElement) checkbox.checked = on;
    }
    element.classList.toggle('selecting', selected.size > 0);
  }

  /** @param {Asset} asset */
  function tileFor(asset) {
    return galleryTile(asset, {
      selected: selected.has(asset.id),
      onOpen: () => options.onOpen(asset),
      onSelect: (on, range) => {
        const index = assets.findIndex((a) => a.id === asset.id);
        if (range && lastClicked >= 0) {
          const [from, to] = [Math.min(index, lastClicked), Math.max(index, lastClicked)];
          for (const a of assets.slice(from, to + 1)) if (on) selected.add(a.id); else selected.delete(a.id);
        } else if (on) selected.add(asset.id); else selected.delete(asset.id);
        lastClicked = index;
        renderSelection();
      },
    });
  }

  /** @param {number} id */
  const tileOf = (id) => grid.querySelector(`.tile[data-asset-id="${id}"]`);

  async function loadMore() {
    if (loading || !hasMore) return loading ?? undefined;
    const mine = generation;
    loading = (async () => {
      try {
        const result = await api.listAssets(options.boxId, filters, page + 1, PAGE_SIZE);
        if (mine !== generation) return;
        page++;
        count = result.count;
        hasMore = result.next !== null;
        // Uploads made since the first page shift the pages: skip what is already shown.
        const fresh = result.results.filter((asset) => !assets.some((a) => a.id === asset.id));
        assets.push(...fresh);
        grid.append(...fresh.map(tileFor));
        for (const asset of fresh) options.onLoaded(asset);
        error.textContent = '';
      } catch (failure) {
        if (mine !== generation) return;
        hasMore = false;
        error.textContent = failure instanceof Error ? failure.message : String(failure);
      }
    })();
    renderCount();
    await loading;
    if (mine === generation) {
      loading = null;
      renderCount();
      // The observer speaks only when the sentinel comes into reach: if it is still in reach (the page was short),
      // observing it again makes the observer say so, and the next page loads.
      observer.unobserve(sentinel);
      observer.observe(sentinel);
    }
  }

  /** Starts again from the first page (filters changed). */
  function reload() {
    generation++;
    assets = [];
    page = 0;
    count = 0;
    hasMore = true;
    loading = null;
    selected.clear();
    grid.replaceChildren();
    renderToolbar();
    renderSelection();
    return loadMore();
  }

  /** @param {Asset} asset */
  const matches = (asset) => asset.box === options.boxId
    && (!filters.type || asset.asset_type === filters.type)
    && (!filters.favorite || asset.is_favorite)
    && (!filters.model || asset.ai_model === filters.model);

  /** A new asset: first in the newest-first order, last in the other once every page is here. @param {Asset} asset */
  function add(asset) {
    if (!matches(asset) || assets.some((a) => a.id === asset.id)) return;
    count++;
    if (filters.order === '-created_at') {
      assets.unshift(asset);
      grid.prepend(tileFor(asset));
    } else if (!hasMore) {
      assets.push(asset);
      grid.append(tileFor(asset));
    }
    options.onLoaded(asset);
    renderCount();
  }

  /** @param {Asset} asset the asset as it is now (edited, thumbnail made, moved) */
  function replace(asset) {
    const index = assets.findIndex((a) => a.id === asset.id);
    if (index < 0) return;
    if (!matches(asset)) { remove([asset.id]); return; }
    assets[index] = asset;
    const old = tileOf(asset.id);
    const focused = old?.contains(document.activeElement) ? document.activeElement : null;
    const tile = tileFor(asset);
    old?.replaceWith(tile);
    const target = focused ? tile.querySelector(focused instanceof HTMLInputElement ? 'input' : '.tile-open') : null;
    if (target instanceof HTMLElement) target.focus();
  }

  /** @param {number[]} ids */
  function remove(ids) {
    for (const id of ids) {
      const index = assets.findIndex((a) => a.id === id);
      if (index < 0) continue;
      assets.splice(index, 1);
      tileOf(id)?.remove();
      selected.delete(id);
      count = Math.max(0, count - 1);
    }
    renderSelection();
    renderCount();
  }

  /** Puts back an asset whose delete was undone, where the order says. @param {Asset} asset */
  function restore(asset) {
    if (!matches(asset) || assets.some((a) => a.id === asset.id)) return;
    const newestFirst = filters.order === '-created_at';
    let index = assets.findIndex((a) => (newestFirst ? a.created_at < asset.created_at || (a.created_at === asset.created_at && a.id < asset.id)
      : a.created_at > asset.created_at || (a.created_at === asset.created_at && a.id > asset.id)));
    if (index < 0) { if (hasMore) { count++; renderCount(); return; } index = assets.length; }
    assets.splice(index, 0, asset);
    const tile = tileFor(asset);
    const before = grid.children[index];
    if (before) before.before(tile); else grid.append(tile);
    count++;
    renderCount();
  }

  const selectedAssets = () => assets.filter((a) => selected.has(a.id));
  function selectAll() { for (const a of assets) selected.add(a.id); renderSelection(); }
  function clearSelection() { selected.clear(); renderSelection(); }

  /**
   * @param {(assets: Asset[], value: boolean) => Promise<void>} action @param {boolean} [value]
   */
  async function bulk(action, value = false) {
    const chosen = selectedAssets();
    if (!chosen.length) return;
    await action(chosen, value);
  }

  renderToolbar();
  void loadMore();

  return {
    element,
    /** @param {GalleryFilters} next */
    setFilters(next) { filters = next; return reload(); },
    add, replace, remove, restore,
    clearSelection,
    /** @returns {Asset[]} the loaded assets, in order */
    list: () => assets,
    /** @returns {number} how many assets match the filters, loaded or not */
    total: () => count,
    /** Loads the next page if there is one; resolves when it is here. @returns {Promise<boolean>} whether more came */
    async more() { const before = assets.length; await loadMore(); return assets.length > before; },
    destroy() { observer.disconnect(); generation++; },
  };
}
