// Where files come in: a drop zone, file and folder pickers, and the fields shared by the next batch (prompt,
// model by kind, favourite, seed, generation config). Picking or dropping starts the upload at once; the fields
// then reset, unless pinned.
import { h, icon, uniqueId } from '../dom.js';
import { accept, kindOf } from '../upload/file-kind.js';
import { filesOf, withoutHidden } from '../upload/dropped-files.js';

/** @typedef {import('../types.js').AiModel} AiModel */
/** @typedef {import('../types.js').UploadFields} UploadFields */

// A file dropped just outside the drop zone must not make the browser leave the app to show it.
const keepPage = (/** @type {DragEvent} */ event) => { if (event.dataTransfer?.types.includes('Files')) event.preventDefault(); };
window.addEventListener('dragover', keepPage);
window.addEventListener('drop', keepPage);

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * @param {{ aiModels: AiModel[], onFiles: (files: File[], fieldsFor: (file: File) => UploadFields) => void }} options
 * @returns {{ element: HTMLElement, setTarget: (boxName: string) => void }}
 */
export function uploadPanel({ aiModels, onFiles }) {
  const control = (/** @type {string} */ label, /** @type {HTMLElement} */ input, /** @type {HTMLElement | null} */ extra = null) => {
    input.id ||= uniqueId('upload-field');
    return h('div', { class: 'field' }, h('label', { for: input.id }, label), input, extra);
  };
  const modelSelect = (/** @type {'IMAGE' | 'VIDEO'} */ kind) => h('select', { name: `${kind.toLowerCase()}-model` },
    h('option', { value: '' }, 'None'),
    aiModels.filter((model) => model.kind === kind || model.kind === 'ANY')
      .map((model) => h('option', { value: String(model.id) }, `${model.name} · ${model.provider}`)));

  const prompt = h('textarea', { name: 'prompt', rows: 2, placeholder: 'A beautiful sunset over the sea' });
  const imageModel = modelSelect('IMAGE');
  const videoModel = modelSelect('VIDEO');
  const seedError = h('p', { class: 'field-error', id: uniqueId('seed-error') });
  const seed = h('input', { name: 'seed', inputmode: 'numeric', autocomplete: 'off', placeholder: 'e.g. 42', 'aria-describedby': seedError.id });
  const configError = h('p', { class: 'field-error', id: uniqueId('config-error') });
  const config = h('textarea', { name: 'generation-config', rows: 3, spellcheck: 'false', class: 'mono',
    placeholder: '{"steps": 30, "cfg_scale": 7}', 'aria-describedby': configError.id });
  const favorite = h('input', { type: 'checkbox', name: 'favorite', id: uniqueId('favorite') });
  const pin = h('input', { type: 'checkbox', name: 'pin', id: uniqueId('pin') });
  const status = h('p', { class: 'form-error', role: 'alert' });
  const filled = h('span', { class: 'details-summary muted' });

  const details = h('details', { class: 'upload-details' },
    h('summary', {}, h('span', {}, 'Details for the next files'), filled),
    h('div', { class: 'upload-fields' },
      control('Prompt', prompt),
      control('Image model', imageModel),
      control('Video model', videoModel),
      control('Seed', seed, seedError),
      h('div', { class: 'field span-2' }, h('label', { for: (config.id = uniqueId('config')) }, 'Generation config (JSON)'), config, configError),
      h('div', { class: 'checks span-2' },
        h('label', { class: 'check', for: favorite.id }, favorite, icon('star'), 'Mark as favourite'),
        h('label', { class: 'check', for: pin.id }, pin, icon('pin'), 'Keep these for the next batches'))));

  const fileInput = h('input', { type: 'file', multiple: true, accept, class: 'visually-hidden', id: uniqueId('files'), tabindex: -1, 'aria-label': 'Files to upload' });
  const folderInput = h('input', { type: 'file', multiple: true, class: 'visually-hidden', id: uniqueId('folder'), tabindex: -1, 'aria-label': 'Folder to upload' });
  folderInput.setAttribute('webkitdirectory', '');
  const folderSupported = 'webkitdirectory' in folderInput;
  const target = h('strong', {});

  const zone = h('div', { class: 'dropzone', role: 'group', 'aria-label': 'Upload images and videos' },
    icon('upload'),
    h('p', { class: 'dropzone-title' }, 'Drop images and videos here'),
    h('p', { class: 'dropzone-hint muted' }, 'into ', target, ' · several at once, folders too'),
    h('div', { class: 'dropzone-buttons' },
      h('button', { type: 'button', class: 'button primary', on: { click: () => fileInput.click() } }, icon('plus'), 'Choose files'),
      folderSupported ? h('button', { type: 'button', class: 'button', on: { click: () => folderInput.click() } }, icon('folder'), 'Choose a folder') : null),
    fileInput, folderInput);

  let depth = 0;
  zone.addEventListener('dragenter', (event) => { event.preventDefault(); depth++; zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => { if (--depth <= 0) { depth = 0; zone.classList.remove('over'); } });
  zone.addEventListener('dragover', (event) => { event.preventDefault(); if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'; });
  zone.addEventListener('drop', async (event) => {
    event.preventDefault();
    depth = 0;
    zone.classList.remove('over');
    if (event.dataTransfer) take(await filesOf(event.dataTransfer));
  });
  fileInput.addEventListener('change', () => { take([...(fileInput.files ?? [])]); fileInput.value = ''; });
  folderInput.addEventListener('change', () => { take(withoutHidden([...(folderInput.files ?? [])])); folderInput.value = ''; });

  seed.addEventListener('input', () => { seedError.textContent = ''; seed.removeAttribute('aria-invalid'); summarize(); });
  config.addEventListener('input', () => { validateConfig(); summarize(); });
  for (const element of [prompt, imageModel, videoModel, favorite]) element.addEventListener('input', summarize);
  pin.addEventListener('change', summarize);

  /** @returns {Record<string, unknown> | undefined} the config, or undefined when it is not a JSON object */
  function validateConfig() {
    configError.textContent = '';
    config.removeAttribute('aria-invalid');
    const text = config.value.trim();
    if (!text) return {};
    let value;
    try { value = JSON.parse(text); } catch (error) {
      return invalid(`Not valid JSON: ${error instanceof Error ? error.message : error}`);
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) return invalid('Must be a JSON object, like {"steps": 30}.');
    return value;
  }
  /** @param {string} message @returns {undefined} */
  function invalid(message) {
    configError.textContent = message;
    config.setAttribute('aria-invalid', 'true');
    return undefined;
  }

  /** @returns {string | undefined} the seed as decimal text ("" for none), undefined when it is not a 64-bit integer */
  function validateSeed() {
    const text = seed.value.trim();
    if (!text) return '';
    if (/^-?\d{1,20}$/.test(text)) {
      const value = BigInt(text);
      if (value >= INT64_MIN && value <= INT64_MAX) return value.toString();
    }
    seedError.textContent = 'A whole number between -9223372036854775808 and 9223372036854775807.';
    seed.setAttribute('aria-invalid', 'true');
    return undefined;
  }

  function summarize() {
    const parts = [];
    if (prompt.value.trim()) parts.push('prompt');
    if (imageModel.value || videoModel.value) parts.push('model');
    if (seed.value.trim()) parts.push('seed');
    if (config.value.trim()) parts.push('config');
    if (favorite.checked) parts.push('favourite');
    filled.textContent = parts.length ? `${parts.join(', ')}${pin.checked ? ' · pinned' : ''}` : 'optional';
  }

  /** @param {File[]} files */
  function take(files) {
    status.textContent = '';
    if (!files.length) return;
    const generationConfig = validateConfig();
    const seedText = validateSeed();
    if (generationConfig === undefined || seedText === undefined) {
      details.open = true;
      status.textContent = 'Fix the details below, then add the files again.';
      (generationConfig === undefined ? config : seed).focus();
      return;
    }
    const shared = {
      prompt_text: prompt.value.trim(), is_favorite: favorite.checked, generation_config: generationConfig, seed: seedText,
    };
    const models = { IMAGE: Number(imageModel.value) || null, VIDEO: Number(videoModel.value) || null };
    onFiles(files, (file) => {
      const kind = kindOf(file.name);
      return { ...shared, ai_model: kind ? models[kind] : null };
    });
    if (!pin.checked) reset();
  }

  function reset() {
    prompt.value = '';
    imageModel.value = '';
    videoModel.value = '';
    seed.value = '';
    config.value = '';
    favorite.checked = false;
    seedError.textContent = '';
    configError.textContent = '';
    summarize();
  }

  summarize();
  const element = h('section', { class: 'upload-panel', 'aria-label': 'Upload' }, zone, status, details);
  return { element, setTarget: (boxName) => { target.textContent = boxName; } };
}
