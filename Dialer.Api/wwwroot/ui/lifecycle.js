// What a campaign's status allows, and doing it: start (after the pre-launch check), pause, resume, stop, clone, delete.
import { api, el, t } from './app.js';

const ALLOWED = {
  draft: ['start', 'clone', 'delete'],
  scheduled: ['stop', 'clone'],
  running: ['pause', 'stop', 'clone'],
  paused: ['resume', 'stop', 'clone'],
  stopped: ['start', 'clone'],
  completed: ['clone'],
};
const label = action => t(`lifecycle.action.${action}`);

export const actionsFor = status => ALLOWED[status] ?? [];

/** A modal question; resolves true when the person confirms. */
export function confirmDialog(title, lines, confirmLabel, { danger = false } = {}) {
  return new Promise(resolve => {
    const titleId = 'dialog-title-' + Math.random().toString(36).slice(2);
    const dialog = el('dialog', { 'aria-labelledby': titleId },
      el('h2', { id: titleId }, title),
      lines.length ? el('ul', { class: 'problems' }, lines.map(l => el('li', {}, l))) : null,
      el('div', { class: 'row' },
        el('button', { type: 'button', class: danger ? 'danger' : 'primary', value: 'yes', onclick: () => close(true) }, confirmLabel),
        el('button', { type: 'button', value: 'no', onclick: () => close(false) }, t('ui.cancel'))));
    const close = answer => { dialog.close(); dialog.remove(); resolve(answer); };
    dialog.addEventListener('cancel', e => { e.preventDefault(); close(false); });
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** Runs an action; returns the campaign afterwards (or the clone), null when the person cancelled. */
export async function runAction(id, action, name) {
  switch (action) {
    case 'start': {
      const check = await api(`/api/campaigns/${id}/prelaunch`);
      if (check.problems.length && !await confirmDialog(t('lifecycle.launch.title', { name }), check.problems, t('lifecycle.launch.confirm')))
        return null;
      return api(`/api/campaigns/${id}/start`, { method: 'POST' });
    }
    case 'stop':
      if (!await confirmDialog(t('lifecycle.stop.title', { name }), [t('lifecycle.stop.text')], t('lifecycle.stop.confirm'), { danger: true })) return null;
      return api(`/api/campaigns/${id}/stop`, { method: 'POST' });
    case 'delete':
      if (!await confirmDialog(t('lifecycle.delete.title', { name }), [t('lifecycle.delete.text')], t('lifecycle.delete.confirm'), { danger: true })) return null;
      await api(`/api/campaigns/${id}`, { method: 'DELETE' });
      return { deleted: true };
    case 'clone':
      return api(`/api/campaigns/${id}/clone`, { method: 'POST' });
    default:
      return api(`/api/campaigns/${id}/${action}`, { method: 'POST' });
  }
}

/** One button per allowed action; onDone gets the action and its result. */
export function actionButtons(campaign, onDone, onError) {
  return actionsFor(campaign.status).map(action => el('button', {
    type: 'button', class: `small${action === 'start' ? ' primary' : ''}${action === 'delete' ? ' danger' : ''}`,
    'aria-label': `${label(action)} ${campaign.name}`, 'data-action': action,
    onclick: async e => {
      e.currentTarget.disabled = true;
      try { const result = await runAction(campaign.id, action, campaign.name); if (result) onDone(action, result); }
      catch (err) { onError(err); }
      finally { e.target.disabled = false; }
    },
  }, label(action)));
}
