/*
 * 许可期限看板 — Cockpit plugin of Xuke (Camunda 7.24 webapps).
 *
 * Loaded by scripts/config.js (`customScripts: ['scripts/sla-board']`) as a plain ES module; the
 * bootstrap (camunda-cockpit-bootstrap.js 7.24.0) imports it, takes the default export (an array of
 * plugins) and calls `render(node, props, scope)` with a fresh <div> as node and
 *   props = { api: { adminApi, baseApi, cockpitApi, tasklistApi, engineApi, engine, CSRFToken } }
 * plus, for the process instance tab points, `processInstanceId`.
 *
 * Plugin points (names checked against camunda-webapp-webjar-7.24.0):
 *   cockpit.dashboard                    "许可期限看板": GET /api/sla/board (section 自定义插件 of the dashboard)
 *   cockpit.processInstance.runtime.tab  tab "期限": GET /api/clocks?processInstanceId=…
 *   cockpit.processInstance.history.tab  the same tab for the history view (that view exists only in
 *                                        the Enterprise Edition; in CE this registration is inert)
 *
 * Only GET requests, sent with the webapp session cookie (credentials 'same-origin'); a modifying
 * call would need the `X-XSRF-TOKEN` header (props.api.CSRFToken). No framework: fetch + DOM, every
 * text from the server goes in through textContent. Dates are shown in Asia/Shanghai.
 *
 * Stable hooks for UI tests: #xuke-sla-board, #xuke-sla-summary, table.xuke-sla-table,
 * tr.xuke-sla-row[data-case-number], #xuke-sla-pager (.xuke-sla-previous, .xuke-sla-next), #xuke-case-clocks.
 * The board is paged by the API (page, size; summary.cases counts every page).
 */

import { abortOnDestroy, append, appApiRoot, clear, el, formatDateTime, getJson } from '../../xuke/ui.js';

const GROUPS = [
  ['window-clerk', '窗口受理人员'],
  ['case-officer', '承办人'],
  ['expert', '专家'],
  ['chief-representative', '窗口首席代表'],
  ['deputy-director', '分管局长']
];
const GROUP_NAMES = Object.fromEntries(GROUPS);

const LIGHTS = {
  GREEN: { text: '绿', title: '正常', css: 'green' },
  AMBER: { text: '黄', title: '预警', css: 'amber' },
  RED: { text: '红', title: '超期', css: 'red' },
  GREY: { text: '灰', title: '暂停或已结束', css: 'grey' }
};

const EVENTS = {
  STARTED: '开始计时',
  WARNED: '预警',
  BREACHED: '超期',
  MET: '完成',
  PAUSED: '暂停',
  RESUMED: '恢复',
  EXTENDED: '延长',
  RECALCULATED: '重新计算',
  CANCELLED: '终止',
  DEEMED_ACCEPTED: '视为受理'
};

const UNITS = { WORKING_DAYS: '个工作日', DAYS: '日' };

const PROVISIONAL_TITLE = '到期日超出已载入的节假日安排年度，暂按周末推算，载入该年度安排后重新计算';

// ---------------------------------------------------------------------------------------------
// helpers

function unitText(unit) {
  return UNITS[unit] || '日';
}

/** "剩余 N 个工作日" / "超期 N 个工作日"; null when the clock has no remaining time (done, cancelled). */
function remainingText(clock) {
  if (clock.remaining === null || clock.remaining === undefined) {
    return null;
  }
  const unit = unitText(clock.limitUnit);
  if (clock.remaining < 0) {
    return `超期 ${-clock.remaining} ${unit}`;
  }
  if (clock.remaining === 0) {
    return `剩余 0 ${unit}（今日到期）`;
  }
  return `剩余 ${clock.remaining} ${unit}`;
}

/** For the 剩余 line of the instance tab: "N 个工作日", "超期 N 个工作日", or '—'. */
function remainingShort(clock) {
  const text = remainingText(clock);
  return text ? text.replace(/^剩余 /, '') : '—';
}

