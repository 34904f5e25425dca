// One asset, large: the preview rendition (the video itself for a video), previous/next by arrow keys, its
// metadata, editing, favourite, copy link, download and delete.
import { h, icon } from '../dom.js';
import * as format from '../format.js';
import * as api from '../api.js';
import { assetName } from '../asset-text.js';
import { assetForm } from './asset-form.js';
import { toast } from './toasts.js';

/** @typedef {import('../types.js').Asset} Asset */
/** @typedef {import('../types.js').AiModel} AiModel */

/**
 * @typedef {object} LightboxOptions
 * @property {AiModel[]} aiModels
 * @property {() => Promise<{ value: string, label: string }[]>} boxOptions
 * @property {(asset: Asset, step: -1 | 1) => Promise<Asset | null>} neighbour
 * @property {(asset: Asset | null) => void} onShow the asset shown (null: closed), for the URL
 * @property {(asset: Asset) => void} onChanged
 * @property {(asset: Asset) => void} onDelete
 * @property {(asset: Asset) => string} linkOf
 * @property {(asset: Asset) => string} positionOf "3 of 24"
 */

/** @param {LightboxOptions} options */
export function lightbox(options) {
  /** @type {Asset | null} */
  let current = null;
  let version = 0;
  const title = h('h2', { class: 'lightbox-title', id: 'lightbox-title' });
  const position = h('span', { class: 'muted lightbox-position' });
  const stage = h('div', { class: 'lightbox-stage' });
  const side = h('div', { class: 'lightbox-side' });
  const previous = h('button', { type: 'button', class: 'stage-nav previous', 'aria-label': 'Previous asset', on: { click: () => void step(-1) } }, icon('chevron-left'));
  const next = h('button', { type: 'button', class: 'stage-nav next', 'aria-label': 'Next asset', on: { click: () => void step(1) } }, icon('chevron-right'));
  const favorite = h('button', { type: 'button', class: 'icon-button', 'aria-pressed': 'false', on: { click: () => void toggleFavorite() } });
  const download = h('a', { class: 'icon-button', 'aria-label': 'Download the original', title: 'Download the original', download: '' }, icon('download'));
  const dialog = h('dialog', { class: 'lightbox', 'aria-labelledby': 'lightbox-title' },
    h('header', { class: 'lightbox-bar' },
      h('div', { class: 'lightbox-heading' }, title, position),
      h('div', { class: 'lightbox-tools' },
        favorite,
        h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Copy link', title: 'Copy link', on: { click: () => void copyLink() } }, icon('link')),
        download,
        h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Delete', title: 'Delete (Del)', on: { click: () => current && options.onDelete(current) } }, icon('trash')),
        h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Close', title: 'Close (Esc)', on: { click: () => dialog.close() } }, icon('close')))),
    h('div', { class: 'lightbox-body' }, h('div', { class: 'lightbox-viewer' }, stage, previous, next), side));

  dialog.addEventListener('close', () => {
    stage.replaceChildren();
    current = null;
    options.onShow(null);
  });
  dialog.addEventListener('keydown', (event) => {
    const target = event.target;
    const typing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
    if (typing || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowLeft') { event.preventDefault(); void step(-1); }
    else if (event.key === 'ArrowRight') { event.preventDefault(); void step(1); }
    else if (event.key === 'Delete' && current) { event.preventDefault(); options.onDelete(current); }
  });

  /**
   * The preview rendition, else the thumbnail while the preview is made; an older server makes no renditions, so
   * there the original stands in.
   * @param {Asset} asset @returns {string}
   */
  const imageSource = (asset) => asset.preview_url || (asset.processing === undefined ? asset.file_url : asset.thumbnail_url);

  /** @param {Asset} asset */
  function media(asset) {
    if (asset.asset_type === 'VIDEO') {
      const video = h('video', { src: asset.file_url, controls: true, playsinline: true, preload: 'metadata',
        poster: asset.preview_url || asset.thumbnail_url || undefined, 'aria-label': assetName(asset) });
      video.addEventListener('loadedmetadata', () => fillIn(asset, video.videoWidth, video.videoHeight, video.duration), { once: true });
      return video;
    }
    const source = imageSource(asset);
    if (!source) {
      return h('div', { class: `stage-state${asset.processing === 'failed' ? ' is-failed' : ''}` }, asset.processing === 'failed' ? icon('warning') : h('span', { class: 'spinner' }),
        h('p', {}, asset.processing === 'failed' ? `No preview: ${asset.processing_error || 'it could not be made'}` : 'The preview is being made…'));
    }
    const image = h('img', { src: source, alt: asset.prompt_text || assetName(asset) });
    if (source === asset.file_url) image.addEventListener('load', () => fillIn(asset, image.naturalWidth, image.naturalHeight, null), { once: true });
    return image;
  }

  /**
   * A server without the newer fields does not say an asset's dimensions or length; the original, once loaded, does.
   * @param {Asset} asset @param {number} width @param {number} height @param {number | null} seconds
   */
  function fillIn(asset, width, height, seconds) {
    if (current?.id !== asset.id) return;
    const dimensions = side.querySelector('[data-field="dimensions"]');
    if (dimensions && asset.width == null && width && height) dimensions.textContent = `${width} × ${height}`;
    const length = side.querySelector('[data-field="duration"]');
    if (length && asset.duration == null && seconds && Number.isFinite(seconds)) length.textContent = format.duration(seconds);
  }

  /** @param {Asset} asset */
  function info(asset) {
    /** @type {[string, string | Node, string?][]} */
    const rows = [
      ['Type', asset.asset_type === 'VIDEO' ? 'Video' : 'Image'],
      ['Size', asset.file_size == null ? '—' : h('span', { title: `${asset.file_size.toLocaleString('en')} bytes` }, format.bytes(asset.file_size)), 'size'],
      ['Dimensions', asset.width && asset.height ? `${asset.width} × ${asset.height}` : '—', 'dimensions'],
    ];
    if (asset.asset_type === 'VIDEO') rows.push(['Duration', format.duration(asset.duration) || '—', 'duration']);
    rows.push(
      ['Model', asset.ai_model_name ?? '—'],
      ['SHA-256', asset.checksum_sha256 ? h('code', { class: 'checksum', title: 'SHA-256 checksum of the original' }, asset.checksum_sha256) : '—', 'checksum'],
      ['Created', format.date(asset.created_at)],
      ['Updated', format.date(asset.updated_at)],
    );
    if (asset.processing && asset.processing !== 'ready') rows.push(['Renditions', asset.processing === 'failed' ? `Failed: ${asset.processing_error}` : 'Being made']);
    return h('dl', { class: 'info' }, rows.flatMap(([term, value, name]) => [h('dt', {}, term), h('dd', { dataset: name ? { field: name } : undefined }, value)]));
  }

  /** @param {Asset} asset */
  async function show(asset) {
    const mine = ++version;
    current = asset;
    title.textContent = assetName(asset);
    position.textContent = options.positionOf(asset);
    favorite.replaceChildren(icon(asset.is_favorite ? 'star-filled' : 'star'));
    favorite.setAttribute('aria-pressed', String(asset.is_favorite));
    favorite.setAttribute('aria-label', 'Favourite');
    favorite.title = asset.is_favorite ? 'Remove from favourites' : 'Add to favourites';
    download.href = asset.file_url;
    side.replaceChildren(h('h3', { class: 'side-title' }, 'Details'), info(asset));
    stage.replaceChildren(media(asset));
    const [before, after] = await Promise.all([options.neighbour(asset, -1), options.neighbour(asset, 1)]);
    if (mine !== version) return;
    previous.disabled = !before;
    next.disabled = !after;
    const boxes = await options.boxOptions();
    if (mine !== version) return;
    const form = assetForm({ asset, aiModels: options.aiModels, boxes, onSaved: (saved) => { options.onChanged(saved); refresh(saved); } });
    side.prepend(form);
  }

  /** The same asset, changed (saved, favourited, thumbnail made): keeps the form's focus where it is. @param {Asset} asset */
  function refresh(asset) {
    if (current?.id !== asset.id) return;
    current = asset;
    favorite.replaceChildren(icon(asset.is_favorite ? 'star-filled' : 'star'));
    favorite.setAttribute('aria-pressed', String(asset.is_favorite));
    const oldInfo = side.querySelector('dl.info');
    oldInfo?.replaceWith(info(asset));
    // A rendition that was being made is here now: show it (a video keeps playing; it only gains its poster).
    const shownImage = stage.querySelector('img');
    if (asset.asset_type === 'IMAGE' && (!shownImage || shownImage.getAttribute('src') !== imageSource(asset))) stage.replaceChildren(media(asset));
    const video = stage.querySelector('video');
    const poster = asset.preview_url || asset.thumbnail_url;
    if (video && poster && !video.getAttribute('poster')) video.poster = poster;
  }

  /** @param {-1 | 1} delta */
  async function step(delta) {
    if (!current) return;
    const target = await options.neighbour(current, delta);
    if (target) { void show(target); options.onShow(target); }
  }

  async function toggleFavorite() {
    if (!current) return;
    try {
      const saved = await api.updateAsset(current.id, { is_favorite: !current.is_favorite });
      options.onChanged(saved);
      refresh(saved);
    } catch (error) {
      toast(error instanceof Error ? error.message : String(error), { error: true });
    }
  }

  async function copyLink() {
    if (!current) return;
    const link = options.linkOf(current);
    try {
      await navigator.clipboard.writeText(link);
      toast('Link copied');
    } catch {
      toast(`Copy this link: ${link}`, { seconds: 12 });
    }
  }

  return {
    element: dialog,
    /** @param {Asset} asset */
    open(asset) {
      if (!dialog.open) dialog.showModal();
      void show(asset);
    },
    /** @param {-1 | 1} delta @returns {Promise<Asset | null>} the asset that far from the one shown */
    neighbourOf: (delta) => (current ? options.neighbour(current, delta) : Promise.resolve(null)),
    refresh,
    close() { if (dialog.open) dialog.close(); },
    /** @returns {Asset | null} */
    current: () => current,
  };
}
