// The selected campaign's call recordings, newest first, a page at a time, each playable in the one player above the list.
import { getJson } from './api.js';
import { duration } from './format.js';
import { el, fmt, t, has } from '/ui/app.js';
import { playButton } from '/ui/recording-player.js';

const $ = id => document.getElementById(id);
const PAGE_SIZE = 20;
const status = s => has(`floor.recordings.status.${s}`) ? t(`floor.recordings.status.${s}`) : s;
let campaignId = null, page = 1;

export async function showRecordings(id) {
  if (id !== campaignId) page = 1;
  campaignId = id;
  const result = await getJson(`/api/campaigns/${id}/recordings?page=${page}&pageSize=${PAGE_SIZE}`);
  if (id !== campaignId) return;
  const player = $('recording-player');
  $('recordings-count').textContent = result.total === 0 ? t('floor.recordings.none') : fmt.int(result.total);
  $('recording-rows').replaceChildren(...(result.items.length === 0
    ? [el('tr', {}, el('td', { colspan: '6', class: 'muted' }, t('floor.recordings.empty')))]
    : result.items.map(r => el('tr', { 'data-recording': r.id },
      el('td', {}, fmt.time(r.startedAt)),
      el('td', {}, r.agentName ?? '—'),
      el('td', { class: 'n' }, duration(r.durationSeconds)),
      el('td', { title: r.deletedAt ? t('floor.recordings.deletedAt', { at: fmt.time(r.deletedAt) }) : t('floor.recordings.keptUntil', { at: fmt.time(r.deleteAfter) }) },
        status(r.status)),
      el('td', {}, el('code', { title: r.attemptId }, r.attemptId.slice(-8))),
      el('td', {}, r.status === 'completed' ? playButton(r.id, { player, label: t('floor.recordings.play', { at: fmt.time(r.startedAt) }) }) : null)))));
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  $('recordings-page').textContent = t('floor.recordings.page', { page, pages });
  $('recordings-prev').disabled = page <= 1;
  $('recordings-next').disabled = page >= pages;
}

export function wireRecordings() {
  $('recordings-prev').onclick = () => { page--; showRecordings(campaignId); };
  $('recordings-next').onclick = () => { page++; showRecordings(campaignId); };
}
