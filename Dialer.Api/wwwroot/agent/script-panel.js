// The campaign's script during a call: its sections (merged by the server with the customer's fields, and shown as
// text, never as HTML) with a table of contents to jump between them, the fields the agent fills in for the
// disposition, and the CRM screen pop (a new tab, or embedded when the campaign says so).
import { el } from '/ui/app.js';

/** Every word this part of the console shows, in one place (for a translation). */
export const TEXT = {
  script: 'Script',
  contents: 'Jump to',
  opening: 'Opening',
  fields: 'For the record',
  required: 'required',
  requiredHint: 'Required unless the customer asks not to be called or it is a wrong number.',
  yes: 'Yes',
  no: 'No',
  choose: 'Choose…',
  crm: 'Customer record',
  openCrm: 'Open the customer record',
};

/** The script's sections with their table of contents; null when the campaign has none. */
export function scriptPanel(script, { id = 'script' } = {}) {
  const sections = script?.sections ?? [];
  if (sections.length === 0) return null;
  const anchor = i => `${id}-section-${i + 1}`;
  const titleOf = (s, i) => s.title || (i === 0 ? TEXT.opening : `${TEXT.script} ${i + 1}`);
  const jump = (e, i) => {
    e.preventDefault();
    const target = document.getElementById(anchor(i));
    target?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    target?.focus({ preventScroll: true });
  };
  const contents = sections.length < 2 ? null : el('nav', { class: 'script-toc', 'aria-label': TEXT.contents },
    el('span', { class: 'muted' }, `${TEXT.contents}:`), ' ',
    el('ol', {}, sections.map((s, i) => el('li', {},
      el('a', { href: `#${anchor(i)}`, onclick: e => jump(e, i) }, titleOf(s, i))))));
  return el('details', { class: 'script', open: true, id },
    el('summary', {}, TEXT.script), contents,
    sections.map((s, i) => el('section', { class: 'script-section', id: anchor(i), tabindex: -1,
      'aria-label': titleOf(s, i) },
    s.title ? el('h3', {}, s.title) : null,
    el('p', {}, s.text))));
}

const fieldId = key => `script-field-${key}`;

// what the agent typed, per call: the panel is drawn again when the call ends, and the answers must survive it
const drafts = new Map();

/** The fields to fill in, inside the disposition form; null when there are none. */
export function scriptFields(fields, attemptId) {
  if (!fields?.length) return null;
  const set = el('fieldset', { class: 'script-fields', id: 'script-fields' },
    el('legend', {}, TEXT.fields),
    fields.some(f => f.required) ? el('p', { class: 'muted small' }, TEXT.requiredHint) : null,
    fields.map(f => el('div', { class: 'field', 'data-script-field': f.key },
      f.kind === 'yesNo' ? null : el('label', { for: fieldId(f.key) }, f.label, f.required ? requiredMark() : null),
      control(f))));
  restore(set, fields, drafts.get(attemptId) ?? {});
  const keep = () => drafts.set(attemptId, readFields(set, fields));
  set.addEventListener('input', keep);
  set.addEventListener('change', keep);
  return set;
}

function restore(root, fields, answers) {
  for (const f of fields) {
    if (!(f.key in answers)) continue;
    if (f.kind === 'yesNo') {
      const radio = root.querySelector(`input[name="${fieldId(f.key)}"][value="${answers[f.key]}"]`);
      if (radio) radio.checked = true;
    } else {
      const input = root.querySelector(`[name="${fieldId(f.key)}"]`);
      if (input) input.value = String(answers[f.key]);
    }
  }
}

const requiredMark = () => el('span', { class: 'muted' }, ` (${TEXT.required})`);

// no `required` attribute: the browser would then refuse a do-not-call disposition with the field empty
function control(f) {
  const common = { id: fieldId(f.key), name: fieldId(f.key), 'aria-required': f.required ? 'true' : null };
  switch (f.kind) {
    case 'choice':
      return el('select', common, el('option', { value: '' }, TEXT.choose), f.choices.map(c => el('option', { value: c }, c)));
    case 'yesNo':
      return el('fieldset', { class: 'yes-no', id: fieldId(f.key), role: 'radiogroup' },
        el('legend', {}, f.label, f.required ? requiredMark() : null),
        [['true', TEXT.yes], ['false', TEXT.no]].map(([value, label]) => el('label', {},
          el('input', { type: 'radio', name: fieldId(f.key), value }), ' ', label)));
    case 'number':
      return el('input', { ...common, type: 'number', step: 'any', min: f.min ?? null, max: f.max ?? null });
    default:
      return f.maxLength > 200
        ? el('textarea', { ...common, maxlength: f.maxLength, rows: 2 })
        : el('input', { ...common, type: 'text', maxlength: f.maxLength, autocomplete: 'off' });
  }
}

/** What the agent filled in, by key; empty fields are left out. */
export function readFields(form, fields) {
  const answers = {};
  for (const f of fields ?? []) {
    if (f.kind === 'yesNo') {
      const picked = form.querySelector(`input[name="${fieldId(f.key)}"]:checked`);
      if (picked) answers[f.key] = picked.value === 'true';
      continue;
    }
    const value = form.querySelector(`[name="${fieldId(f.key)}"]`)?.value.trim() ?? '';
    if (value !== '') answers[f.key] = f.kind === 'number' ? Number(value) : value;
  }
  return answers;
}

const opened = new Set();

/**
 * The CRM page for the customer: embedded, or a link that opens it in a new tab (opened by itself once per call, when
 * the call connects). Only https pages: the server checked the template, this checks the merged URL again.
 */
export function screenPop(pop, { attemptId, connected }) {
  if (!pop?.url || !/^https:\/\//i.test(pop.url)) return null;
  if (pop.embed) {
    return el('section', { class: 'screen-pop', 'aria-label': TEXT.crm },
      el('iframe', { src: pop.url, title: TEXT.crm, referrerpolicy: 'no-referrer',
        sandbox: 'allow-scripts allow-forms allow-same-origin allow-popups' }));
  }
  if (connected && !opened.has(attemptId)) {
    opened.add(attemptId);
    window.open(pop.url, '_blank', 'noopener,noreferrer'); // a blocked pop-up leaves the link below
  }
  return el('p', { class: 'screen-pop' },
    el('a', { href: pop.url, target: '_blank', rel: 'noopener noreferrer', id: 'screen-pop-link' }, TEXT.openCrm));
}
