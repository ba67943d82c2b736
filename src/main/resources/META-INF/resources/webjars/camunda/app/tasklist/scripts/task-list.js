/*
 * Xuke: Tasklist's list as the bureau works it.
 *
 * 1. Sorted by due date, and labelled so: Tasklist sorts by its own `sorting` URL parameter (creation
 *    date, newest first, when there is none) before the filter's order, so the filters' "by due date"
 *    never showed. When the list has no `sorting`, it gets due date ascending; a sort the user picks stays.
 * 2. Each task with a due date shows the working days left (剩余 N 个工作日 / 今日到期 / 已超期 N 个工作日),
 *    the bureau's calendar counting (holidays, make-up working days): one request a page to
 *    GET /api/calendar/working-days-left with the page's due days, never one a task. The case number and
 *    the enterprise are the filters' list columns (TaskListColumns).
 * Loaded through `customScripts` in config.js.
 */
const SORT_BY_DUE_DATE = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]);
const LEFT_URL = '/api/calendar/working-days-left';
const KEEP_MILLIS = 5 * 60 * 1000;

function sortByDueDateUnlessChosen() {
  const hash = location.hash || '#/';
  const question = hash.indexOf('?');
  const path = question < 0 ? hash.slice(1) : hash.slice(1, question);
  if (path !== '/' && path !== '') {
    return;
  }
  const params = new URLSearchParams(question < 0 ? '' : hash.slice(question + 1));
  if (params.has('sorting')) {
    return;
  }
  params.set('sorting', SORT_BY_DUE_DATE);
  location.replace(`#/?${params.toString()}`);
}

/** The due day of a list item, from the tooltip Tasklist writes (YYYY-MM-DD HH:mm, config.js). */
function dueDayOf(item) {
  const due = item.querySelector('.due-date [am-time-ago]');
  const match = due && (due.getAttribute('uib-tooltip') || '').match(/^(\d{4}-\d{2}-\d{2})\b/);
  return match ? match[1] : null;
}

function label(left, provisional) {
  const text = left > 0 ? `剩余 ${left} 个工作日` : left === 0 ? '今日到期' : `已超期 ${-left} 个工作日`;
  return provisional ? `${text}（暂定）` : text;
}

let answer = null; // { key, at, left, provisional }
let asking = null;

function show(items) {
  for (const item of items) {
    const day = dueDayOf(item);
    let line = item.querySelector('.xuke-working-days-left');
    if (!day || !answer || !(day in answer.left)) {
      if (line) {
        line.remove();
      }
      continue;
    }
    const left = answer.left[day];
    const text = label(left, answer.provisional.includes(day));
    if (!line) {
      line = document.createElement('div');
      line.className = 'xuke-working-days-left';
      const names = item.querySelector('.names') || item;
      names.appendChild(line);
    }
    if (line.textContent !== text) {
      line.textContent = text;
    }
    line.classList.toggle('overdue', left < 0);
    line.classList.toggle('due-today', left === 0);
  }
}

function refresh() {
  const items = Array.from(document.querySelectorAll('.tasks-list li.task'));
  const days = Array.from(new Set(items.map(dueDayOf).filter(Boolean))).sort();
  if (!days.length) {
    show(items);
    return;
  }
  const key = days.join(',');
  if (answer && answer.key === key && Date.now() - answer.at < KEEP_MILLIS) {
    show(items);
    return;
  }
  if (asking === key) {
    return;
  }
  asking = key;
  const query = days.map((day) => `due=${encodeURIComponent(day)}`).join('&');
  fetch(`${LEFT_URL}?${query}`, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
    .then((body) => {
      answer = { key, at: Date.now(), left: body.left || {}, provisional: body.provisional || [] };
      show(Array.from(document.querySelectorAll('.tasks-list li.task')));
    })
    .catch((status) => console.warn('Xuke: working days left not available', status))
    .finally(() => {
      asking = null;
    });
}

let pending = null;
function later() {
  if (!pending) {
    pending = setTimeout(() => {
      pending = null;
      refresh();
    }, 150);
  }
}

window.addEventListener('hashchange', sortByDueDateUnlessChosen);
sortByDueDateUnlessChosen();
new MutationObserver((mutations) => {
  const ours = mutations.every((mutation) => mutation.target.classList
    && mutation.target.classList.contains('xuke-working-days-left'));
  if (!ours) {
    later();
  }
}).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['uib-tooltip'] });
