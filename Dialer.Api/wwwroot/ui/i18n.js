// The pages' words in the person's language. The server picks the language (the culture cookie the switch writes,
// else the browser's Accept-Language) and sends its catalogue (wwwroot/ui/i18n/<lang>.json) before anything is drawn:
// elements marked data-i18n="key" get their text, data-i18n-attr="placeholder:key;title:key" their attributes, and
// scripts call t('page.section.thing', { name }) for what they build. Numbers and dates follow the same language.
const COOKIE = '.AspNetCore.Culture';
export const LANGUAGES = { en: 'English', es: 'Español' }; // each in its own language, never translated

const loaded = await fetch('/i18n/messages', { headers: { Accept: 'application/json' } })
  .then(r => (r.ok ? r.json() : null)).catch(() => null);
/** The page's language: "en" or "es". */
export const locale = loaded?.culture ?? 'en';
const messages = loaded?.messages ?? {};
const plurals = new Intl.PluralRules(locale);

/** The text for key, its {placeholders} filled from vars; the key itself when the catalogue has none (a bug). */
export function t(key, vars = {}) {
  const text = messages[key];
  if (text == null) { console.warn(`i18n: no text for "${key}"`); return key; }
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

/** Whether the catalogue has key: for words that come from the server and may be new (history actions). */
export const has = key => key in messages;

/** The text for key.one or key.other, as the language counts: tn('x.contacts', 3) fills {count} with "3". */
export function tn(key, count, vars = {}) {
  const form = `${key}.${plurals.select(count)}`;
  return t(form in messages ? form : `${key}.other`, { count: format.int(count), ...vars });
}

/** Translates every marked element under root (the whole page when it loads). */
export function translate(root = document) {
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of node.dataset.i18nAttr.split(';')) {
      const [attribute, key] = pair.split(':').map(s => s.trim());
      node.setAttribute(attribute, t(key));
    }
  }
}

/** Remembers the choice for a year (the server reads the same cookie) and draws the page again in it. */
export function setLanguage(lang) {
  document.cookie = `${COOKIE}=${encodeURIComponent(`c=${lang}|uic=${lang}`)}; path=/; max-age=31536000; samesite=lax`;
  location.reload();
}

/** The language switch every page carries: a select of the languages, each named in its own. */
export function languageSwitch() {
  const select = document.createElement('select');
  select.id = 'language';
  select.className = 'language small';
  select.setAttribute('aria-label', t('ui.language'));
  for (const [code, name] of Object.entries(LANGUAGES)) {
    const option = new Option(name, code, false, code === locale);
    option.lang = code;
    select.append(option);
  }
  select.addEventListener('change', () => setLanguage(select.value));
  return select;
}

const numbers = new Map();
const numberFormat = options => {
  const key = JSON.stringify(options);
  if (!numbers.has(key)) numbers.set(key, new Intl.NumberFormat(locale, options));
  return numbers.get(key);
};

/** Numbers, percentages, dates and times in the page's language. */
export const format = {
  int: n => numberFormat({ maximumFractionDigits: 0 }).format(n ?? 0),
  number: (n, digits = 1) => numberFormat({ minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n ?? 0),
  pct: (x, digits = 1) => (x == null || Number.isNaN(x) ? '—'
    : numberFormat({ style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x)),
  dateTime: iso => (iso ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '—'),
  date: iso => (iso ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso)) : '—'),
  time: (iso, options = { hour: '2-digit', minute: '2-digit' }) =>
    (iso ? new Intl.DateTimeFormat(locale, options).format(new Date(iso)) : '—'),
};

document.documentElement.lang = locale;
translate();
