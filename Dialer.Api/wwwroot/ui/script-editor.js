// The builder's script editor: the script's sections and the fields agents fill in (two list editors the campaign form
// reads and fills like its other controls, through getValue/setValue), and a preview merged by the server with the
// campaign's first contact, where a field nobody knows is marked.
import { api, el } from './app.js';

/** Every word the script editor shows, in one place (for a translation). */
export const TEXT = {
  sections: 'Script sections',
  sectionsHint: 'Agents jump between sections by their titles. Merge fields: {{first_name}}, {{last_name}}, {{name}}, ' +
    '{{phone}}, {{agent.name}}, {{campaign.name}} and any column of the contact list, such as {{plan}}.',
  sectionTitle: 'Section title',
  sectionText: 'Section text',
  addSection: 'Add section',
  fields: 'Fields agents fill in',
  fieldsHint: 'Saved with the disposition and exported with the results (column field_<key>).',
  key: 'Key',
  label: 'Label',
  kind: 'Kind',
  kinds: { text: 'Text', choice: 'Choice', yesNo: 'Yes / no', number: 'Number' },
  required: 'Required',
  choices: 'Options (one per line)',
  maxLength: 'Longest text',
  min: 'Lowest',
  max: 'Highest',
  addField: 'Add field',
  remove: 'Remove',
  preview: 'Preview script',
  previewTitle: 'Preview',
  sample: { 'first contact': 'Filled in from the campaign’s first contact.', 'sample contact': 'Filled in from a sample contact (no list uploaded yet).' },
  unknown: 'Unknown field: empty for the agent',
  unknownList: 'Unknown fields (agents see them empty): ',
  screenPop: 'Screen pop: ',
  opening: 'Opening',
};

const kinds = Object.keys(TEXT.kinds);

/** A list editor: rows drawn by `row(item, index)`, read back by `readRow(node)`. */
function listEditor({ id, title, hint, addLabel, blank, row, readRow }) {
  const rows = el('ol', { class: 'list-editor', id: `${id}-rows` });
  const node = el('div', { class: 'field wide', 'data-field': id, 'data-name': id, 'data-type': 'custom', id },
    el('span', { class: 'label', id: `${id}-label` }, title), el('span', { class: 'hint' }, hint), rows,
    el('p', {}, el('button', { type: 'button', id: `${id}-add`, onclick: () => { add(blank()); rows.lastElementChild?.querySelector('input, textarea')?.focus(); } }, addLabel)));
  function add(item) {
    const index = rows.children.length;
    const li = el('li', { class: 'list-row' }, row(item, index),
      el('button', { type: 'button', class: 'small', onclick: () => { li.remove(); renumber(); } }, TEXT.remove));
    rows.append(li);
  }
  // error keys name rows by index (scriptSections[1].title): keep each row's data-field in step with its place
  function renumber() {
    [...rows.children].forEach((li, i) => li.querySelectorAll('[data-field]').forEach(f => {
      f.dataset.field = f.dataset.field.replace(/\[\d+\]/, `[${i}]`);
    }));
  }
  node.setValue = items => { rows.replaceChildren(); (items ?? []).forEach(add); };
  node.getValue = () => [...rows.children].map(readRow);
  return node;
}

const cell = (path, label, control) => el('div', { class: 'field', 'data-field': path }, el('label', {}, label, control));

export function sectionsEditor() {
  return listEditor({
    id: 'scriptSections', title: TEXT.sections, hint: TEXT.sectionsHint, addLabel: TEXT.addSection,
    blank: () => ({ title: '', text: '' }),
    row: (s, i) => el('div', { class: 'grid' },
      cell(`scriptSections[${i}].title`, TEXT.sectionTitle, el('input', { class: 'section-title', maxlength: 100, value: s.title ?? '' })),
      el('div', { class: 'field wide', 'data-field': `scriptSections[${i}].text` },
        el('label', {}, TEXT.sectionText, el('textarea', { class: 'section-text', rows: 4, text: s.text ?? '' })))),
    readRow: li => ({ title: li.querySelector('.section-title').value.trim(), text: li.querySelector('.section-text').value }),
  });
}

