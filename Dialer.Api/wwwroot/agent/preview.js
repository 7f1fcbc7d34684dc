// Preview mode: the next contact is held for this agent for a while; they dial it or skip it.
import { api, el, t, format } from '/ui/app.js';
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
  return t('agent.preview.skipCap', { when: format.time(at) });
}

export const secondsLeft = card => Math.max(0, Math.round((Date.parse(card.heldUntil) - Date.now()) / 1000));
const mmss = s => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

/** The left column: who is next. */
export const previewCard = card => contactCard(card, { heading: t('agent.preview.next'), campaignName: card.campaignName, id: 'preview' });

/** The right column: the hold's countdown, Dial, Skip, and the script to get ready with. */
export function previewActions(card, { onDial, onSkip }) {
  const reason = el('input', { id: 'skip-reason', maxlength: 200, placeholder: t('agent.preview.skipExample'), autocomplete: 'off' });
  const total = holdTotals.get(card.contactId) ?? secondsLeft(card);
  const dial = el('button', { type: 'button', id: 'dial', class: 'primary big', 'aria-keyshortcuts': 'D', onclick: onDial },
    t('agent.preview.dial'), ' ', el('span', { class: 'visually-hidden' }, card.name ?? t('agent.preview.thisContact')), el('kbd', { 'aria-hidden': 'true' }, 'D'));
  const skip = el('button', { type: 'button', id: 'skip', 'aria-keyshortcuts': 'S', onclick: () => onSkip(reason.value.trim()) },
    t('agent.preview.skip'), el('kbd', { 'aria-hidden': 'true' }, 'S'));
  return el('section', { class: 'card actions', 'aria-labelledby': 'decide-title' },
    el('h2', { id: 'decide-title' }, t('agent.preview.callOrSkip')),
    el('div', { class: 'hold' },
      el('label', { for: 'hold-meter' }, t('agent.preview.heldForYou')),
      el('progress', { id: 'hold-meter', max: total, value: secondsLeft(card), 'data-hold-until': card.heldUntil }),
      el('span', { id: 'hold-left', class: 'hold-left', 'data-hold-until': card.heldUntil }, t('agent.preview.left', { time: mmss(secondsLeft(card)) }))),
    el('p', { class: 'muted small' }, t('agent.preview.afterThat')),
    el('div', { class: 'decide' }, dial),
    el('div', { class: 'field skip-field' },
      el('label', { for: 'skip-reason' }, t('agent.preview.skipReason'), ' ', el('span', { class: 'muted' }, t('agent.optional'))),
      el('div', { class: 'row' }, reason, skip)),
    scriptPanel(card.script, { id: 'preview-script' }));
}

/** Nothing to preview right now: say so, and look again by itself. */
export function nothingToPreview({ onCheck, message }) {
  return el('section', { class: 'card empty-state', 'aria-labelledby': 'empty-title' },
    el('h2', { id: 'empty-title' }, t('agent.preview.noneReady')),
    el('p', { class: 'muted' }, message ?? t('agent.preview.noneReadyText', { seconds: CHECK_AGAIN_SECONDS })),
    el('button', { type: 'button', id: 'check-now', 'aria-keyshortcuts': 'N', onclick: onCheck }, t('agent.preview.checkNow'), el('kbd', { 'aria-hidden': 'true' }, 'N')));
}

export const checkAgainMs = CHECK_AGAIN_SECONDS * 1000;

/** Updates the countdown in place; says whether the hold ran out. */
export function tickHold(root) {
  let expired = false;
  for (const node of root.querySelectorAll('[data-hold-until]')) {
    const left = Math.max(0, Math.round((Date.parse(node.dataset.holdUntil) - Date.now()) / 1000));
    if (node.tagName === 'PROGRESS') node.value = left; else node.textContent = t('agent.preview.left', { time: mmss(left) });
    node.closest('.hold')?.classList.toggle('urgent', left <= 20);
    expired ||= left === 0;
  }
  return expired;
}
