// One asset in the grid: its thumbnail (a placeholder while the server makes it, a mark when that failed), a
// video's duration, the favourite star, and a checkbox for multi-select.
import { h, icon } from '../dom.js';
import * as format from '../format.js';
import { assetLabel, assetName } from '../asset-text.js';

/** @typedef {import('../types.js').Asset} Asset */

/**
 * The small picture of an asset. Never the full original when the server makes renditions; an older server that
 * reports no `processing` state makes none, so there the original is all there is (loaded lazily).
 * @param {Asset} asset
 * @returns {HTMLElement}
 */
export function thumbnail(asset) {
  if (asset.thumbnail_url) {
    return h('img', { class: 'tile-media', src: asset.thumbnail_url, alt: '', loading: 'lazy', decoding: 'async' });
  }
  if (asset.processing === 'failed') {
    return h('div', { class: 'tile-state is-failed', title: asset.processing_error || 'The preview could not be made' },
      icon('warning'), h('span', {}, 'No preview'));
  }
  if (asset.processing === 'pending') {
    return h('div', { class: 'tile-state is-pending' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', {}, 'Processing…'));
  }
  if (asset.processing === undefined) {
    if (asset.asset_type === 'IMAGE') return h('img', { class: 'tile-media', src: asset.file_url, alt: '', loading: 'lazy', decoding: 'async' });
    return h('video', { class: 'tile-media', src: `${asset.file_url}#t=0.1`, muted: true, preload: 'metadata', playsinline: true, 'aria-hidden': 'true', tabindex: -1 });
  }
  return h('div', { class: 'tile-state' }, icon(asset.asset_type === 'VIDEO' ? 'video' : 'image'));
}

/**
 * The words the tile shows instead of a picture, which its button's accessible name must hold too.
 * @param {Asset} asset
 */
function stateNote(asset) {
  if (asset.thumbnail_url) return '';
  if (asset.processing === 'failed') return ', No preview';
  if (asset.processing === 'pending') return ', Processing…';
  return '';
}

/**
 * @param {Asset} asset
 * @param {{ selected: boolean, onOpen: () => void, onSelect: (selected: boolean, range: boolean) => void }} options
 * @returns {HTMLLIElement}
 */
export function galleryTile(asset, { selected, onOpen, onSelect }) {
  const media = thumbnail(asset);
  const badges = h('div', { class: 'tile-badges' });
  if (asset.asset_type === 'VIDEO') {
    const length = h('span', { class: 'badge' }, icon('play'), format.duration(asset.duration));
    badges.append(length);
    // Without a duration from the server, the video element that stands in for a poster knows it.
    if (media instanceof HTMLVideoElement && asset.duration == null) {
      media.addEventListener('loadedmetadata', () => length.append(format.duration(media.duration)), { once: true });
    }
  }
  if (asset.is_favorite) badges.append(h('span', { class: 'badge favorite', title: 'Favourite' }, icon('star-filled'), h('span', { class: 'visually-hidden' }, 'Favourite')));
  const checkbox = h('input', { type: 'checkbox', class: 'tile-checkbox', checked: selected, 'aria-label': `Select ${assetName(asset)}` });
  checkbox.addEventListener('click', (event) => onSelect(checkbox.checked, event.shiftKey));
  const tile = h('li', { class: `tile${selected ? ' is-selected' : ''}`, dataset: { assetId: String(asset.id), type: asset.asset_type } },
    h('button', { type: 'button', class: 'tile-open', 'aria-label': `Open ${assetLabel(asset)}${stateNote(asset)}`, on: { click: onOpen } }, media),
    badges,
    h('label', { class: 'tile-check' }, checkbox),
    asset.prompt_text ? h('p', { class: 'tile-caption', 'aria-hidden': 'true' }, asset.prompt_text) : null);
  return tile;
}
