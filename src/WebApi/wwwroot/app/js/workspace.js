// The signed-in app: header, projects and boxes on the left, the chosen box (uploads and gallery) on the right,
// the lightbox over it. The route in the URL says what is shown; this module makes the screen follow it.
import { h, icon } from './dom.js';
import * as api from './api.js';
import * as router from './router.js';
import * as format from './format.js';
import { accountMenu } from './components/account-menu.js';
import { sidebar } from './components/sidebar.js';
import { uploadPanel } from './components/upload-panel.js';
import { uploadQueueView } from './components/upload-queue-view.js';
import { gallery } from './components/gallery.js';
import { lightbox } from './components/lightbox.js';
import { toast } from './components/toasts.js';
import { projectActions } from './actions/project-actions.js';
import { assetActions } from './actions/asset-actions.js';
import { UploadQueue } from './upload/upload-queue.js';
import { createUploader } from './upload/uploader.js';
import { ProcessingWatcher } from './processing-watcher.js';

/** @typedef {import('./types.js').User} User */
/** @typedef {import('./types.js').Project} Project */
/** @typedef {import('./types.js').Box} Box */
/** @typedef {import('./types.js').Asset} Asset */
/** @typedef {import('./types.js').AiModel} AiModel */
/** @typedef {import('./router.js').Route} Route */
/** @typedef {ReturnType<typeof gallery>} Gallery */

/**
 * @param {{ user: User, aiModels: AiModel[], onSignOut: () => void, onSignOutEverywhere: () => void }} options
 * @returns {{ elements: HTMLElement[], start: () => Promise<void>, destroy: () => Promise<void> }}
 */
