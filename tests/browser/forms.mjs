// Renders every Camunda Form of forms/ with the portal's own form-js bundle in Debian's chromium (headless) and
// checks its validation, derived from the form itself: an empty submission flags exactly the visible required
// fields, too-long text, out-of-range numbers and wrong patterns are refused, every message is Chinese and tied
// to its field for screen readers, and a filled-in form submits without errors.
// Usage: node tests/browser/forms.mjs <baseUrl> <formsDir>; prints one JSON line per form.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [baseUrl, formsDir] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 360, height: 800 }, locale: 'zh-CN' });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${baseUrl}/portal/index.html`);
  await page.waitForFunction(() => window.linliPortal);
  for (const file of readdirSync(formsDir).filter((f) => f.endsWith('.form')).sort()) {
    const schema = JSON.parse(readFileSync(path.join(formsDir, file), 'utf8'));
    const result = await page.evaluate(checkForm, schema);
    console.log(JSON.stringify({ file, ...result, pageErrors: errors.splice(0) }));
  }
} finally {
  await browser.close();
}

// runs in the page
async function checkForm(schema) {
  const fields = [];
  (function collect(components) {
    for (const c of components || []) {
      if (c.key && !['text', 'html', 'image', 'spacer', 'separator', 'button'].includes(c.type)) fields.push(c);
      collect(c.components);
    }
  }(schema.components));
  const editable = fields.filter((f) => !f.disabled && !f.readonly);
  const holder = document.createElement('div');
  document.body.append(holder);
  const settle = () => new Promise((resolve) => { setTimeout(resolve, 30); });
  const render = async (data) => {
    const rendered = await window.linliPortal.renderForm(holder, schema, data);
    await settle();
    return rendered;
  };
  const submit = async (rendered) => {
    const { errors } = rendered.form.submit();
    await settle();
    return errors;
  };
  const shown = (field) => !!holder.querySelector(`[id$="-${field.id}"], [id*="-${field.id}-"]`);
  const english = (messages) => messages.filter((m) => /[A-Za-z]{4,}/.test(m));

  const validValue = (f) => {
    const v = f.validate || {};
    switch (f.type) {
      case 'number': return v.min !== undefined ? Number(v.min) : (v.max !== undefined ? Math.min(1, Number(v.max)) : 1);
      case 'checkbox': return true;
      case 'checklist': case 'taglist': return f.values && f.values.length ? [f.values[0].value] : [];
      case 'select': case 'radio': return f.values && f.values.length ? f.values[0].value : 'a';
      case 'datetime': return '2026-12-01';
      default: {
        const candidates = ['13800138000', '幸福路12号3栋2单元', '测试内容文字'];
        const ok = (s) => (!v.pattern || new RegExp(v.pattern).test(s)) && (!v.maxLength || s.length <= v.maxLength)
          && (!v.minLength || s.length >= v.minLength);
        return candidates.find(ok) || 'x'.repeat(v.minLength || 1);
      }
    }
  };
  const dynamicOptions = (data) => {
    for (const f of fields) {
      if (f.valuesKey) {
        data[f.valuesKey] = [{ label: '选项甲', value: 'a' }];
      }
    }
    return data;
  };

  // 1. empty: exactly the visible required fields are flagged, in Chinese, announced to screen readers
  let rendered = await render(dynamicOptions({}));
  let errs = await submit(rendered);
  const requiredShown = editable.filter((f) => f.validate && f.validate.required && f.defaultValue === undefined
    && shown(f)).map((f) => f.id).sort();
  const flagged = Object.keys(errs).sort();
  const emptyMessages = Object.values(errs).flat();
  const errorTexts = [...holder.querySelectorAll('.fjs-form-field-error')].map((e) => e.textContent.trim()).filter(Boolean);
  const describedBy = [...holder.querySelectorAll('.fjs-has-errors [aria-describedby]')]
    .every((input) => input.getAttribute('aria-describedby').split(' ')
      .some((id) => id.endsWith('-error-message') && document.getElementById(id)));
  const invalidMarked = [...holder.querySelectorAll('.fjs-has-errors input:not([type=radio]):not([type=checkbox]):not(.fjs-select-hidden-input), .fjs-has-errors textarea')]
    .every((input) => input.getAttribute('aria-invalid') === 'true');
  const labelled = [...holder.querySelectorAll('input:not([type=hidden]):not(.fjs-select-hidden-input), textarea')]
    .every((input) => (input.id && holder.querySelector(`label[for="${input.id}"]`)) || input.getAttribute('aria-label'));

  // 2. valid: every editable field filled sensibly submits without errors
  const valid = dynamicOptions({});
  for (const f of editable) valid[f.key] = validValue(f);
  rendered = await render(valid);
  const validErrors = await submit(rendered);

  // 3. each rule refused on its own, with its message
  const rules = [];
  for (const f of editable) {
    const v = f.validate || {};
    const tryValue = async (value, expect, rule) => {
      const data = { ...valid, [f.key]: value };
      const r = await render(data);
      if (!shown(f)) return;
      const e = await submit(r);
      const messages = e[f.id] || [];
      rules.push({ field: f.id, rule, messages, ok: messages.some((m) => m.includes(expect)) });
    };
    if (v.maxLength) await tryValue('字'.repeat(v.maxLength + 1), `最多填写 ${v.maxLength} 个字`, 'maxLength');
    if (v.minLength && v.minLength > 1) await tryValue('字', `至少填写 ${v.minLength} 个字`, 'minLength');
    if (v.pattern) await tryValue('abc', v.patternErrorMessage || '格式不正确', 'pattern');
    if (f.type === 'number' && v.max !== undefined) await tryValue(Number(v.max) + 1, `不能大于 ${v.max}`, 'max');
    if (f.type === 'number' && v.min !== undefined) await tryValue(Number(v.min) - 1, `不能小于 ${v.min}`, 'min');
    if (f.type === 'number' && f.decimalDigits === 0) await tryValue(1.5, '请填写整数', 'integer');
  }
  holder.remove();
  return {
    requiredShown, flagged, emptyMessages, errorTexts, describedBy, invalidMarked, labelled,
    english: english([...emptyMessages, ...rules.flatMap((r) => r.messages)]),
    validErrors: Object.keys(validErrors), rules,
  };
}
