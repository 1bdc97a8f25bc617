// "New project" and "New model": a form folded into a <details> (keyboard-operable, out of the way
// until asked for); on success the console opens what was made, a refusal shows its problem code.

import { call, projectPath } from '../api.js';
import { h, report, route } from '../dom.js';

function field(id, label, control) {
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

export function newProject(navigate) {
  const notice = h('div', { 'aria-live': 'polite' });
  const name = h('input', { id: 'new-project-name', required: true });
  const description = h('input', { id: 'new-project-description' });
  return h('details', { class: 'create', id: 'new-project' }, h('summary', {}, 'New project'),
    h('form', {
      class: 'filters',
      onsubmit: (event) => {
        event.preventDefault();
        report(notice, async () => {
          await call('POST', '/api/v1/projects', { body: { name: name.value.trim(), description: description.value.trim() || null } });
          navigate(route('p', name.value.trim(), 'models'));
        });
      },
    }, field('new-project-name', 'Name', name), field('new-project-description', 'Description', description),
    h('button', { type: 'submit' }, 'Create project')), notice);
}

export function newModel(project, navigate) {
  const notice = h('div', { 'aria-live': 'polite' });
  const name = h('input', { id: 'new-model-name', required: true });
  const variants = h('input', { id: 'new-model-variants', placeholder: 'default' });
  const description = h('input', { id: 'new-model-description' });
  return h('details', { class: 'create', id: 'new-model' }, h('summary', {}, 'New model'),
    h('form', {
      class: 'filters',
      onsubmit: (event) => {
        event.preventDefault();
        const named = variants.value.split(',').map((v) => v.trim()).filter(Boolean);
        const body = { name: name.value.trim() };
        if (named.length) body.variants = named;
        if (description.value.trim()) body.description = description.value.trim();
        report(notice, async () => {
          await call('POST', projectPath(project, 'models'), { body });
          navigate(route('p', project, 'm', body.name));
        });
      },
    }, field('new-model-name', 'Name', name),
    field('new-model-variants', 'Variants (comma-separated)', variants),
    field('new-model-description', 'Description', description),
    h('button', { type: 'submit' }, 'Create model')), notice);
}
