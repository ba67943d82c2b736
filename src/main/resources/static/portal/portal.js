// 企业服务平台: the enterprise's own cases through /api/portal, logged in with its credit code.
// The login is a session (cookie HttpOnly); the password is never kept in the page or the browser's
// storage. Every change sends the session's token in X-XSRF-TOKEN; the token lives in this script's memory.
(function () {
  'use strict';

  const STATUS = {
    RECEIVED: '已收件，材料审查中', CORRECTION_REQUESTED: '待补正', NOT_ACCEPTED: '不予受理', ACCEPTED: '已受理，审查中',
    APPROVED: '准予许可', REFUSED: '不予许可', LICENCE_ISSUED: '已发证', COMPLETED: '已办结', ARCHIVED: '已办结归档',
    WITHDRAWN: '已退办'
  };
  const NOTICE = {
    ACCEPTANCE: '受理通知书', ONE_TIME: '一次性告知书', TOLERANCE_PLEDGE: '容缺受理承诺书', CORRECTION: '补正材料通知书',
    NON_ACCEPTANCE: '不予受理决定书', APPROVAL: '准予行政许可决定书', REFUSAL: '不予行政许可决定书',
    SUPPLY_REMINDER: '补交材料提醒', WITHDRAWAL: '退办通知书', RECTIFICATION: '现场核查整改通知书'
  };
  const $ = (selector) => document.querySelector(selector);
  // the bureau's dates are Beijing time, wherever the browser is: YYYY-MM-DD HH:mm (sv-SE writes ISO-like dates)
  const minute = (iso) => new Date(iso).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false })
    .slice(0, 16);
  // YYYY-MM-DD (zh-CN would write 2026/12/4)
  const day = (iso) => minute(iso).slice(0, 10);
  let session = null;

  function say(text, ok) {
    const message = $('#message');
    message.textContent = text;
    message.className = ok ? 'ok' : '';
    message.hidden = !text;
  }

  async function reason(response) {
    try {
      const body = await response.json();
      return (Array.isArray(body) ? body[0] : body).message || '操作未成功（' + response.status + '）';
    } catch (ignored) {
      return '操作未成功（' + response.status + '）';
    }
  }

  async function call(path, options = {}) {
    const headers = { 'X-Requested-With': 'XMLHttpRequest', ...(options.headers || {}) };
    if (options.method && options.method !== 'GET' && session) {
      headers['X-XSRF-TOKEN'] = session.csrfToken;
    }
    const response = await fetch('/api/portal' + path, { ...options, credentials: 'same-origin', headers });
    if (response.status === 401) {
      loggedOut();
      throw new Error('登录已失效，请重新登录。');
    }
    if (!response.ok) {
      throw new Error(await reason(response));
    }
    return response;
  }

  async function download(path, name) {
    const blob = await (await call(path)).blob();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  }

  function render(cases) {
    const list = $('#case-list');
    list.textContent = '';
    if (!cases.length) {
      list.textContent = '暂无申请记录。';
    }
    for (const item of cases) {
      const view = $('#case-template').content.cloneNode(true);
      const article = view.querySelector('.case');
      article.dataset.applicationId = item.applicationId;
      view.querySelector('.case-number').textContent = item.caseNumber;
      view.querySelector('.licence-type').textContent = item.licenceTypeName;
      view.querySelector('.status').textContent = '办理状态：' + (STATUS[item.status] || item.status)
        + (item.supplyDueAt ? '；容缺材料补交期限：' + day(item.supplyDueAt) : '')
        + (item.licenceNumber ? '；许可证编号：' + item.licenceNumber : '')
        + (item.completedAt ? '；办结时间：' + minute(item.completedAt) : '')
        + (item.archivedAt ? '；已归档：' + minute(item.archivedAt) + (item.archiveNumber ? '，档案号 ' + item.archiveNumber : '') : '');
      const body = view.querySelector('tbody');
      for (const material of item.materials) {
        const row = body.insertRow();
        row.dataset.materialCode = material.materialCode;
        row.insertCell().textContent = material.materialName + (material.keyMaterial ? '（关键材料）' : '');
        const state = row.insertCell();
        state.textContent = material.state;
        state.className = material.toSupply && material.status !== 'AWAITING_CHECK' ? 'todo' : '';
        const upload = row.insertCell();
        const files = item.documents.filter((document) => document.materialCode === material.materialCode);
        for (const file of files) {
          const link = document.createElement('a');
          link.href = '#';
          link.textContent = file.originalName;
          link.addEventListener('click', (event) => {
            event.preventDefault();
            download('/documents/' + file.id, file.originalName).catch((error) => say(error.message));
          });
          upload.append(link, document.createElement('br'));
        }
        if (!['NOT_ACCEPTED', 'REFUSED', 'COMPLETED', 'ARCHIVED', 'WITHDRAWN'].includes(item.status)) {
          const input = document.createElement('input');
          input.type = 'file';
          input.accept = '.pdf,.ofd,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx,.wps';
          input.addEventListener('change', () => send(item.applicationId, material, input));
          upload.append(input);
        }
      }
      if (item.awaitsRectification) {
        const rectification = document.createElement('p');
        rectification.className = 'rectification';
        rectification.append('现场核查需要整改：请上传整改材料（照片、说明等）');
        const input = document.createElement('input');
        input.type = 'file';
        input.addEventListener('change', () => sendRectification(item.applicationId, input));
        rectification.append(input);
        view.querySelector('.status').after(rectification);
      }
      const notices = view.querySelector('.notices');
      for (const notice of item.notices) {
        const entry = document.createElement('li');
        const link = document.createElement('a');
        link.href = '#';
        link.textContent = (NOTICE[notice.kind] || notice.kind) + ' ' + (notice.noticeNumber || '');
        link.addEventListener('click', (event) => {
          event.preventDefault();
          download('/notices/' + notice.id + '/pdf', link.textContent.trim() + '.pdf').catch((error) => say(error.message));
        });
        entry.append(link, ' ' + day(notice.issuedAt));
        notices.append(entry);
      }
      list.append(view);
    }
  }

  async function send(applicationId, material, input) {
    const file = input.files[0];
    if (!file) {
      return;
    }
    const form = new FormData();
    form.append('file', file);
    try {
      await call('/applications/' + applicationId + '/materials/' + encodeURIComponent(material.materialCode)
        + '/documents', { method: 'POST', body: form });
      say('“' + material.materialName + '”已上传' + (material.toSupply ? '，等待窗口核验。' : '。'), true);
      await load();
    } catch (error) {
      say(error.message);
      input.value = '';
    }
  }

  async function sendRectification(applicationId, input) {
    const file = input.files[0];
    if (!file) {
      return;
    }
    const form = new FormData();
    form.append('file', file);
    try {
      await call('/applications/' + applicationId + '/rectification', { method: 'POST', body: form });
      say('整改材料“' + file.name + '”已上传，等待承办人复查。', true);
      await load();
    } catch (error) {
      say(error.message);
      input.value = '';
    }
  }

  async function load() {
    render(await (await call('/applications')).json());
  }

  function show() {
    const loggedIn = session !== null;
    $('#login').hidden = loggedIn;
    $('#cases').hidden = !loggedIn;
    $('#password').hidden = !loggedIn;
    $('#logout').hidden = !loggedIn;
    $('#who').hidden = !loggedIn;
    $('#who').textContent = loggedIn ? session.enterpriseName + '（' + session.userId + '）' : '';
  }

  function loggedOut() {
    session = null;
    $('#case-list').textContent = '';
    show();
  }

  $('#login').addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(event.target);
    try {
      const response = await fetch('/api/portal/session', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
        body: JSON.stringify({ creditCode: String(data.get('creditCode')).trim(), password: data.get('password') })
      });
      if (!response.ok) {
        say(await reason(response));
        return;
      }
      session = await response.json();
      event.target.reset();
      say('');
      show();
      await load();
    } catch (error) {
      say(error.message);
    }
  });

  $('#password').addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(event.target);
    try {
      await call('/password', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ currentPassword: data.get('currentPassword'), newPassword: data.get('newPassword') })
      });
      event.target.reset();
      say('密码已修改。', true);
    } catch (error) {
      say(error.message);
    }
  });

  $('#logout').addEventListener('click', async () => {
    try {
      await call('/session', { method: 'DELETE' });
      say('已退出登录。', true);
    } catch (error) {
      say(error.message);
    }
    loggedOut();
  });

  // a reload keeps the login: the session tells who is logged in and hands the page its token again
  fetch('/api/portal/session', { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' } })
    .then((response) => (response.ok ? response.json() : { loggedIn: false }))
    .then((current) => {
      session = current.loggedIn ? current : null;
      show();
      return session ? load() : null;
    })
    .catch((error) => say(error.message));
}());
