/*
 * Xuke: Chinese for the few fixed English strings of the Camunda Forms renderer (form-js 1.8.7 in
 * Tasklist 7.24 has no translations): validation messages, placeholders and drop-down list texts. Loaded through
 * `customScripts` in config.js as an ES module; it only rewrites text the renderer shows.
 */
const MESSAGES = [
  [/^Field is required\.$/, () => '此项为必填项。'],
  [/^Field must match pattern .*$/, () => '格式不正确，请按字段说明填写。'],
  [/^Field must have minimum length of (\d+)\.$/, (m) => `至少应填写 ${m[1]} 个字符。`],
  [/^Field must have maximum length of (\d+)\.$/, (m) => `最多可填写 ${m[1]} 个字符。`],
  [/^Field must have minimum value of (.+)\.$/, (m) => `不能小于 ${m[1]}。`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `不能大于 ${m[1]}。`],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮件地址。'],
  [/^Field must be a valid international phone number\.$/, () => '请填写有效的电话号码。']
];
const PLACEHOLDERS = { Select: '请选择', Search: '搜索' };
// form-js writes the browser locale's date pattern (mm/dd/yyyy, yyyy/m/d …) as the date field's placeholder;
// scripts/dates-zh.js makes the picker read year-month-day whatever the locale, so the placeholder says so.
const DATE_PATTERN = /^[dmy]{1,4}([./-])[dmy]{1,4}\1[dmy]{1,4}$/i;
const DATE_PLACEHOLDER = '年-月-日';
// texts of the drop-down lists (select, taglist)
const LIST_TEXTS = { 'All values selected': '已全部选择', 'No results': '无匹配项', 'No options': '无可选项' };

function translateText(node) {
  const text = node.nodeValue && node.nodeValue.trim();
  if (!text) {
    return;
  }
  // the select's placeholder is drawn as text in div.fjs-select-placeholder, not as an attribute
  if (PLACEHOLDERS[text] && node.parentElement && node.parentElement.closest('[class*="placeholder"]')) {
    node.nodeValue = PLACEHOLDERS[text];
    return;
  }
  if (LIST_TEXTS[text] && node.parentElement && node.parentElement.closest('[class*="dropdownlist"]')) {
    node.nodeValue = LIST_TEXTS[text];
    return;
  }
  if (!text.startsWith('Field ')) {
    return;
  }
  for (const [pattern, chinese] of MESSAGES) {
    const match = text.match(pattern);
    if (match) {
      node.nodeValue = chinese(match);
      return;
    }
  }
}

function translate(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    translateText(root);
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    translateText(node);
  }
  root.querySelectorAll('[placeholder]').forEach((input) => {
    const placeholder = input.getAttribute('placeholder');
    const chinese = DATE_PATTERN.test(placeholder) ? DATE_PLACEHOLDER : PLACEHOLDERS[placeholder];
    if (chinese) {
      input.setAttribute('placeholder', chinese);
    }
  });
}

new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    if (mutation.type === 'characterData') {
      translateText(mutation.target);
    } else {
      mutation.addedNodes.forEach(translate);
      if (mutation.type === 'attributes') {
        translate(mutation.target);
      }
    }
  }
}).observe(document.documentElement, {
  subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['placeholder']
});
