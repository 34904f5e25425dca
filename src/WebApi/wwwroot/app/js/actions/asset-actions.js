// What is done to assets from the gallery and the lightbox: favourite, move and delete (several at once after a
// confirmation, or one with a few seconds to undo).
import * as api from '../api.js';
import * as format from '../format.js';
import { confirm, formDialog } from '../components/dialogs.js';
import { toast } from '../components/toasts.js';
import { assetName } from '../asset-text.js';

/** @typedef {import('../types.js').Asset} Asset */
/** @typedef {import('../types.js').Project} Project */

/** How long a deleted asset can be brought back before the delete is sent. */
export const UNDO_SECONDS = 6;

/**
 * @typedef {object} AssetContext
 * @property {(asset: Asset) => void} changed an asset as it is now
 * @property {(ids: number[]) => void} removed gone from the box shown
 * @property {(asset: Asset) => void} restored a delete was undone
 * @property {() => Project[]} projects
 * @property {() => void} countsChanged
 */

/** @param {AssetContext} context */
export function assetActions(context) {
  /** @type {Map<number, { asset: Asset, timer: ReturnType<typeof setTimeout> }>} */
  const pendingDeletes = new Map();
  /** @param {unknown} error */
  const fail = (error) => toast(error instanceof Error ? error.message : String(error), { error: true });

  /**
   * Runs `action` on each asset, a few at a time; returns what succeeded and reports the first failure.
   * @template T @param {Asset[]} assets @param {(asset: Asset) => Promise<T>} action @returns {Promise<T[]>}
   */
  async function each(assets, action) {
    /** @type {T[]} */
    const done = [];
    /** @type {unknown} */
    let failure = null;
    for (let index = 0; index < assets.length; index += 4) {
      const results = await Promise.allSettled(assets.slice(index, index + 4).map(action));
      for (const result of results) {
        if (result.status === 'fulfilled') done.push(result.value);
        else failure ??= result.reason;
      }
    }
    if (failure) fail(failure);
    return done;
  }

  /** Sends the delete now (the undo window closed, the page is going, or the user signs out). @param {number} id */
  async function commit(id) {
    const pending = pendingDeletes.get(id);
    if (!pending) return;
    clearTimeout(pending.timer);
    pendingDeletes.delete(id);
    try {
      await api.deleteAsset(id);
      context.countsChanged();
    } catch (error) {
      if (error instanceof api.ApiError && error.status === 404) return;
      context.restored(pending.asset);
      fail(error);
    }
  }

  const onPageHide = () => {
    for (const id of pendingDeletes.keys()) api.deleteAssetOnUnload(id);
    pendingDeletes.clear();
  };
  addEventListener('pagehide', onPageHide);

  return {
    /** @param {Asset[]} assets @param {boolean} favorite */
    async favorite(assets, favorite) {
      const saved = await each(assets.filter((a) => a.is_favorite !== favorite), (asset) => api.updateAsset(asset.id, { is_favorite: favorite }));
      for (const asset of saved) context.changed(asset);
    },

    /** @param {Asset[]} assets */
    async move(assets) {
      let boxes;
      try { boxes = (await api.listAllBoxes()).results; } catch (error) { fail(error); return; }
      const from = new Set(assets.map((a) => a.box));
      const choices = boxes.filter((b) => !(from.size === 1 && from.has(b.id)));
      if (!choices.length) { toast('Create another box first.'); return; }
      const projectName = (/** @type {number} */ id) => context.projects().find((p) => p.id === id)?.name ?? '';
      const chosen = await formDialog({
        title: `Move ${format.plural(assets.length, 'asset')}`, submitLabel: 'Move',
        fields: [{ name: 'box', label: 'To box', value: String(choices[0].id),
          options: choices.map((b) => ({ value: String(b.id), label: `${projectName(b.project)} / ${b.name}` })) }],
        submit: async (values) => Number(values.box),
      });
      if (!chosen) return;
      const moved = await each(assets, (asset) => api.updateAsset(asset.id, { box: chosen }));
      context.removed(moved.map((a) => a.id));
      context.countsChanged();
      if (moved.length) toast(`Moved ${format.plural(moved.length, 'asset')} to ${moved[0].box_name}`);
    },

    /** Several at once: asks first. @param {Asset[]} assets */
    async remove(assets) {
      const sure = await confirm({
        title: assets.length === 1 ? `Delete ${assetName(assets[0])}?` : `Delete ${assets.length} assets?`,
        message: `${assets.length === 1 ? 'Its file is' : 'Their files are'} deleted too. This cannot be undone.`,
        confirmLabel: assets.length === 1 ? 'Delete asset' : `Delete ${assets.length} assets`,
      });
      if (!sure) return;
      const deleted = await each(assets, async (asset) => { await api.deleteAsset(asset.id); return asset.id; });
      context.removed(deleted);
      context.countsChanged();
      if (deleted.length) toast(`Deleted ${format.plural(deleted.length, 'asset')}`);
    },

    /** One, at once, with Undo for a few seconds. @param {Asset} asset */
    removeWithUndo(asset) {
      context.removed([asset.id]);
      const timer = setTimeout(() => void commit(asset.id), UNDO_SECONDS * 1000);
      pendingDeletes.set(asset.id, { asset, timer });
      toast(`Deleted ${assetName(asset)}`, {
        seconds: UNDO_SECONDS,
        action: {
          label: 'Undo',
          run: () => {
            const pending = pendingDeletes.get(asset.id);
            if (!pending) return;
            clearTimeout(pending.timer);
            pendingDeletes.delete(asset.id);
            context.restored(asset);
          },
        },
      });
    },

    /** Sends the deletes still waiting for their undo window (before signing out). */
    async flush() {
      removeEventListener('pagehide', onPageHide);
      await Promise.all([...pendingDeletes.keys()].map(commit));
    },
  };
}
