/*
 * Xuke: lets Tasklist complete forms with dynamic lists (the clerk's material check, the supply
 * re-check). Tasklist 7.24 disables "完成" whenever form-js reports any key in its `errors` object,
 * and form-js 1.8.7 leaves an empty entry (`{Field_x: {3: undefined}}`) for every field of a list
 * row that was touched or initialised, valid or not — so a form with a dynamic list could never be
 * completed. This patch drops the empty entries before form-js announces its state; real errors are
 * kept and shown as before. Loaded through `customScripts` in config.js.
 */
const FORM_MODULE = 57661; // form-js's module in Camunda 7.24.0's webpack bundle (lib/deps.js)

function withoutEmptyEntries(errors) {
  const kept = {};
  for (const [key, value] of Object.entries(errors || {})) {
    if (Array.isArray(value)) {
      if (value.length) {
        kept[key] = value;
      }
    } else if (value && typeof value === 'object') {
      const inner = withoutEmptyEntries(value);
      if (Object.keys(inner).length) {
        kept[key] = inner;
      }
    }
  }
  return kept;
}

function patch(Form) {
  if (!Form || !Form.prototype || typeof Form.prototype._setState !== 'function' || Form.prototype._xukePatched) {
    return Boolean(Form && Form.prototype && Form.prototype._xukePatched);
  }
  const setState = Form.prototype._setState;
  Form.prototype._setState = function (state) {
    return setState.call(this, state && state.errors ? { ...state, errors: withoutEmptyEntries(state.errors) } : state);
  };
  Form.prototype._xukePatched = true;
  return true;
}

const chunks = (self.webpackChunkcamunda_bpm_webapp = self.webpackChunkcamunda_bpm_webapp || []);
chunks.push([[`xuke-dynamic-lists-${Date.now()}`], {}, (require) => {
  let Form = null;
  if (require.m && require.m[FORM_MODULE]) {
    Form = require(FORM_MODULE).Form;
  }
  if (!patch(Form)) {
    const cached = Object.values(require.c || {}).map((module) => module && module.exports)
      .find((exports) => exports && exports.Form && exports.Form.prototype && exports.Form.prototype._getSubmitData);
    if (!patch(cached && cached.Form)) {
      console.warn('Xuke: form-js not found; forms with dynamic lists cannot be completed in Tasklist');
    }
  }
}]);