function lightDot(light, withText) {
  const info = LIGHTS[light] || LIGHTS.GREY;
  return el('span', { class: `xuke-sla-light xuke-sla-light-${info.css}`, 'data-light': light || 'GREY', title: info.title },
    el('span', { class: 'xuke-sla-dot', 'aria-hidden': 'true' }),
    withText ? el('span', { class: 'xuke-sla-light-text' }, info.text) : null);
}

function provisionalBadge() {
  return el('span', { class: 'xuke-sla-badge xuke-sla-badge-provisional', title: PROVISIONAL_TITLE }, '临时');
}

function errorText(result) {
  const message = result.body && typeof result.body.message === 'string' ? result.body.message : null;
  if (result.status === 401) {
    return message || '登录已失效，请重新登录。';
  }
  if (message) {
    return message;
  }
  return `加载失败（HTTP ${result.status}）。`;
}

/** Loads the plugin's stylesheet (sla-board.css next to this file) once. */
function ensureStyles() {
  if (document.getElementById('xuke-sla-styles')) {
    return;
  }
  const link = document.createElement('link');
  link.id = 'xuke-sla-styles';
  link.rel = 'stylesheet';
  link.href = new URL('./sla-board.css', import.meta.url).href;
  document.head.appendChild(link);
}

// ---------------------------------------------------------------------------------------------
// dashboard: 许可期限看板

const SUMMARY_ITEMS = [
  ['cases', '在办案件', ''],
  ['green', '正常', 'green'],
  ['amber', '预警', 'amber'],
  ['red', '超期', 'red'],
  ['breachedClocks', '超期期限数', 'red'],
  ['provisionalClocks', '临时期限数', 'provisional'],
  ['pausedClocks', '暂停', 'grey']
];

/** Cases per page of the board (the API allows up to 200). */
const PAGE_SIZE = 50;