export function fieldsEditor() {
  return listEditor({
    id: 'scriptFields', title: TEXT.fields, hint: TEXT.fieldsHint, addLabel: TEXT.addField,
    blank: () => ({ key: '', label: '', kind: 'text', required: false, choices: [], maxLength: 500 }),
    row: (f, i) => {
      const kind = el('select', { class: 'field-kind' }, kinds.map(k => el('option', { value: k, selected: f.kind === k }, TEXT.kinds[k])));
      const at = `scriptFields[${i}]`;
      const grid = el('div', { class: 'grid' },
        cell(`${at}.key`, TEXT.key, el('input', { class: 'field-key', maxlength: 40, value: f.key ?? '', placeholder: 'interest' })),
        cell(`${at}.label`, TEXT.label, el('input', { class: 'field-label', maxlength: 100, value: f.label ?? '' })),
        cell(`${at}.kind`, TEXT.kind, kind),
        el('div', { class: 'field' }, el('label', {}, el('input', { type: 'checkbox', class: 'field-required', checked: !!f.required }), ' ', TEXT.required)),
        cell(`${at}.choices`, TEXT.choices, el('textarea', { class: 'field-choices', rows: 3, text: (f.choices ?? []).join('\n') })),
        cell(`${at}.maxLength`, TEXT.maxLength, el('input', { class: 'field-maxLength', type: 'number', min: 1, max: 2000, value: f.maxLength ?? 500 })),
        cell(`${at}.min`, TEXT.min, el('input', { class: 'field-min', type: 'number', step: 'any', value: f.min ?? '' })),
        cell(`${at}.max`, TEXT.max, el('input', { class: 'field-max', type: 'number', step: 'any', value: f.max ?? '' })));
      const shown = () => {
        grid.querySelector('.field-choices').closest('.field').hidden = kind.value !== 'choice';
        grid.querySelector('.field-maxLength').closest('.field').hidden = kind.value !== 'text';
        grid.querySelectorAll('.field-min, .field-max').forEach(i => { i.closest('.field').hidden = kind.value !== 'number'; });
      };
      kind.addEventListener('change', shown);
      shown();
      return grid;
    },
    readRow: li => {
      const v = c => li.querySelector(c).value.trim();
      const number = c => v(c) === '' ? null : Number(v(c));
      const kind = v('.field-kind');
      return {
        key: v('.field-key'), label: v('.field-label'), kind, required: li.querySelector('.field-required').checked,
        choices: kind === 'choice' ? v('.field-choices').split(/\r?\n/).map(s => s.trim()).filter(Boolean) : [],
        maxLength: number('.field-maxLength') ?? 500, min: kind === 'number' ? number('.field-min') : null,
        max: kind === 'number' ? number('.field-max') : null,
      };
    },
  });
}

/** The preview: the script being edited, merged by the server; unknown fields marked, values shown as text. */
export function scriptPreview(campaignId, readScript) {
  const out = el('div', { class: 'script-preview', id: 'script-preview', 'aria-live': 'polite' });
  const button = el('button', { type: 'button', id: 'preview-script', onclick: show }, TEXT.preview);
  async function show() {
    const id = campaignId();
    try {
      const preview = await api(id ? `/api/campaigns/${id}/script-preview` : '/api/campaigns/script-preview', { method: 'POST', body: readScript() });
      out.replaceChildren(render(preview));
    } catch (err) {
      const messages = Object.entries(err.errors ?? {}).map(([k, m]) => `${k}: ${m.join(' ')}`);
      out.replaceChildren(el('p', { class: 'field-error', role: 'alert' }, messages.join(' ') || err.message));
    }
  }
  return el('div', { class: 'field wide' }, el('p', {}, button), out);
}

function render(preview) {
  const part = p => p.field == null ? p.text
    : p.known ? el('span', { class: 'merged', title: `{{${p.field}}}` }, p.text)
      : el('mark', { class: 'unknown-field', title: TEXT.unknown }, `{{${p.field}}}`);
  return el('section', { class: 'card', 'aria-labelledby': 'preview-title' },
    el('h3', { id: 'preview-title' }, TEXT.previewTitle),
    el('p', { class: 'muted' }, TEXT.sample[preview.sample] ?? ''),
    preview.unknownFields.length ? el('p', { class: 'alert warn', id: 'unknown-fields' }, TEXT.unknownList, preview.unknownFields.join(', ')) : null,
    preview.sections.map((s, i) => el('div', { class: 'preview-section' },
      el('h4', {}, s.title || (i === 0 ? TEXT.opening : '')), el('p', { class: 'preview-text' }, s.parts.map(part)))),
    preview.screenPopUrl ? el('p', {}, TEXT.screenPop, el('code', { id: 'preview-screen-pop' }, preview.screenPopUrl)) : null);
}
