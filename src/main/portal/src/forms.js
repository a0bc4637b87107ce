// Renders a Camunda Form (forms/*.form, as Tasklist renders it) with the bpmn-io form-js viewer, with validation
// messages in Chinese and focus moved to the first wrong field on submit.
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';

const MESSAGES = [
  [/^Field is required\.$/, () => '此项必须填写'],
  [/^Field must have minimum value of (.+)\.$/, (n) => `不能小于 ${n}`],
  [/^Field must have maximum value of (.+)\.$/, (n) => `不能大于 ${n}`],
  [/^Field must have minimum length of (.+)\.$/, (n) => `至少填写 ${n} 个字`],
  [/^Field must have maximum length of (.+)\.$/, (n) => `最多填写 ${n} 个字`],
  [/^Field must match pattern .+\.$/, () => '格式不正确'],
  [/^Value is not a number\.$/, () => '请填写数字'],
  [/^Value is expected to be an integer\.$/, () => '请填写整数'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (n) => `最多保留 ${n} 位小数`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (a, b) => `请填写有效的数值，最接近的是 ${a} 或 ${b}`],
  [/^Field must be a valid email\.$/, () => '请填写正确的电子邮箱'],
  [/^Field must be a valid\s+international phone number.*$/, () => '请填写正确的电话号码'],
];

/** A validation message of form-js in Chinese (a form's own patternErrorMessage is kept as written). */
export function chinese(message) {
  for (const [pattern, say] of MESSAGES) {
    const match = pattern.exec(message);
    if (match) {
      return say(...match.slice(1));
    }
  }
  return message;
}

function speakChinese(form) {
  const validator = form.get('validator');
  for (const method of ['validateField', 'validateFieldInstance']) {
    if (typeof validator[method] === 'function') {
      const original = validator[method].bind(validator);
      validator[method] = (...args) => original(...args).map(chinese);
    }
  }
}

/** Moves focus to the first field with an error, once form-js has rendered the errors (a few frames at most). */
function focusFirstError(container, frames) {
  requestAnimationFrame(() => {
    const first = container.querySelector('.fjs-has-errors input, .fjs-has-errors textarea');
    if (first) {
      first.focus({ preventScroll: false });
    } else if (frames > 0) {
      focusFirstError(container, frames - 1);
    }
  });
}

/**
 * Renders `schema` with `data` into `container`; answers { form, submit } where submit() validates and answers
 * the data, or null (errors shown, focus on the first wrong field).
 */
export async function renderForm(container, schema, data = {}) {
  container.replaceChildren();
  const form = new Form({ container });
  await form.importSchema(schema, data);
  speakChinese(form);
  container.querySelectorAll('.fjs-form').forEach((element) => element.setAttribute('novalidate', ''));
  // phones show the digit keyboard for number fields (form-js renders them as text inputs)
  container.querySelectorAll('.fjs-form-field-number input').forEach((input) => input.setAttribute('inputmode', 'decimal'));
  return {
    form,
    submit() {
      const { data: values, errors } = form.submit();
      if (Object.keys(errors).length === 0) {
        return values;
      }
      focusFirstError(container, 10);
      return null;
    },
  };
}