export function workspace({ user, aiModels, onSignOut, onSignOutEverywhere }) {
  /** @type {Project[]} */
  let projects = [];
  /** @type {Box[]} */
  let boxes = [];
  /** @type {number | null} the project whose boxes `boxes` holds */
  let boxesOf = null;
  /** @type {Route} */
  let route = router.current();
  /** @type {{ boxId: number, gallery: Gallery } | null} */
  let shown = null;
  let destroyed = false;

  // ---- uploads: one queue for the whole session, whichever box is on screen
  const queue = new UploadQueue({ upload: createUploader(), concurrency: 3 });
  const queueView = uploadQueueView(queue);
  const panel = uploadPanel({
    aiModels,
    onFiles: (files, fieldsFor) => {
      const box = boxes.find((b) => b.id === route.box);
      if (box) queue.add(files, box.id, box.name, fieldsFor);
    },
  });
  queue.onUploaded((asset) => {
    if (shown?.boxId === asset.box) shown.gallery.add(asset);
    watcher.watch(asset);
    countsChanged();
  });

  const watcher = new ProcessingWatcher((asset) => {
    shown?.gallery.replace(asset);
    box.refresh(asset);
  });

  // ---- actions
  const assets = assetActions({
    changed: (asset) => { shown?.gallery.replace(asset); box.refresh(asset); },
    removed: (ids) => {
      shown?.gallery.remove(ids);
      const open = box.current();
      if (open && ids.includes(open.id)) box.close();
    },
    restored: (asset) => shown?.gallery.restore(asset),
    projects: () => projects,
    countsChanged,
  });
  const nav = sidebar({
    projectHref: (project) => router.href({ ...emptyRoute(), project: project.id }),
    boxHref: (b) => router.href({ ...emptyRoute(), project: b.project, box: b.id }),
    openProject: (project) => go(project.id, null),
    openBox: (b) => go(b.project, b.id),
    ...projectActions({
      projects: () => projects,
      location: () => ({ project: route.project, box: route.box }),
      go,
      refresh,
    }),
  });

  const box = lightbox({
    aiModels,
    boxOptions: async () => {
      const all = (await api.listAllBoxes()).results;
      const projectName = (/** @type {number} */ id) => projects.find((p) => p.id === id)?.name ?? '';
      return all.map((b) => ({ value: String(b.id), label: `${projectName(b.project)} / ${b.name}` }));
    },
    neighbour: async (asset, step) => {
      if (!shown) return null;
      const list = shown.gallery.list();
      const index = list.findIndex((a) => a.id === asset.id);
      if (index < 0) return null;
      if (list[index + step]) return list[index + step];
      if (step === 1 && await shown.gallery.more()) return shown.gallery.list()[index + 1] ?? null;
      return null;
    },
    positionOf: (asset) => {
      const index = shown?.gallery.list().findIndex((a) => a.id === asset.id) ?? -1;
      return index < 0 ? '' : `${index + 1} of ${shown?.gallery.total()}`;
    },
    onShow: (asset) => {
      if ((asset?.id ?? null) !== route.asset) router.navigate({ asset: asset?.id ?? null }, { replace: true });
    },
    onChanged: (asset) => { shown?.gallery.replace(asset); if (asset.box !== shown?.boxId) countsChanged(); },
    onDelete: async (asset) => {
      // The lightbox moves on to the next asset (or the one before) rather than closing under the user.
      const next = (await box.neighbourOf(1)) ?? (await box.neighbourOf(-1));
      if (next) { box.open(next); router.navigate({ asset: next.id }, { replace: true }); }
      assets.removeWithUndo(asset);
    },
    linkOf: (asset) => new URL(router.href({ ...route, project: projectOf(asset.box), box: asset.box, asset: asset.id }), location.href).href,
  });

  // ---- layout
  const navToggle = h('button', { type: 'button', class: 'icon-button nav-toggle', 'aria-controls': 'sidebar', 'aria-expanded': 'false',
    'aria-label': 'Projects and boxes', on: { click: () => setNavOpen(!document.body.classList.contains('nav-open')) } }, icon('menu'));
  const header = h('header', { class: 'topbar' },
    navToggle,
    h('a', { class: 'brand', href: router.href(emptyRoute()), on: { click: (event) => { event.preventDefault(); go(null, null); } } },
      h('span', { class: 'brand-mark', 'aria-hidden': 'true' }), h('span', {}, 'AssetManager')),
    h('div', { class: 'topbar-spacer' }),
    accountMenu({ user, onSignOut, onSignOutEverywhere }));
  const content = h('main', { class: 'content', id: 'content', tabindex: -1 });
  const scrim = h('div', { class: 'scrim', on: { click: () => setNavOpen(false) } });
  const layout = h('div', { class: 'layout' }, nav.element, scrim, content);

  /** @param {boolean} open */
  function setNavOpen(open) {
    document.body.classList.toggle('nav-open', open);
    navToggle.setAttribute('aria-expanded', String(open));
  }
  addEventListener('keydown', onKey);
  /** @param {KeyboardEvent} event */
  function onKey(event) {
    if (event.key === 'Escape' && document.body.classList.contains('nav-open')) { setNavOpen(false); navToggle.focus(); }
  }

  /** @returns {Route} */
  function emptyRoute() {
    return { project: null, box: null, asset: null, filters: { type: '', favorite: false, model: null, order: '-created_at' } };
  }

  /** @param {number} boxId @returns {number | null} */
  const projectOf = (boxId) => boxes.find((b) => b.id === boxId)?.project ?? route.project;

  /** Moves to a project or a box (Back returns). @param {number | null} project @param {number | null} boxId */
  function go(project, boxId) {
    setNavOpen(false);
    const same = project === route.project && boxId === route.box;
    router.navigate({ project, box: boxId, asset: null, ...(same || boxId === null ? {} : { filters: emptyRoute().filters }) });
  }

  /** Reloads projects and the open project's boxes, then draws the sidebar. */
  async function refresh() {
    projects = (await api.listProjects()).results;
    if (route.project && projects.some((p) => p.id === route.project)) {
      boxes = (await api.listBoxes(route.project)).results;
      boxesOf = route.project;
    } else {
      boxes = [];
      boxesOf = null;
    }
    renderNav();
    renderHeading();
  }

  let countsTimer = /** @type {ReturnType<typeof setTimeout> | null} */ (null);
  /** Box and asset counts changed (uploads, deletes): refresh them once things settle. */
  function countsChanged() {
    if (countsTimer) clearTimeout(countsTimer);
    countsTimer = setTimeout(() => { countsTimer = null; if (!destroyed) void refresh().catch(() => {}); }, 600);
  }

  function renderNav() {
    nav.render({ projects, boxes, projectId: route.project, boxId: route.box });
  }

  /** The title above the gallery and the document's title. */
  function renderHeading() {
    const project = projects.find((p) => p.id === route.project);
    const current = boxes.find((b) => b.id === route.box);
    const heading = content.querySelector('[data-heading]');
    if (heading && current) heading.textContent = current.name;
    const crumbs = content.querySelector('[data-crumbs]');
    if (crumbs && project) crumbs.textContent = project.name;
    if (current) panel.setTarget(current.name);
    document.title = [current?.name, project?.name, 'AssetManager'].filter(Boolean).join(' · ');
  }

  /** Makes the screen match the route. @param {Route} next */
  async function apply(next) {
    if (destroyed) return;
    const previous = route;
    route = next;
    try {
      // A deep link to a box alone (or to an asset) finds its project.
      if (route.box && !route.project) {
        const found = await api.getBox(route.box);
        router.navigate({ project: found.project }, { replace: true });
        return;
      }
      if (!route.project && !route.box && projects.length && previous === route) {
        router.navigate({ project: projects[0].id }, { replace: true });
        return;
      }
      if (route.project !== boxesOf) await refresh();
      if (route.project && !projects.some((p) => p.id === route.project)) {
        toast('That project does not exist, or is not yours.', { error: true });
        router.navigate({ project: null, box: null, asset: null }, { replace: true });
        return;
      }
      if (route.box && !boxes.some((b) => b.id === route.box)) {
        toast('That box does not exist, or is not in this project.', { error: true });
        router.navigate({ box: null, asset: null }, { replace: true });
        return;
      }
      renderNav();
      renderContent(previous);
      renderHeading();
      await showAsset();
    } catch (error) {
      if (error instanceof api.ApiError && error.status === 404) {
        toast('That link points to something that no longer exists.', { error: true });
        router.navigate({ project: null, box: null, asset: null }, { replace: true });
      } else if (!(error instanceof api.ApiError && error.status === 401)) {
        toast(error instanceof Error ? error.message : String(error), { error: true });
      }
    }
  }

  /** @param {Route} previous */
  function renderContent(previous) {
    if (!route.box) {
      shown?.gallery.destroy();
      shown = null;
      content.replaceChildren(route.project ? projectHome() : welcome(), queueView.element);
      return;
    }
    if (shown?.boxId === route.box) {
      const f = route.filters;
      const p = previous.filters;
      if (f.type !== p.type || f.favorite !== p.favorite || f.model !== p.model || f.order !== p.order) void shown.gallery.setFilters(f);
      return;
    }
    shown?.gallery.destroy();
    const boxId = route.box;
    const g = gallery({
      boxId, filters: route.filters, aiModels,
      onOpen: (asset) => router.navigate({ asset: asset.id }, { replace: true }),
      onFiltersChange: (change) => router.navigate({ filters: change, asset: null }, { replace: true }),
      onFavorite: assets.favorite,
      onMove: assets.move,
      onDelete: assets.remove,
      onLoaded: (asset) => watcher.watch(asset),
    });
    shown = { boxId, gallery: g };
    content.replaceChildren(
      h('div', { class: 'box-header' },
        h('div', {},
          h('p', { class: 'crumbs muted', 'data-crumbs': '' }),
          h('h1', { class: 'box-title', 'data-heading': '' }))),
      panel.element, queueView.element, g.element);
  }

  /** Opens (or closes) the lightbox as the route says. */
  async function showAsset() {
    if (!route.asset) { box.close(); return; }
    if (box.current()?.id === route.asset) return;
    const id = route.asset;
    const asset = shown?.gallery.list().find((a) => a.id === id) ?? await api.getAsset(id);
    if (route.asset !== id) return;
    if (asset.box !== route.box) { router.navigate({ project: null, box: asset.box, asset: asset.id }, { replace: true }); return; }
    box.open(asset);
  }

  function welcome() {
    return h('section', { class: 'empty hero' },
      icon('folder'),
      h('h1', { class: 'empty-title' }, projects.length ? 'Choose a project' : `Welcome, ${user.username}`),
      h('p', { class: 'muted' }, projects.length
        ? 'Pick a project on the left to see its boxes.'
        : 'Projects hold boxes (one per scene); boxes hold your images and videos. Start by naming a project.'),
      projects.length ? null : h('button', { type: 'button', class: 'button primary', on: { click: () => { setNavOpen(true); nav.focusNewProject(); } } }, icon('plus'), 'New project'));
  }

  function projectHome() {
    const project = projects.find((p) => p.id === route.project);
    return h('section', { class: 'project-home' },
      h('div', { class: 'box-header' }, h('div', {}, h('p', { class: 'crumbs muted' }, 'Project'), h('h1', { class: 'box-title' }, project?.name ?? ''))),
      boxes.length
        ? h('ul', { class: 'box-cards', 'aria-label': 'Boxes' }, boxes.map((b) => h('li', {},
            h('a', { class: 'box-card', href: router.href({ ...emptyRoute(), project: b.project, box: b.id }),
              on: { click: (event) => { event.preventDefault(); go(b.project, b.id); } } },
            icon('box'), h('span', { class: 'box-card-name' }, b.name), h('span', { class: 'muted' }, format.plural(b.asset_count, 'asset'))))))
        : h('div', { class: 'empty' }, icon('box'), h('p', { class: 'empty-title' }, 'No boxes yet'),
            h('p', { class: 'muted' }, 'A box holds the images and videos of one scene.'),
            h('button', { type: 'button', class: 'button primary', on: { click: () => { setNavOpen(true); nav.focusNewBox(); } } }, icon('plus'), 'New box')));
  }

  return {
    elements: [header, layout, box.element],
    async start() {
      await refresh();
      router.subscribe((next) => void apply(next));
      await apply(route);
    },
    async destroy() {
      destroyed = true;
      if (countsTimer) clearTimeout(countsTimer);
      removeEventListener('keydown', onKey);
      queue.cancelAll();
      queueView.destroy();
      watcher.stop();
      shown?.gallery.destroy();
      box.close();
      setNavOpen(false);
      await assets.flush();
    },
  };
}
