/*
 * 案卷 — Tasklist plugin of Xuke (Camunda 7.24 webapps): the case file beside every task.
 *
 * Loaded by scripts/config.js (`customScripts`) as a plain ES module. The bootstrap
 * (camunda-tasklist-bootstrap.js 7.24.0) registers it as a tab of the task view (plugin point
 * `tasklist.task.detail`, between 表单 (priority 1000) and 历史 (800)) and calls
 * `render(node, props, scope)` with props = { taskId, api: { CSRFToken, … } }.
 *
 * One read: GET /api/tasks/{taskId}/case-file (the case, its enterprise, materials and their
 * documents, notices, licence, expert panel and draws, inspection, clocks, history, and what the
 * reader may do). Changes (uploads, the portal account) carry the webapps' CSRF token. Every text
 * from the server goes in through text nodes. Dates: yyyy-MM-dd HH:mm in Asia/Shanghai.
 *
 * Stable hooks for UI tests: #xuke-case-file, .xuke-cf-section[data-section=…], tr.xuke-cf-material,
 * a.xuke-cf-open / a.xuke-cf-download, button.xuke-cf-print, form.xuke-cf-evidence-upload,
 * form.xuke-cf-material-upload, button.xuke-cf-open-account, .xuke-cf-message.
 */

import {
  abortOnDestroy, append, appApiRoot, clear, contextPath, el, ensureStyles, errorText, formatDate, formatDateTime,
  getJson, localInputValue, send
} from '../../xuke/ui.js';

const TASK_ON_SITE_INSPECTION = 'Task_OnSiteInspection';
const MATERIAL_TASKS = ['Task_RecordSuppliedMaterials', 'Task_AcceptApplication'];
const LIGHT_TEXTS = { GREEN: '正常', AMBER: '预警', RED: '超期', GREY: '暂停或已结束' };

/** A server link (/api/…) under the webapps' context path. */
function link(path) {
  return path ? `${contextPath()}${path}` : null;
}

function sizeText(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function section(name, title, ...content) {
  return el('section', { class: 'xuke-cf-section', 'data-section': name },
    el('h4', { class: 'xuke-cf-title' }, title), content);
}

function table(headers, rows, empty) {
  return el('table', { class: 'table table-condensed xuke-cf-table' },
    el('thead', {}, el('tr', {}, headers.map((header) => el('th', {}, header)))),
    el('tbody', {}, rows.length ? rows
      : el('tr', {}, el('td', { colspan: headers.length, class: 'text-muted' }, empty || '暂无'))));
}

function definitions(pairs) {
  return el('dl', { class: 'dl-horizontal xuke-cf-facts' },
    pairs.filter(([, value]) => value !== null && value !== undefined && value !== '')
      .map(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]));
}

/** 打开 (in the browser) where the browser can show it, and 下载 always. */
function documentLinks(document) {
  return el('span', { class: 'xuke-cf-document' },
    el('span', { class: 'xuke-cf-document-name' }, document.name), ' ',
    el('small', { class: 'text-muted' }, `${document.typeText}，${sizeText(document.sizeBytes)}，`
      + `${formatDateTime(document.uploadedAt)}${document.uploadedBy ? ' ' + document.uploadedBy : ''}`), ' ',
    document.viewUrl ? el('a', { class: 'xuke-cf-open', href: link(document.viewUrl), target: '_blank', rel: 'noopener' }, '打开')
      : null, ' ',
    el('a', { class: 'xuke-cf-download', href: link(document.url), download: document.name }, '下载'));
}

function printButton(url, label) {
  return el('button', {
    type: 'button', class: 'btn btn-default btn-xs xuke-cf-print',
    onclick: () => window.open(link(url), '_blank', 'noopener')
  }, label || '打印');
}