function renderBoard(node, scope) {
  ensureStyles();
  const controller = abortOnDestroy(scope);
  const apiRoot = appApiRoot();
  const licenceTypes = new Map(); // code -> name, collected from every answer
  let sequence = 0;

  const generatedAt = el('span', { class: 'xuke-sla-generated' });
  const refresh = el('button', { type: 'button', class: 'btn btn-default btn-sm xuke-sla-refresh' }, '刷新');
  const warning = el('div', { class: 'xuke-sla-warning', id: 'xuke-sla-calendar-warning', role: 'alert', hidden: true });
  const error = el('div', { class: 'xuke-sla-error', id: 'xuke-sla-error', role: 'alert', hidden: true });
  const summary = el('div', { id: 'xuke-sla-summary', class: 'xuke-sla-summary' });

  const licenceSelect = el('select', { id: 'xuke-sla-filter-licence-type', class: 'form-control input-sm', name: 'licenceType' },
    el('option', { value: '' }, '全部许可事项'));
  const groupSelect = el('select', { id: 'xuke-sla-filter-group', class: 'form-control input-sm', name: 'group' },
    el('option', { value: '' }, '全部办理组'),
    GROUPS.map(([id, name]) => el('option', { value: id }, name)));
  const assigneeInput = el('input', {
    id: 'xuke-sla-filter-assignee', class: 'form-control input-sm', name: 'assignee', type: 'text',
    placeholder: '经办人用户名', autocomplete: 'off'
  });
  const filters = el('form', { class: 'xuke-sla-filters', id: 'xuke-sla-filters' },
    el('label', { class: 'xuke-sla-filter' }, el('span', {}, '许可事项'), licenceSelect),
    el('label', { class: 'xuke-sla-filter' }, el('span', {}, '办理组'), groupSelect),
    el('label', { class: 'xuke-sla-filter' }, el('span', {}, '经办人'), assigneeInput),
    el('button', { type: 'submit', class: 'btn btn-primary btn-sm xuke-sla-search' }, '查询'),
    el('button', { type: 'reset', class: 'btn btn-default btn-sm xuke-sla-reset' }, '重置'));

  const tbody = el('tbody');
  const table = el('table', { class: 'table cam-table xuke-sla-table' },
    el('thead', {}, el('tr', {},
      el('th', { class: 'xuke-sla-col-light' }, '状态'),
      el('th', { class: 'xuke-sla-col-case' }, '案件编号'),
      el('th', { class: 'xuke-sla-col-enterprise' }, '申请单位'),
      el('th', { class: 'xuke-sla-col-type' }, '许可事项'),
      el('th', { class: 'xuke-sla-col-clocks' }, '期限'),
      el('th', { class: 'xuke-sla-col-tasks' }, '当前任务'))),
    tbody);
  const loading = el('div', { class: 'xuke-sla-loading', hidden: true }, '正在加载…');
  let page = 0;
  const previous = el('button', { type: 'button', class: 'btn btn-default btn-sm xuke-sla-previous' }, '上一页');
  const next = el('button', { type: 'button', class: 'btn btn-default btn-sm xuke-sla-next' }, '下一页');
  const position = el('span', { class: 'xuke-sla-position' });
  const pager = el('nav', { id: 'xuke-sla-pager', class: 'xuke-sla-pager', 'aria-label': '翻页', hidden: true },
    previous, position, next);

  const container = el('div', { id: 'xuke-sla-board', class: 'xuke-sla' },
    el('div', { class: 'xuke-sla-head' },
      el('h3', { class: 'xuke-sla-title' }, '许可期限看板'),
      generatedAt,
      refresh),
    warning,
    error,
    summary,
    filters,
    loading,
    table,
    pager);
  clear(node);
  node.appendChild(container);

  function query() {
    const params = new URLSearchParams();
    if (licenceSelect.value) params.set('licenceType', licenceSelect.value);
    if (groupSelect.value) params.set('group', groupSelect.value);
    const assignee = assigneeInput.value.trim();
    if (assignee) params.set('assignee', assignee);
    const filtered = params.toString() !== '';
    params.set('page', String(page));
    params.set('size', String(PAGE_SIZE));
    return { url: `${apiRoot}/sla/board?${params}`, filtered };
  }

  async function load() {
    const mine = ++sequence;
    loading.hidden = false;
    container.setAttribute('aria-busy', 'true');
    let result;
    try {
      result = await getJson(query().url, controller.signal);
    } catch (e) {
      if (controller.signal.aborted) return;
      result = { status: 0, ok: false, body: { message: '无法连接服务器，请稍后重试。' } };
    }
    if (mine !== sequence) return; // a newer query is under way
    loading.hidden = true;
    container.removeAttribute('aria-busy');
    if (!result.ok || !result.body) {
      error.textContent = result.ok ? '服务器返回的数据无法识别。' : errorText(result);
      error.hidden = false;
      container.setAttribute('data-status', String(result.status));
      warning.hidden = true;
      summary.hidden = true;
      filters.hidden = result.status === 403 || result.status === 401;
      table.hidden = true;
      pager.hidden = true;
      return;
    }
    container.setAttribute('data-status', String(result.status));
    error.hidden = true;
    summary.hidden = false;
    filters.hidden = false;
    table.hidden = false;
    show(result.body);
  }

  function show(board) {
    generatedAt.textContent = board.generatedAt ? `更新于 ${formatDateTime(board.generatedAt)}` : '';
    if (board.calendarWarning) {
      warning.textContent = board.calendarWarning;
      warning.hidden = false;
    } else {
      warning.textContent = '';
      warning.hidden = true;
    }
    showSummary(board.summary || {});
    const rows = Array.isArray(board.rows) ? board.rows : [];
    (Array.isArray(board.licenceTypes) ? board.licenceTypes : []).forEach(type => {
      if (type.code) licenceTypes.set(type.code, type.name || type.code);
    });
    updateLicenceOptions();
    showPager(board, rows.length);
    clear(tbody);
    if (!rows.length) {
      tbody.appendChild(el('tr', { class: 'xuke-sla-empty' },
        el('td', { colspan: 6 }, query().filtered ? '没有符合筛选条件的在办案件。' : '暂无在办案件。')));
      return;
    }
    rows.forEach(row => tbody.appendChild(boardRow(row)));
  }

  /** 第 N / M 页，共 K 件 — the counts are of every page, the rows of this one. */
  function showPager(board, shown) {
    const total = board.summary && Number.isFinite(board.summary.cases) ? board.summary.cases : shown;
    const size = Number.isFinite(board.size) && board.size > 0 ? board.size : PAGE_SIZE;
    const pages = Math.max(1, Math.ceil(total / size));
    pager.hidden = pages <= 1 && page === 0;
    position.textContent = `第 ${page + 1} / ${pages} 页，共 ${total} 件`;
    previous.disabled = page === 0;
    next.disabled = page + 1 >= pages;
  }

  function showSummary(counts) {
    clear(summary);
    SUMMARY_ITEMS.forEach(([key, label, css]) => {
      const value = Number.isFinite(counts[key]) ? counts[key] : 0;
      summary.appendChild(el('div', {
        class: `xuke-sla-count${css ? ` xuke-sla-count-${css}` : ''}${value > 0 ? ' xuke-sla-count-nonzero' : ''}`,
        'data-key': key
      },
      el('span', { class: 'xuke-sla-count-value' }, value),
      el('span', { class: 'xuke-sla-count-label' }, label)));
    });
  }

  function updateLicenceOptions() {
    const selected = licenceSelect.value;
    const known = new Set(Array.from(licenceSelect.options).map(option => option.value));
    const missing = Array.from(licenceTypes.entries()).filter(([code]) => !known.has(code));
    if (!missing.length) return;
    const all = Array.from(licenceTypes.entries()).sort((a, b) => a[1].localeCompare(b[1], 'zh-CN'));
    clear(licenceSelect);
    licenceSelect.appendChild(el('option', { value: '' }, '全部许可事项'));
    all.forEach(([code, name]) => licenceSelect.appendChild(el('option', { value: code }, name)));
    licenceSelect.value = selected;
  }

  function boardRow(row) {
    const caseCell = row.processInstanceId
      ? el('a', {
        class: 'xuke-sla-case-link',
        href: `#/process-instance/${encodeURIComponent(row.processInstanceId)}/runtime`,
        title: '在 Cockpit 中查看流程实例'
      }, row.caseNumber || '—')
      : el('span', {}, row.caseNumber || '—');
    return el('tr', {
      class: `xuke-sla-row xuke-sla-row-${(LIGHTS[row.light] || LIGHTS.GREY).css}`,
      'data-case-number': row.caseNumber || '',
      'data-application-id': row.applicationId,
      'data-light': row.light || 'GREY',
      'data-breached': row.breached ? 'true' : 'false',
      'data-provisional': row.provisional ? 'true' : 'false'
    },
    el('td', { class: 'xuke-sla-col-light' }, lightDot(row.light, true)),
    el('td', { class: 'xuke-sla-col-case' }, caseCell),
    el('td', { class: 'xuke-sla-col-enterprise' }, row.enterpriseName || '—'),
    el('td', { class: 'xuke-sla-col-type', 'data-licence-type': row.licenceType || '' }, row.licenceTypeName || row.licenceType || '—'),
    el('td', { class: 'xuke-sla-col-clocks' }, clockList(row.clocks)),
    el('td', { class: 'xuke-sla-col-tasks' }, taskList(row.tasks)));
  }

  function clockList(clocks) {
    if (!Array.isArray(clocks) || !clocks.length) return '—';
    return el('ul', { class: 'xuke-sla-clocks' }, clocks.map(clock => {
      const parts = [`${clock.label || clock.kind}：${clock.stateLabel || clock.state || ''}`];
      if (clock.dueAt) parts.push(`到期 ${formatDateTime(clock.dueAt)}`);
      const remaining = remainingText(clock);
      if (remaining) parts.push(remaining);
      if (clock.metAt) parts.push(`完成 ${formatDateTime(clock.metAt)}`);
      return el('li', {
        class: 'xuke-sla-clock',
        'data-kind': clock.kind,
        'data-state': clock.state,
        'data-light': clock.light,
        'data-remaining': clock.remaining === null || clock.remaining === undefined ? null : clock.remaining,
        title: clock.basis ? `依据：${clock.basis}` : null
      },
      lightDot(clock.light, false),
      el('span', { class: 'xuke-sla-clock-text' }, parts.join('，')),
      clock.provisional ? provisionalBadge() : null);
    }));
  }

  function taskList(tasks) {
    if (!Array.isArray(tasks) || !tasks.length) return el('span', { class: 'text-muted' }, '—');
    return el('ul', { class: 'xuke-sla-tasks' }, tasks.map(task => {
      let who;
      if (task.assignee) {
        who = `经办人 ${task.assignee}`;
      } else if (Array.isArray(task.groups) && task.groups.length) {
        who = `待 ${task.groups.map(group => GROUP_NAMES[group] || group).join('、')} 认领`;
      } else {
        who = '未分派';
      }
      return el('li', { class: 'xuke-sla-task', title: task.due ? `任务到期 ${formatDateTime(task.due)}` : null },
        el('span', { class: 'xuke-sla-task-name' }, task.name || '—'),
        el('span', { class: 'xuke-sla-task-who' }, `（${who}）`));
    }));
  }

  /** A new filter starts at the first page. */
  function search() {
    page = 0;
    load();
  }

  filters.addEventListener('submit', event => {
    event.preventDefault();
    search();
  });
  filters.addEventListener('reset', () => {
    // the form resets its fields after this event: query once they are empty
    setTimeout(search, 0);
  });
  licenceSelect.addEventListener('change', search);
  groupSelect.addEventListener('change', search);
  assigneeInput.addEventListener('change', search);
  refresh.addEventListener('click', load);
  previous.addEventListener('click', () => {
    if (page > 0) {
      page--;
      load();
    }
  });
  next.addEventListener('click', () => {
    page++;
    load();
  });

  load();
}

