// The campaign's language and voice: the languages and their voices come from the server (/api/campaigns/voices);
// the voice list offers only the chosen language's voices, and an empty choice, the language's first.
import { api } from './app.js';

export async function speechControls(form) {
  const languages = await api('/api/campaigns/voices');
  const language = form.querySelector('#f-language'), voice = form.querySelector('#f-voice');
  const none = voice.querySelector('option[value=""]');
  language.replaceChildren(...languages.map(l => new Option(l.language, l.language)));
  voice.replaceChildren(none, ...languages.flatMap(l => l.voices.map(v => {
    const option = new Option(v.replace(/^Polly\./, ''), v);
    option.dataset.language = l.language;
    return option;
  })));
  // a voice of another language is hidden, and dropped when the language changes
  const sync = () => {
    for (const option of voice.options) option.hidden = option.value !== '' && option.dataset.language !== language.value;
    if (voice.selectedOptions[0]?.hidden) voice.value = '';
  };
  language.addEventListener('change', sync);
  return sync;
}
