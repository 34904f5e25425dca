// Projects and their boxes: list, create, rename, move a box, delete. Links carry the route, so a project or a
// box can be opened in a new tab; a click moves without reloading.
import { h, icon, uniqueId } from '../dom.js';
import * as api from '../api.js';
import { menuButton } from './menu-button.js';

/** @typedef {import('../types.js').Project} Project */
/** @typedef {import('../types.js').Box} Box */

/**
 * @typedef {object} SidebarActions
 * @property {(project: Project) => string} projectHref
 * @property {(box: Box) => string} boxHref
 * @property {(project: Project) => void} openProject
 * @property {(box: Box) => void} openBox
 * @property {(name: string) => Promise<void>} createProject throws ApiError on a bad name
 * @property {(name: string) => Promise<void>} createBox
 * @property {(project: Project) => void} renameProject
 * @property {(project: Project) => void} deleteProject
 * @property {(box: Box) => void} renameBox
 * @property {(box: Box) => void} moveBox
 * @property {(box: Box) => void} deleteBox
 */

/** @param {SidebarActions} actions */
export function sidebar(actions) {
  const projectList = h('ul', { class: 'nav-list', 'aria-label': 'Projects' });
  const boxList = h('ul', { class: 'nav-list', 'aria-label': 'Boxes' });
  const boxesHeading = h('h2', { class: 'nav-heading' }, 'Boxes');
  const projectForm = createForm('New project', 'Add project', actions.createProject);
  const boxForm = createForm('New box (scene)', 'Add box', actions.createBox);
  const boxesSection = h('section', { class: 'nav-section', 'aria-label': 'Boxes' }, boxesHeading, boxList, boxForm.element);
  const element = h('nav', { class: 'sidebar', id: 'sidebar', 'aria-label': 'Projects and boxes' },
    h('section', { class: 'nav-section', 'aria-label': 'Projects' }, h('h2', { class: 'nav-heading' }, 'Projects'), projectList, projectForm.element),
    boxesSection);

  /**
   * @param {{ projects: Project[], boxes: Box[], projectId: number | null, boxId: number | null }} data
   */
  function render({ projects, boxes, projectId, boxId }) {
    projectList.replaceChildren(...projects.map((project) => item({
      href: actions.projectHref(project), label: project.name, count: project.box_count, countLabel: 'boxes',
      current: project.id === projectId && !boxId ? 'page' : project.id === projectId ? 'true' : null,
      iconName: 'folder', open: () => actions.openProject(project),
      menu: [['Rename', () => actions.renameProject(project)], ['Delete', () => actions.deleteProject(project)]],
    })));
    if (!projects.length) projectList.append(h('li', { class: 'nav-empty muted' }, 'No projects yet: name your first one below.'));
    const project = projects.find((p) => p.id === projectId);
    boxesSection.hidden = !project;
    boxesHeading.textContent = project ? `Boxes in ${project.name}` : 'Boxes';
    boxList.replaceChildren(...boxes.map((box) => item({
      href: actions.boxHref(box), label: box.name, count: box.asset_count, countLabel: 'assets',
      current: box.id === boxId ? 'page' : null, iconName: 'box', open: () => actions.openBox(box),
      menu: [['Rename', () => actions.renameBox(box)], ['Move to project…', () => actions.moveBox(box)], ['Delete', () => actions.deleteBox(box)]],
    })));
    if (project && !boxes.length) boxList.append(h('li', { class: 'nav-empty muted' }, 'No boxes yet: add one for a scene.'));
  }

  return { element, render, focusNewProject: () => projectForm.input.focus(), focusNewBox: () => boxForm.input.focus() };
}

/**
 * @param {{ href: string, label: string, count: number, countLabel: string, current: string | null, iconName: string,
 *           open: () => void, menu: [string, () => void][] }} options
 */
function item({ href, label, count, countLabel, current, iconName, open, menu }) {
  const link = h('a', { href, class: 'nav-link', 'aria-current': current ?? undefined,
    on: { click: (event) => {
      const mouse = /** @type {MouseEvent} */ (event);
      if (mouse.ctrlKey || mouse.metaKey || mouse.shiftKey || mouse.button !== 0) return;
      event.preventDefault();
      open();
    } } },
  icon(iconName), h('span', { class: 'nav-label' }, label), h('span', { class: 'nav-count', 'aria-label': `${count} ${countLabel}` }, count));
  return h('li', { class: `nav-item${current ? ' is-current' : ''}` }, link, menuButton({ label: `Actions for ${label}`, entries: menu }));
}

/**
 * An inline "add" form whose server-side errors (a name too long...) show under it.
 * @param {string} placeholder @param {string} buttonLabel @param {(name: string) => Promise<void>} create
 */
function createForm(placeholder, buttonLabel, create) {
  const inputId = uniqueId('create');
  const error = h('p', { class: 'field-error', id: `${inputId}-error`, role: 'alert' });
  const input = h('input', { id: inputId, name: 'name', placeholder, autocomplete: 'off', 'aria-label': placeholder, 'aria-describedby': error.id });
  const button = h('button', { type: 'submit', class: 'icon-button', 'aria-label': buttonLabel, title: buttonLabel }, icon('plus'));
  const element = h('form', { class: 'create-form', novalidate: true,
    on: { submit: async (event) => {
      event.preventDefault();
      error.textContent = '';
      input.removeAttribute('aria-invalid');
      if (!input.value.trim()) { error.textContent = 'Enter a name.'; input.focus(); return; }
      button.disabled = true;
      try {
        await create(input.value.trim());
        input.value = '';
      } catch (failure) {
        error.textContent = failure instanceof api.ApiError && failure.fieldMessages('name').length
          ? failure.fieldMessages('name').join(' ')
          : failure instanceof Error ? failure.message : String(failure);
        input.setAttribute('aria-invalid', 'true');
        input.focus();
      } finally {
        button.disabled = false;
      }
    } } },
  input, button, error);
  return { element, input };
}