// ---------------------------------------------------------------------------------------------
// process instance tab: 期限

function renderCaseClocks(node, processInstanceId, scope) {
  ensureStyles();
  const controller = abortOnDestroy(scope);
  const container = el('div', { id: 'xuke-case-clocks', class: 'xuke-sla xuke-case-clocks', 'data-process-instance-id': processInstanceId || '' },
    el('div', { class: 'xuke-sla-loading' }, '正在加载…'));
  clear(node);
  node.appendChild(container);

  function message(css, text, status) {
    clear(container);
    container.setAttribute('data-status', String(status));
    container.appendChild(el('div', { class: css, role: css === 'xuke-sla-error' ? 'alert' : null }, text));
  }

  (async () => {
    if (!processInstanceId) {
      message('xuke-case-clocks-none', '此流程实例不属于许可案件', 404);
      return;
    }
    let result;
    try {
      result = await getJson(`${appApiRoot()}/clocks?processInstanceId=${encodeURIComponent(processInstanceId)}`, controller.signal);
    } catch (e) {
      if (controller.signal.aborted) return;
      message('xuke-sla-error', '无法连接服务器，请稍后重试。', 0);
      return;
    }
    if (result.status === 404) {
      message('xuke-case-clocks-none', '此流程实例不属于许可案件', 404);
      return;
    }
    if (!result.ok || !result.body) {
      message('xuke-sla-error', result.ok ? '服务器返回的数据无法识别。' : errorText(result), result.status);
      return;
    }
    show(result.body);
  })();

  function show(view) {
    clear(container);
    container.setAttribute('data-status', '200');
    container.setAttribute('data-case-number', view.caseNumber || '');
    container.appendChild(el('div', { class: 'xuke-case-clocks-head' },
      el('span', { class: 'xuke-case-clocks-case-label' }, '案件编号'),
      el('strong', { class: 'xuke-case-clocks-case-number' }, view.caseNumber || '—')));
    const clocks = Array.isArray(view.clocks) ? view.clocks : [];
    if (!clocks.length) {
      container.appendChild(el('p', { class: 'xuke-case-clocks-empty' }, '该案件尚未开始计时。'));
      return;
    }
    clocks.forEach(clock => container.appendChild(clockSection(clock)));
  }

  function clockSection(clock) {
    const unit = unitText(clock.limitUnit);
    const limit = [`${clock.limitValue} ${unit}`];
    if (clock.extensionValue) limit.push(`延长 ${clock.extensionValue} ${unit}`);
    if (clock.pausedValue) limit.push(`暂停 ${clock.pausedValue} ${unit}`);
    const facts = [
      ['依据', clock.basis || '—'],
      ['状态', clock.stateLabel || clock.state || '—'],
      ['时限', limit.join('，')],
      ['开始', formatDateTime(clock.startedAt)],
      ['预警', formatDateTime(clock.warnAt)],
      ['到期', formatDateTime(clock.dueAt)],
      ['剩余', remainingShort(clock)]
    ];
    if (clock.metAt) facts.push(['完成', formatDateTime(clock.metAt)]);
    if (clock.breachedAt) facts.push(['超期于', formatDateTime(clock.breachedAt)]);
    return el('section', {
      class: `xuke-case-clock xuke-case-clock-${(LIGHTS[clock.light] || LIGHTS.GREY).css}`,
      'data-kind': clock.kind,
      'data-state': clock.state,
      'data-light': clock.light,
      'data-clock-id': clock.clockId
    },
    el('h4', { class: 'xuke-case-clock-title' },
      lightDot(clock.light, true),
      el('span', { class: 'xuke-case-clock-label' }, clock.label || clock.kind),
      el('span', { class: `xuke-sla-badge xuke-sla-state xuke-sla-state-${String(clock.state || '').toLowerCase()}` }, clock.stateLabel || clock.state),
      clock.provisional ? provisionalBadge() : null),
    el('dl', { class: 'xuke-case-clock-facts' }, facts.map(([term, value]) => [el('dt', {}, term), el('dd', {}, value)])),
    historyTable(clock.history));
  }

  function historyTable(history) {
    const events = Array.isArray(history) ? history : [];
    return el('table', { class: 'table cam-table xuke-case-clock-history' },
      el('thead', {}, el('tr', {},
        el('th', { class: 'xuke-col-at' }, '时间'),
        el('th', { class: 'xuke-col-event' }, '事件'),
        el('th', { class: 'xuke-col-reason' }, '原因'),
        el('th', { class: 'xuke-col-actor' }, '操作人'),
        el('th', { class: 'xuke-col-due' }, '原期限 → 新期限'))),
      el('tbody', {}, events.length
        ? events.map(event => el('tr', { class: 'xuke-case-clock-event', 'data-event': event.event },
          el('td', { class: 'xuke-nowrap' }, formatDateTime(event.at)),
          el('td', { class: 'xuke-nowrap' }, EVENTS[event.event] || event.event || '—'),
          el('td', {}, event.reason || '—'),
          el('td', {}, event.actor || '—'),
          el('td', { class: 'xuke-nowrap' }, dueChange(event))))
        : el('tr', {}, el('td', { colspan: 5, class: 'text-muted' }, '暂无记录'))));
  }

  function dueChange(event) {
    if (!event.dueBefore && !event.dueAfter) return '—';
    if (!event.dueBefore) return formatDateTime(event.dueAfter);
    if (!event.dueAfter || new Date(event.dueBefore).getTime() === new Date(event.dueAfter).getTime()) {
      return formatDateTime(event.dueBefore); // unchanged
    }
    return `${formatDateTime(event.dueBefore)} → ${formatDateTime(event.dueAfter)}`;
  }
}

// ---------------------------------------------------------------------------------------------

export default [
  {
    id: 'xuke-sla-board',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    label: '许可期限看板',
    render(node, props, scope) {
      renderBoard(node, scope);
    }
  },
  {
    id: 'xuke-case-clocks-tab',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: 20,
    label: '期限',
    render(node, props, scope) {
      renderCaseClocks(node, props && props.processInstanceId, scope);
    }
  },
  {
    id: 'xuke-case-clocks-history-tab',
    pluginPoint: 'cockpit.processInstance.history.tab',
    priority: 20,
    label: '期限',
    render(node, props, scope) {
      renderCaseClocks(node, props && props.processInstanceId, scope);
    }
  }
];
