// Preview mode: the next contact is held for this agent for a while; they dial it or skip it.
import { api, el } from '/ui/app.js';
import { contactCard } from './contact-card.js';
import { scriptPanel } from './script-panel.js';

const CHECK_AGAIN_SECONDS = 10;
const holdTotals = new Map(); // contactId -> seconds the hold lasted when it arrived, for the meter

/** Takes (or gets back) the contact held for this agent; null when none is callable now. */
export async function claimNext() {
  const card = await api('/api/agent-console/preview', { method: 'POST' });
  if (card && !holdTotals.has(card.contactId))
    holdTotals.set(card.contactId, Math.max(1, Math.round((Date.parse(card.heldUntil) - Date.now()) / 1000)));
  return card;
}

/** What the console says when a claim or skip is refused; past the hourly skip cap, when the next card comes. */
export function refusalMessage(err) {
  const at = err?.status === 429 ? err.problem?.skipAgainAt : null;
  if (!at) return err.message;
  const when = new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return `You passed over the most contacts allowed in an hour. The next one comes at ${when}.`;
}

export const secondsLeft = card => Math.max(0, Math.round((Date.parse(card.heldUntil) - Date.now()) / 1000));
const mmss = s => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

/** The left column: who is next. */
export const previewCard = card => contactCard(card, { heading: 'Next contact', campaignName: card.campaignName, id: 'preview' });

/** The right column: the hold's countdown, Dial, Skip, and the script to get ready with. */
export function previewActions(card, { onDial, onSkip }) {
  const reason = el('input', { id: 'skip-reason', maxlength: 200, placeholder: 'e.g. asked for someone else', autocomplete: 'off' });
  const total = holdTotals.get(card.contactId) ?? secondsLeft(card);
  const dial = el('button', { type: 'button', id: 'dial', class: 'primary big', 'aria-keyshortcuts': 'D', onclick: onDial },
    'Dial ', el('span', { class: 'visually-hidden' }, card.name ?? 'this contact'), el('kbd', { 'aria-hidden': 'true' }, 'D'));
  const skip = el('button', { type: 'button', id: 'skip', 'aria-keyshortcuts': 'S', onclick: () => onSkip(reason.value.trim()) },
    'Skip', el('kbd', { 'aria-hidden': 'true' }, 'S'));
  return el('section', { class: 'card actions', 'aria-labelledby': 'decide-title' },
    el('h2', { id: 'decide-title' }, 'Call or skip'),
    el('div', { class: 'hold' },
      el('label', { for: 'hold-meter' }, 'Held for you'),
      el('progress', { id: 'hold-meter', max: total, value: secondsLeft(card), 'data-hold-until': card.heldUntil }),
      el('span', { id: 'hold-left', class: 'hold-left', 'data-hold-until': card.heldUntil }, `${mmss(secondsLeft(card))} left`)),
    el('p', { class: 'muted small' }, 'After that the contact goes back to the other agents.'),
    el('div', { class: 'decide' }, dial),
    el('div', { class: 'field skip-field' },
      el('label', { for: 'skip-reason' }, 'Reason for skipping ', el('span', { class: 'muted' }, '(optional)')),
      el('div', { class: 'row' }, reason, skip)),
    scriptPanel(card.script, { id: 'preview-script' }));
}

/** Nothing to preview right now: say so, and look again by itself. */
export function nothingToPreview({ onCheck, message }) {
  return el('section', { class: 'card empty-state', 'aria-labelledby': 'empty-title' },
    el('h2', { id: 'empty-title' }, 'No contact is ready'),
    el('p', { class: 'muted' }, message ?? `Everyone callable right now is taken or outside their calling hours. Checking again every ${CHECK_AGAIN_SECONDS} seconds.`),
    el('button', { type: 'button', id: 'check-now', 'aria-keyshortcuts': 'N', onclick: onCheck }, 'Check now', el('kbd', { 'aria-hidden': 'true' }, 'N')));
}

export const checkAgainMs = CHECK_AGAIN_SECONDS * 1000;

/** Updates the countdown in place; says whether the hold ran out. */
export function tickHold(root) {
  let expired = false;
  for (const node of root.querySelectorAll('[data-hold-until]')) {
    const left = Math.max(0, Math.round((Date.parse(node.dataset.holdUntil) - Date.now()) / 1000));
    if (node.tagName === 'PROGRESS') node.value = left; else node.textContent = `${mmss(left)} left`;
    node.closest('.hold')?.classList.toggle('urgent', left <= 20);
    expired ||= left === 0;
  }
  return expired;
}
