// Editing an asset's generation metadata: prompt, AI model (those of its kind), seed, generation config, box.
// Only changed fields are sent; the API's field errors show under their fields.
import { h, uniqueId } from '../dom.js';
import * as api from '../api.js';

/** @typedef {import('../types.js').Asset} Asset */
/** @typedef {import('../types.js').AiModel} AiModel */

/**
 * @param {{ asset: Asset, aiModels: AiModel[], boxes: { value: string, label: string }[], onSaved: (asset: Asset) => void }} options
 * @returns {HTMLFormElement}
 */
export function assetForm({ asset: shown, aiModels, boxes, onSaved }) {
  /** The asset as the server last gave it: what a change is measured against. */
  let asset = shown;
  /** @type {Map<string, HTMLElement>} */
  const errors = new Map();
  const field = (/** @type {string} */ name, /** @type {string} */ label, /** @type {HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement} */ control) => {
    control.id = uniqueId(`asset-${name}`);
    control.name = name;
    const error = h('p', { class: 'field-error', id: `${control.id}-error` });
    control.setAttribute('aria-describedby', error.id);
    errors.set(name, error);
    return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, error);
  };

  const prompt = h('textarea', { rows: 4, value: asset.prompt_text });
  const model = h('select', {},
    h('option', { value: '' }, 'None'),
    aiModels.filter((m) => m.kind === asset.asset_type || m.kind === 'ANY' || m.id === asset.ai_model)
      .map((m) => h('option', { value: String(m.id), selected: m.id === asset.ai_model }, `${m.name} · ${m.provider}`)));
  const seed = h('input', { inputmode: 'numeric', autocomplete: 'off', value: asset.seed === null ? '' : String(asset.seed) });
  const configTextOf = (/** @type {Asset} */ a) => (Object.keys(a.generation_config ?? {}).length ? JSON.stringify(a.generation_config, null, 2) : '');
  const configText = configTextOf(asset);
  const config = h('textarea', { rows: 4, class: 'mono', spellcheck: 'false', value: configText, placeholder: '{}' });
  const box = h('select', {}, boxes.map((b) => h('option', { value: b.value, selected: b.value === String(asset.box) }, b.label)));
  const status = h('p', { class: 'form-status', role: 'status' });
  const save = h('button', { type: 'submit', class: 'button primary' }, 'Save changes');

  const form = h('form', { class: 'asset-form', novalidate: true, 'aria-label': 'Edit details' },
    field('prompt_text', 'Prompt', prompt),
    field('ai_model', 'AI model', model),
    field('seed', 'Seed', seed),
    field('box', 'Box', box),
    field('generation_config', 'Generation config (JSON)', config),
    h('div', { class: 'form-actions' }, save, status));

  form.addEventListener('input', () => { status.textContent = ''; });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const error of errors.values()) error.textContent = '';
    status.textContent = '';
    /** @type {Record<string, unknown>} */
    const changes = {};
    if (prompt.value !== asset.prompt_text) changes.prompt_text = prompt.value;
    const modelId = Number(model.value) || null;
    if (modelId !== asset.ai_model) changes.ai_model = modelId;
    const seedText = seed.value.trim();
    if (seedText !== (asset.seed === null ? '' : String(asset.seed))) {
      if (seedText && !/^-?\d+$/.test(seedText)) { show('seed', 'A whole number, or nothing.'); return; }
      changes.seed = seedText || null;
    }
    if (config.value.trim() !== configTextOf(asset).trim()) {
      let parsed = {};
      if (config.value.trim()) {
        try { parsed = JSON.parse(config.value); } catch (error) {
          show('generation_config', `Not valid JSON: ${error instanceof Error ? error.message : error}`); return;
        }
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) { show('generation_config', 'Must be a JSON object, like {"steps": 30}.'); return; }
      changes.generation_config = parsed;
    }
    if (Number(box.value) !== asset.box) changes.box = Number(box.value);
    if (!Object.keys(changes).length) { status.textContent = 'No changes to save.'; return; }
    save.disabled = true;
    try {
      const saved = await api.updateAsset(asset.id, changes);
      asset = saved;
      status.textContent = 'Saved';
      onSaved(saved);
    } catch (error) {
      let shown = false;
      if (error instanceof api.ApiError) {
        for (const name of errors.keys()) {
          const messages = error.fieldMessages(name);
          if (messages.length) { show(name, messages.join(' ')); shown = true; }
        }
      }
      if (!shown) status.textContent = error instanceof Error ? error.message : String(error);
    } finally {
      save.disabled = false;
    }
  });

  /** @param {string} name @param {string} message */
  function show(name, message) {
    const error = errors.get(name);
    if (error) error.textContent = message;
    const control = form.elements.namedItem(name);
    if (control instanceof HTMLElement) { control.setAttribute('aria-invalid', 'true'); control.focus(); }
  }

  return form;
}
