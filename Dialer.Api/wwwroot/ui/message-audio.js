// The campaign's recorded messages: per message a file to upload (MP3 or WAV, at most 5 MB), a player to hear what
// customers will hear, and a button to go back to the spoken words. The audio needs the key, which an <audio src>
// cannot send: it is fetched through the API and handed to the player as a blob.
import { api, el, fmt, notify, t } from './app.js';

const MESSAGES = ['safe-harbour', 'voicemail', 'broadcast', 'recording-notice'];

export function messageAudioSection(section, id, editable) {
  const rows = new Map(MESSAGES.map(message => [message, audioRow(message)]));
  section.replaceChildren(
    el('h2', { id: 'message-audio-title' }, t('campaignEdit.audio.title')),
    el('p', { class: 'muted' }, t('campaignEdit.audio.intro')),
    ...[...rows.values()].map(r => r.node));

  function audioRow(message) {
    const status = el('span', { class: 'muted', role: 'status' });
    const player = el('audio', { controls: true, class: 'recording', hidden: true, 'data-audio-player': message });
    const input = el('input', { type: 'file', accept: 'audio/mpeg,audio/wav,.mp3,.wav', id: `audio-${message}`, 'data-audio-file': message });
    const remove = el('button', { type: 'button', class: 'quiet', hidden: true, 'data-audio-delete': message }, t('campaignEdit.audio.delete'));
    input.addEventListener('change', async () => {
      const file = input.files[0];
      if (!file) return;
      try {
        await api(`/api/campaigns/${id}/audio/${message}`, { method: 'PUT', body: file, headers: { 'Content-Type': file.type || 'application/octet-stream' } });
        notify(t('campaignEdit.audio.uploaded'));
        await refresh();
      } catch (err) {
        notify(err.errors?.file?.[0] ?? err.message, 'error');
      } finally {
        input.value = '';
      }
    });
    remove.addEventListener('click', async () => {
      try {
        await api(`/api/campaigns/${id}/audio/${message}`, { method: 'DELETE' });
        notify(t('campaignEdit.audio.deleted'));
        await refresh();
      } catch (err) { notify(err.message, 'error'); }
    });
    const node = el('div', { class: 'field wide', 'data-audio': message },
      el('label', { for: `audio-${message}` }, t(`campaignEdit.audio.message.${message}`)),
      editable ? input : null, status, player, editable ? remove : null);
    return { node, status, player, remove, input };
  }

  async function refresh() {
    const list = await api(`/api/campaigns/${id}/audio`);
    for (const [message, row] of rows) {
      const audio = list.find(a => a.message === message);
      if (row.player.src) { URL.revokeObjectURL(row.player.src); row.player.removeAttribute('src'); }
      row.player.hidden = row.remove.hidden = !audio;
      row.status.textContent = audio
        ? t('campaignEdit.audio.recorded', { type: audio.contentType, size: fmt.int(Math.ceil(audio.bytes / 1024)), at: fmt.time(audio.uploadedAt) })
        : t('campaignEdit.audio.none');
      if (audio) {
        const blob = await (await api(`/api/campaigns/${id}/audio/${message}`, { raw: true })).blob();
        row.player.src = URL.createObjectURL(blob);
      }
    }
  }
  refresh().catch(err => notify(err.message, 'error'));
  return { refresh };
}
