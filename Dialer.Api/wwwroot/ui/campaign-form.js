// The campaign form <-> the API's settings shape. Each control is named by its JSON path (callingWindow.end),
// the same path the API's validation errors are keyed by, so an error lands beside its field.
import { el, t, tn } from './app.js';

const controls = form => [...form.querySelectorAll('[name], [data-name]')].filter(c => c.dataset.type);
const pathOf = c => c.getAttribute('name') ?? c.dataset.name;

function get(obj, path) { return path.split('.').reduce((o, k) => o?.[k], obj); }
function set(obj, path, value) {
  const keys = path.split('.'), last = keys.pop();
  const target = keys.reduce((o, k) => (o[k] ??= {}), obj);
  if (value !== undefined) target[last] = value;
}

const pad = n => String(n).padStart(2, '0');
function toLocalInput(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

// "no-sale: never", "busy-signal: 30 min x 2"; a line that is neither goes as a rule the API refuses, naming it
const ruleText = r => `${r.disposition}: ${r.retry === 'never' ? 'never' : `${r.delayMinutes} min x ${r.maxRetries}`}`;
function parseRule(line) {
  const at = line.lastIndexOf(':');
  const disposition = (at < 0 ? line : line.slice(0, at)).trim(), rule = at < 0 ? '' : line.slice(at + 1).trim();
  if (/^never$/i.test(rule)) return { disposition, retry: 'never' };
  const m = /^(\d+)\s*min\w*\s*x\s*(\d+)$/i.exec(rule);
  return { disposition, retry: 'after', delayMinutes: m ? Number(m[1]) : 0, maxRetries: m ? Number(m[2]) : 0 };
}

export function fill(form, settings) {
  for (const c of controls(form)) {
    const value = get(settings, pathOf(c));
    switch (c.dataset.type) {
      case 'bool': c.checked = !!value; break;
      case 'days': for (const box of c.querySelectorAll('input')) box.checked = (value ?? []).includes(box.value); break;
      case 'lines': c.value = (value ?? []).join('\n'); break;
      case 'dispositionRules': c.value = (value ?? []).map(ruleText).join('\n'); break;
      case 'time': c.value = (value ?? '').slice(0, 5); break;
      case 'datetime': c.value = toLocalInput(value); break;
      case 'percent': c.value = value == null ? '' : +(value * 100).toFixed(3); break;
      case 'custom': c.setValue(value); break; // an editor of its own (the script's sections and fields)
      default: c.value = value ?? '';
    }
  }
}

export function read(form) {
  const settings = {};
  for (const c of controls(form)) {
    const v = c.value?.trim?.() ?? '';
    let value;
    switch (c.dataset.type) {
      case 'bool': value = c.checked; break;
      case 'days': value = [...c.querySelectorAll('input:checked')].map(b => b.value); break;
      case 'lines': value = v.split(/\r?\n|,/).map(s => s.trim()).filter(Boolean); break;
      case 'dispositionRules': value = v.split(/\r?\n/).map(s => s.trim()).filter(Boolean).map(parseRule); break;
      case 'time': value = v ? `${v}:00`.slice(0, 8) : undefined; break;
      case 'datetime': value = v ? new Date(v).toISOString() : null; break;
      case 'percent': value = v === '' ? undefined : +(Number(v) / 100).toFixed(6); break;
      case 'number': value = v === '' ? ('null' in c.dataset ? null : undefined) : Number(v); break;
      case 'custom': value = c.getValue(); break;
      default: value = v === '' && 'null' in c.dataset ? null : v;
    }
    set(settings, pathOf(c), value);
  }
  return settings;
}

export function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach(e => e.remove());
  form.querySelectorAll('.invalid').forEach(f => f.classList.remove('invalid'));
  form.querySelectorAll('[aria-invalid]').forEach(c => { c.removeAttribute('aria-invalid'); c.removeAttribute('aria-describedby'); });
  form.querySelector('#form-errors').replaceChildren();
}

/** Puts each message beside the field its key names (or the nearest field under it); the rest go on top. */
export function showErrors(form, errors) {
  clearErrors(form);
  const summary = [];
  for (const [key, messages] of Object.entries(errors)) {
    const field = form.querySelector(`[data-field="${CSS.escape(key)}"]`) ?? form.querySelector(`[data-field^="${CSS.escape(key)}."]`)
      ?? form.querySelector(`[data-field="${CSS.escape(key.replace(/\[.*$/, ''))}"]`); // a list's item: the list's field
    const text = messages.join(' ');
    if (!field) { summary.push(el('li', {}, `${key || t('campaignEdit.errors.theCampaign')}: ${text}`)); continue; }
    const id = `error-${key.replaceAll('.', '-') || 'form'}`;
    field.classList.add('invalid');
    field.append(el('p', { class: 'field-error', id }, text));
    const control = field.querySelector('input, select, textarea');
    control?.setAttribute('aria-invalid', 'true');
    control?.setAttribute('aria-describedby', id);
    const label = field.querySelector('label, .label')?.textContent ?? control?.getAttribute('aria-label') ?? key;
    summary.push(el('li', {}, el('a', { href: `#${control?.id || id}`, onclick: e => { e.preventDefault(); control?.focus(); } }, `${label.trim()}: ${text}`)));
  }
  const box = form.querySelector('#form-errors');
  box.replaceChildren(el('div', { class: 'alert error', role: 'alert' },
    tn('campaignEdit.errors.fix', summary.length), el('ul', {}, summary)));
  form.querySelector('.invalid input, .invalid select, .invalid textarea')?.focus();
}
