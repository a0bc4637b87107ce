/*
 * Linli: Chinese texts for Camunda Forms (form-js) in Tasklist.
 *
 * form-js, as bundled with the 7.24 webapps, has its validation messages and a few
 * placeholders hard-coded in English and offers no translation hook. This script is
 * loaded by Tasklist as a custom script (see `customScripts` in ../config.js; the
 * webapp imports it as an ES module, side effects only, no default export) and
 * rewrites those texts in place while the language is Chinese.
 *
 * Texts are changed by setting the data of the existing text nodes (never by
 * replacing nodes), so Preact, which renders form-js, keeps updating the same nodes;
 * when it writes an English text again the observer below translates it again.
 */

// Mirror the webapp's language choice (scripts/config.js `locales`): the language part
// of the browser's first preferred language if available, else the fallback locale.
const AVAILABLE_LOCALES = ['zh', 'en'];
const FALLBACK_LOCALE = 'zh';

function activeLocale() {
  const nav = window.navigator;
  const preferred = (Array.isArray(nav.languages) ? nav.languages[0] : nav.language) || '';
  const language = preferred.split('-')[0].toLowerCase();
  return AVAILABLE_LOCALES.includes(language) ? language : FALLBACK_LOCALE;
}

// form-js validation messages (English regex -> Chinese replacement).
const ERROR_MESSAGES = [
  [/^Field is required\.$/, '必填项'],
  [/^Field must match pattern .*\.$/, '格式不正确'],
  [/^Field must have minimum value of (.+)\.$/, '不能小于 $1'],
  [/^Field must have maximum value of (.+)\.$/, '不能大于 $1'],
  [/^Field must have minimum length of (.+)\.$/, '至少 $1 个字符'],
  [/^Field must have maximum length of (.+)\.$/, '最多 $1 个字符'],
  [/^Field must be a valid email\.$/, '请输入有效的电子邮箱地址'],
  [/^Field must be a valid\s+international phone number\..*$/, '请输入有效的国际电话号码（例如 +4930664040900）']
];

// Placeholders: the text of an empty select and the placeholder of search inputs.
const SELECT_PLACEHOLDER = { Select: '请选择' };
const INPUT_PLACEHOLDER = { Search: '搜索' };

function translateError(text) {
  const trimmed = text.trim();
  for (const [pattern, chinese] of ERROR_MESSAGES) {
    if (pattern.test(trimmed)) {
      return trimmed.replace(pattern, chinese);
    }
  }
  return text;
}

// Rewrite the text nodes directly inside the elements matching `selector`.
function translateTexts(selector, translate) {
  document.querySelectorAll(selector).forEach(element => {
    element.childNodes.forEach(node => {
      if (node.nodeType === Node.TEXT_NODE) {
        const translated = translate(node.data);
        if (translated !== node.data) {
          node.data = translated;
        }
      }
    });
  });
}

function translateForms() {
  // Error list: <div class="fjs-form-field-error"><ul><li>message</li></ul></div>
  translateTexts('.fjs-form-field-error li', translateError);
  // Empty select: <div class="fjs-select-display fjs-select-placeholder">Select</div>
  translateTexts('.fjs-select-display.fjs-select-placeholder',
    text => SELECT_PLACEHOLDER[text] || text);
  // Searchable select and tag list: <input placeholder="Search">
  document.querySelectorAll('.fjs-container input[placeholder]').forEach(input => {
    const translated = INPUT_PLACEHOLDER[input.getAttribute('placeholder')];
    if (translated) {
      input.setAttribute('placeholder', translated);
    }
  });
}

if (activeLocale() === 'zh') {
  // Forms are rendered and re-rendered long after this script runs, so watch the page.
  // Translations never match the English patterns again, so our own changes end here.
  new MutationObserver(translateForms).observe(document.body, {
    childList: true,
    subtree: true,
    characterData: true,
    attributeFilter: ['placeholder']
  });
  translateForms();
}