/** A file chooser in Chinese whatever the browser's language: a button, the chosen names beside it. */
function fileChooser(input, label) {
  input.classList.add('xuke-cf-file-input');
  const chosen = el('span', { class: 'text-muted xuke-cf-chosen' }, '未选择文件');
  input.addEventListener('change', () => {
    chosen.textContent = input.files.length ? Array.from(input.files).map((one) => one.name).join('、') : '未选择文件';
  });
  return el('span', { class: 'xuke-cf-chooser' },
    el('label', { class: 'btn btn-default btn-sm' }, label, input), ' ', chosen);
}

function message(container, css, text) {
  container.appendChild(el('div', { class: `alert alert-${css} xuke-cf-message`, role: css === 'danger' ? 'alert' : 'status' }, text));
}

// ---------------------------------------------------------------------------------------------

function renderCaseFile(node, props, scope) {
  ensureStyles('xuke-case-file-styles', new URL('./case-file.css', import.meta.url).href);
  const controller = abortOnDestroy(scope);
  const csrf = props && props.api ? props.api.CSRFToken : null;
  const container = el('div', { id: 'xuke-case-file', class: 'xuke-case-file' });
  node.appendChild(container);

  async function load(notice) {
    clear(container);
    container.appendChild(el('div', { class: 'text-muted' }, '正在加载案卷…'));
    let result;
    try {
      result = await getJson(`${appApiRoot()}/tasks/${encodeURIComponent(props.taskId)}/case-file`, controller.signal);
    } catch (e) {
      if (e.name === 'AbortError') return;
      clear(container);
      message(container, 'danger', '案卷加载失败，请检查网络后刷新。');
      return;
    }
    clear(container);
    if (!result.ok) {
      message(container, result.status === 404 ? 'info' : 'danger',
        result.status === 404 ? '此任务不属于许可案件，没有案卷。' : errorText(result));
      return;
    }
    if (notice) {
      message(container, notice.css, notice.text);
    }
    show(result.body);
  }

  function show(file) {
    const s = file.summary;
    // beside the inspection task the inspection comes first: its uploads are that step's work
    const inspectionFirst = file.taskDefinitionKey === TASK_ON_SITE_INSPECTION && file.inspections;
    append(container, [
      section('summary', `案卷 ${s.caseNumber}`,
        definitions([
          ['许可事项', s.licenceTypeName],
          ['办理状态', s.statusText],
          ['收件', `${formatDateTime(s.receivedAt)}${s.receivedBy ? ' ' + s.receivedBy : ''}`],
          ['受理', s.acceptedAt ? formatDateTime(s.acceptedAt) : null],
          ['许可决定', s.decisionText ? `${s.decisionText}（${formatDateTime(s.decidedAt)}）` : null],
          ['送达', s.deliveryText],
          ['办结', s.completedAt ? formatDateTime(s.completedAt) : null],
          ['归档', s.archivedAt ? formatDateTime(s.archivedAt) : null]
        ])),
      inspectionFirst ? inspections(file) : null,
      enterprise(file),
      materials(file),
      notices(file),
      file.licence ? section('licence', '许可证',
        definitions([
          ['证书编号', file.licence.licenceNumber],
          ['持证单位', file.licence.holderName],
          ['发证日期', formatDate(file.licence.issueDate)],
          ['有效期至', file.licence.validUntil ? formatDate(file.licence.validUntil) : '长期'],
          ['电子签章', file.licence.signedAt ? `${file.licence.signedBy || ''} ${formatDateTime(file.licence.signedAt)}` : '待分管局长网签']
        ]), printButton(file.licence.pdfUrl, '打印许可证'), ' ',
        file.licence.firstIssuePdfUrl ? printButton(file.licence.firstIssuePdfUrl, '打印首次签发件（未签章）') : null) : null,
      file.experts ? experts(file.experts) : null,
      file.inspections && !inspectionFirst ? inspections(file) : null,
      clocks(file),
      history(file),
      file.archive ? archive(file.archive) : null
    ]);
  }

  function enterprise(file) {
    const e = file.enterprise;
    const part = section('enterprise', '申请单位', definitions([
      ['单位名称', e.name],
      ['统一社会信用代码', e.creditCode],
      ['联系人', e.contactName ? `${e.contactName}${e.contactPhone ? '，' + e.contactPhone : ''}` : null],
      ['所在区县', e.district],
      ['企业服务平台', file.actions.openPortalAccount ? '尚未开通账号' : null]
    ]));
    if (file.actions.openPortalAccount) {
      const result = el('div', { class: 'xuke-cf-account' });
      part.appendChild(el('button', {
        type: 'button', class: 'btn btn-primary btn-sm xuke-cf-open-account',
        onclick: async (event) => {
          event.target.disabled = true;
          const answer = await send('POST', `${appApiRoot()}/enterprise-accounts`, csrf, { creditCode: e.creditCode },
            'application/pdf');
          clear(result);
          if (!answer.ok) {
            event.target.disabled = false;
            message(result, 'danger', errorText(answer));
            return;
          }
          const letter = URL.createObjectURL(await answer.response.blob());
          message(result, 'success', '企业服务平台账号已开通。初始密码只显示在开户通知书上，请打印后交企业（或邮寄），企业首次登录须修改密码。');
          result.appendChild(el('a', { class: 'btn btn-default btn-sm xuke-cf-print', href: letter, target: '_blank',
            rel: 'noopener', download: `开户通知书-${e.creditCode}.pdf` }, '打印开户通知书'));
        }
      }, '开通企业服务平台账号'));
      part.appendChild(result);
    }
    return part;
  }

  function materials(file) {
    const rows = file.materials.map((item) => el('tr', { class: 'xuke-cf-material' },
      el('td', {}, item.name, item.keyMaterial ? el('span', { class: 'label label-danger xuke-cf-key' }, '关键') : null),
      el('td', {}, item.stateText),
      el('td', {}, item.documents.length ? item.documents.map((document) => el('div', {}, documentLinks(document)))
        : el('span', { class: 'text-muted' }, '无电子件'))));
    const part = section('materials', '申请材料', table(['材料', '状态', '电子件'], rows));
    if (file.actions.uploadMaterials && MATERIAL_TASKS.includes(file.taskDefinitionKey)) {
      part.appendChild(materialUpload(file));
    }
    return part;
  }

  /** The clerk adds what the enterprise handed in at the window to a material (several files at once). */
  function materialUpload(file) {
    const select = el('select', { class: 'form-control input-sm', name: 'materialCode', required: true },
      el('option', { value: '' }, '请选择材料'),
      file.materials.map((item) => el('option', { value: item.code }, item.name)));
    const files = el('input', { type: 'file', name: 'file', multiple: true, required: true,
      accept: '.pdf,.ofd,.jpg,.jpeg,.png,.doc,.docx,.xlsx' });
    const status = el('div', {});
    const form = el('form', { class: 'form-inline xuke-cf-material-upload' },
      el('label', {}, '窗口收到的材料：'), select, ' ', fileChooser(files, '选择文件'), ' ',
      el('button', { type: 'submit', class: 'btn btn-primary btn-sm' }, '上传'), status);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clear(status);
      if (!select.value || !files.files.length) {
        message(status, 'warning', '请选择材料和要上传的文件。');
        return;
      }
      const done = await uploadEach(files.files, (one) => {
        const body = new FormData();
        body.append('file', one);
        return send('POST', `${appApiRoot()}/applications/${file.applicationId}/materials/${encodeURIComponent(select.value)}/documents`,
          csrf, body);
      }, status);
      if (done) load({ css: 'success', text: `已上传 ${done} 个文件。` });
    });
    return form;
  }

  /** Uploads the files one after another; stops at the first refusal and says why. */
  async function uploadEach(list, upload, status) {
    let done = 0;
    for (const one of Array.from(list)) {
      const answer = await upload(one);
      if (!answer.ok) {
        message(status, 'danger', `“${one.name}”未能上传：${errorText(answer)}` + (done ? `（此前 ${done} 个已上传）` : ''));
        return 0;
      }
      done++;
    }
    return done;
  }

  function notices(file) {
    const rows = file.notices.map((notice) => el('tr', {},
      el('td', {}, notice.title, notice.signedAt
        ? el('span', { class: 'label label-success xuke-cf-signed', title: `${notice.signedBy || ''} ${formatDateTime(notice.signedAt)} 电子签章` }, '已电子签章')
        : null),
      el('td', {}, notice.noticeNumber),
      el('td', {}, `${formatDateTime(notice.issuedAt)}${notice.issuedBy ? ' ' + notice.issuedBy : ''}`),
      el('td', {}, printButton(notice.pdfUrl))));
    return section('notices', '文书', table(['文书', '文号', '出具', ''], rows, '尚未出具文书'));
  }

  function experts(part) {
    const panel = part.panel.map((member) => el('tr', {},
      el('td', {}, member.name), el('td', {}, member.specialty || '—'), el('td', {}, member.stateText),
      el('td', {}, member.conclusionText ? `${member.conclusionText}（${formatDateTime(member.reviewedAt)}）` : '—')));
    const draws = part.draws.map((draw) => {
      const verdict = el('span', {});
      return el('tr', {},
        el('td', {}, draw.purposeText), el('td', {}, `${formatDateTime(draw.drawnAt)} ${draw.drawnBy || ''}`),
        el('td', {}, `${draw.candidates} 人`),
        el('td', {}, el('button', {
          type: 'button', class: 'btn btn-default btn-xs',
          onclick: async () => {
            const answer = await getJson(link(draw.verificationUrl));
            clear(verdict);
            verdict.appendChild(document.createTextNode(!answer.ok ? errorText(answer)
              : answer.body.reproduced ? ' 按记录重新抽取，结果一致' : ' 按记录重新抽取，结果不一致！请报告'));
          }
        }, '核验'), verdict));
    });
    return section('experts', '评审专家',
      table(['专家', '专业', '状态', '预审意见'], panel, '尚未抽取专家'),
      part.agencyName ? definitions([['技术服务机构', part.agencyName]]) : null,
      el('h5', {}, '抽取记录'), table(['抽取', '时间', '候选人数', ''], draws, '暂无抽取记录'));
  }

  function inspections(file) {
    const part = section('inspection', '现场核查');
    if (!file.inspections.length) {
      part.appendChild(el('p', { class: 'text-muted' }, '尚未安排现场核查'));
      return part;
    }
    const inspection = file.inspections[0];
    part.appendChild(definitions([
      ['核查时间', `${formatDateTime(inspection.startsAt)} 至 ${formatDateTime(inspection.endsAt).slice(11)}`
        + (inspection.afterHours ? '（非工作时间）' : '')],
      ['状态', inspection.stateText],
      ['参加人员', inspection.people.join('、')],
      ['核查结论', inspection.resultText],
      ['发现问题', inspection.findings],
      ['记录', inspection.recordedAt ? `${formatDateTime(inspection.recordedAt)} ${inspection.recordedBy || ''}` : null]
    ]));
    const rows = inspection.evidence.map((evidence) => el('tr', {},
      el('td', {}, documentLinks(evidence.document)), el('td', {}, formatDateTime(evidence.capturedAt)),
      el('td', {}, evidence.device || '—')));
    part.appendChild(el('h5', {}, '现场影像资料'));
    part.appendChild(table(['文件', '拍摄时间', '设备'], rows, '尚未上传影像资料'));
    if (file.taskDefinitionKey === TASK_ON_SITE_INSPECTION && inspection.stateText !== '已核查') {
      part.appendChild(evidenceUpload(inspection));
    }
    return part;
  }

  /** The inspector adds photos and videos, each with its capture time (from the file, editable) and the device. */
  function evidenceUpload(inspection) {
    const files = el('input', { type: 'file', name: 'file', multiple: true, accept: 'image/jpeg,image/png,video/mp4,video/quicktime' });
    const device = el('input', { type: 'text', class: 'form-control input-sm', name: 'device', maxlength: 100,
      placeholder: '如：执法记录仪 01、手机' });
    const times = el('div', { class: 'xuke-cf-capture-times' });
    const status = el('div', {});
    files.addEventListener('change', () => {
      clear(times);
      Array.from(files.files).forEach((one, index) => times.appendChild(el('div', { class: 'form-inline' },
        el('label', { for: `xuke-cf-captured-${index}` }, `${one.name} 拍摄时间：`),
        el('input', { id: `xuke-cf-captured-${index}`, type: 'datetime-local', class: 'form-control input-sm xuke-cf-captured',
          value: localInputValue(new Date(one.lastModified || Date.now())), required: true }))));
    });
    const form = el('form', { class: 'xuke-cf-evidence-upload' },
      el('p', { class: 'help-block' }, '选择执法记录仪或手机拍摄的照片、视频（可多选），核对每个文件的拍摄时间后上传。'),
      el('div', { class: 'form-inline' }, fileChooser(files, '选择照片或视频'), ' ', el('label', {}, '拍摄设备：'), device),
      times,
      el('button', { type: 'submit', class: 'btn btn-primary btn-sm' }, '上传影像资料'), status);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clear(status);
      if (!files.files.length) {
        message(status, 'warning', '请先选择要上传的照片或视频。');
        return;
      }
      const captured = Array.from(times.querySelectorAll('input.xuke-cf-captured')).map((input) => input.value);
      let index = 0;
      const done = await uploadEach(files.files, (one) => {
        const body = new FormData();
        body.append('file', one);
        body.append('capturedAt', captured[index++] || '');
        body.append('device', device.value);
        return send('POST', `${appApiRoot()}/inspections/${inspection.inspectionId}/evidence`, csrf, body);
      }, status);
      if (done) load({ css: 'success', text: `已上传 ${done} 个影像文件。` });
    });
    return form;
  }

  function clocks(file) {
    const rows = file.clocks.map((clock) => el('tr', { class: `xuke-cf-clock xuke-cf-light-${(clock.light || 'GREY').toLowerCase()}` },
      el('td', {}, clock.label), el('td', {}, clock.stateText), el('td', {}, formatDateTime(clock.dueAt)),
      el('td', {}, clock.remainingText || '—'), el('td', {}, LIGHT_TEXTS[clock.light] || '')));
    return section('clocks', '办理期限', table(['期限', '状态', '到期', '剩余', ''], rows, '尚未开始计时'));
  }

  function archive(record) {
    const rows = record.index.map((item) => el('tr', {},
      el('td', {}, item.sequence), el('td', {}, item.title), el('td', {}, item.number || '—'), el('td', {}, formatDate(item.date))));
    return section('archive', '归档',
      definitions([['档案号', record.archiveNumber], ['归档', `${formatDateTime(record.archivedAt)} ${record.archivedBy || ''}`]]),
      record.indexPdfUrl ? printButton(record.indexPdfUrl, '打印卷内目录') : null,
      el('h5', {}, '卷内目录'), table(['序号', '文件名称', '文号', '日期'], rows));
  }

  function history(file) {
    const rows = file.history.map((entry) => el('tr', {},
      el('td', {}, formatDateTime(entry.at)), el('td', {}, entry.who || '—'), el('td', {}, entry.what)));
    return section('history', '办理记录', table(['时间', '办理人', '事项'], rows));
  }

  load();
}

export default [
  {
    id: 'xuke-case-file',
    pluginPoint: 'tasklist.task.detail',
    priority: 900,
    label: '案卷',
    render(node, props, scope) {
      renderCaseFile(node, props || {}, scope);
    }
  }
];
