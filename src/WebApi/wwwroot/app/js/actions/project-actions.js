// What the sidebar's menus do to projects and boxes: rename, move, delete (after saying what goes with them).
import * as api from '../api.js';
import * as format from '../format.js';
import { confirm, formDialog } from '../components/dialogs.js';
import { toast } from '../components/toasts.js';
import { h } from '../dom.js';

/** @typedef {import('../types.js').Project} Project */
/** @typedef {import('../types.js').Box} Box */

/**
 * @typedef {object} ProjectContext
 * @property {() => Project[]} projects
 * @property {() => { project: number | null, box: number | null }} location
 * @property {(project: number | null, box: number | null) => void} go
 * @property {() => Promise<void>} refresh reloads projects and boxes
 */

/** @param {ProjectContext} context */
export function projectActions(context) {
  /** @param {unknown} error */
  const fail = (error) => toast(error instanceof Error ? error.message : String(error), { error: true });

  return {
    /** @param {string} name */
    async createProject(name) {
      const project = await api.createProject(name);
      await context.refresh();
      context.go(project.id, null);
    },

    /** @param {string} name */
    async createBox(name) {
      const { project } = context.location();
      if (!project) return;
      const box = await api.createBox(project, name);
      await context.refresh();
      context.go(project, box.id);
    },

    /** @param {Project} project */
    async renameProject(project) {
      const saved = await formDialog({
        title: 'Rename project', submitLabel: 'Rename', fields: [{ name: 'name', label: 'Name', value: project.name }],
        submit: (values) => api.updateProject(project.id, { name: values.name.trim() }),
      });
      if (saved) await context.refresh();
    },

    /** @param {Box} box */
    async renameBox(box) {
      const saved = await formDialog({
        title: 'Rename box', submitLabel: 'Rename', fields: [{ name: 'name', label: 'Name', value: box.name }],
        submit: (values) => api.updateBox(box.id, { name: values.name.trim() }),
      });
      if (saved) await context.refresh();
    },

    /** @param {Box} box */
    async moveBox(box) {
      const others = context.projects().filter((p) => p.id !== box.project);
      if (!others.length) { toast('Create another project first: a box moves between projects.'); return; }
      const moved = await formDialog({
        title: `Move “${box.name}”`, submitLabel: 'Move',
        fields: [{ name: 'project', label: 'To project', value: String(others[0].id), options: others.map((p) => ({ value: String(p.id), label: p.name })) }],
        submit: (values) => api.updateBox(box.id, { project: Number(values.project) }),
      });
      if (!moved) return;
      await context.refresh();
      const target = context.projects().find((p) => p.id === moved.project);
      toast(`Moved “${box.name}” to ${target?.name ?? 'the other project'}`);
      if (context.location().box === box.id) context.go(moved.project, box.id);
    },

    /** @param {Project} project */
    async deleteProject(project) {
      let assets = 0;
      try {
        const boxes = await api.listBoxes(project.id);
        assets = boxes.results.reduce((sum, box) => sum + box.asset_count, 0);
      } catch (error) { fail(error); return; }
      const sure = await confirm({
        title: `Delete “${project.name}”?`,
        message: h('p', {}, 'This deletes ', h('strong', {}, format.plural(project.box_count, 'box', 'boxes')), ' and ',
          h('strong', {}, format.plural(assets, 'asset')), ' with their files. It cannot be undone.'),
        confirmLabel: 'Delete project',
      });
      if (!sure) return;
      try {
        await api.deleteProject(project.id);
      } catch (error) { fail(error); return; }
      toast(`Deleted “${project.name}”`);
      if (context.location().project === project.id) context.go(null, null);
      await context.refresh();
    },

    /** @param {Box} box */
    async deleteBox(box) {
      const sure = await confirm({
        title: `Delete “${box.name}”?`,
        message: h('p', {}, 'This deletes ', h('strong', {}, format.plural(box.asset_count, 'asset')), ' with their files. It cannot be undone.'),
        confirmLabel: 'Delete box',
      });
      if (!sure) return;
      try {
        await api.deleteBox(box.id);
      } catch (error) { fail(error); return; }
      toast(`Deleted “${box.name}”`);
      if (context.location().box === box.id) context.go(box.project, null);
      await context.refresh();
    },
  };
}
