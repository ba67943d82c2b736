/*
 * Xuke: dates in Tasklist and Cockpit as the bureau writes them, in its zone (Asia/Shanghai).
 *
 * 1. The Camunda Forms date picker (form-js 1.8.7 in Tasklist 7.24 wraps flatpickr) takes its format
 *    from the browser's default locale (M/D/Y on most workstations, whatever the placeholder says) and
 *    shows English month names. Here flatpickr learns Chinese month and day names with weeks from
 *    Monday (its public `localize`), and every picker — through a default `onParseConfig` hook, which
 *    form-js does not set — reads what is typed as year-month-day (2026/12/04, 2026-12-04, 2026.12.04,
 *    2026年12月4日, 20261204; an impossible day such as 2026-02-30 is refused, never rolled over) and
 *    shows the chosen date as 2026-12-04. form-js still receives a Date and submits its own ISO value.
 *    Patching flatpickr through its public configuration API keeps form-js's picker, keyboard handling
 *    and validation; replacing the date fields would have meant changing every form and re-validating
 *    dates by hand.
 * 2. The webapps' own dates (moment.js): shown at +08:00 whatever the workstation's zone is (China has
 *    no daylight saving time since 1991), formats from config.js (`dateFormat`) and locales/zh.json.
 *
 * Loaded through `customScripts` in Tasklist's and Cockpit's config.js ('../xuke/dates-zh'); it finds
 * flatpickr (Tasklist's forms only) and moment by their public shape in the webapp's module registry,
 * not by module numbers.
 */
const BUREAU_OFFSET_MINUTES = 8 * 60;

const CHINESE = {
  weekdays: {
    shorthand: ['日', '一', '二', '三', '四', '五', '六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
  },
  months: {
    shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月']
  },
  firstDayOfWeek: 1,
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动切换',
  toggleTitle: '点击切换',
  time_24hr: true,
  yearAriaLabel: '年',
  monthAriaLabel: '月',
  hourAriaLabel: '时',
  minuteAriaLabel: '分'
};

const ARIA_FORMAT = 'Y年n月j日';

const pad = (number) => String(number).padStart(2, '0');

/** Year-month-day as typed, or undefined: one separator of - / . , 年月日, or eight digits. */
function parseYearMonthDay(text) {
  if (typeof text !== 'string') {
    return undefined;
  }
  const value = text.trim();
  const match = value.match(/^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/)
    || value.match(/^(\d{4})(年)(\d{1,2})月(\d{1,2})日?$/)
    || value.match(/^(\d{4})()(\d{2})(\d{2})$/);
  if (!match) {
    return undefined;
  }
  const year = Number(match[1]);
  const month = Number(match[3]);
  const day = Number(match[4]);
  const date = new Date(year, month - 1, day);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) {
    return undefined;
  }
  return date;
}

function formatYearMonthDay(date, format) {
  if (!(date instanceof Date) || isNaN(date.getTime())) {
    return '';
  }
  if (format === ARIA_FORMAT) {
    return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
  }
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return /[HhGi]/.test(format || '') ? `${day} ${pad(date.getHours())}:${pad(date.getMinutes())}` : day;
}

function patchFlatpickr(flatpickr) {
  if (flatpickr._xukePatched) {
    return;
  }
  flatpickr.localize(CHINESE);
  const hooks = [].concat(flatpickr.defaultConfig.onParseConfig || []);
  hooks.push((selectedDates, value, instance) => {
    instance.config.parseDate = parseYearMonthDay;
    instance.config.formatDate = formatYearMonthDay;
  });
  flatpickr.setDefaults({ onParseConfig: hooks, ariaDateFormat: ARIA_FORMAT });
  flatpickr._xukePatched = true;
}

function patchMoment(moment) {
  if (moment.fn._xukeFormat) {
    return;
  }
  const format = moment.fn.format;
  moment.fn._xukeFormat = format;
  moment.fn.format = function (...args) {
    return this.isValid() ? format.apply(this.clone().utcOffset(BUREAU_OFFSET_MINUTES), args) : format.apply(this, args);
  };
}

const isFlatpickr = (exports) => typeof exports === 'function' && exports.l10ns && typeof exports.localize === 'function'
  && typeof exports.setDefaults === 'function' && exports.defaultConfig;
const isMoment = (exports) => typeof exports === 'function' && exports.fn && typeof exports.fn.utcOffset === 'function'
  && exports.ISO_8601 !== undefined;

/** A module already loaded, or else the one module whose source has every hint (loaded then). */
function findModule(require, test, sourceHints) {
  const loaded = Object.values(require.c || {}).map((module) => module && module.exports).find(test);
  if (loaded) {
    return loaded;
  }
  for (const id of Object.keys(require.m || {})) {
    const source = String(require.m[id]);
    if (sourceHints.every((hint) => source.includes(hint))) {
      const exports = require(id);
      const candidate = [exports, exports && exports.default].find(test);
      if (candidate) {
        return candidate;
      }
    }
  }
  return null;
}

// the footer names the zone the dates are shown in: the bureau's, not the workstation's
const ZONE_NAME = '北京时间（Asia/Shanghai）';
new MutationObserver(() => {
  const zone = document.querySelector('#footer-timezone i');
  if (zone && zone.textContent !== ZONE_NAME) {
    zone.textContent = ZONE_NAME;
  }
}).observe(document.documentElement, { subtree: true, childList: true, characterData: true });

const chunks = (self.webpackChunkcamunda_bpm_webapp = self.webpackChunkcamunda_bpm_webapp || []);
chunks.push([[`xuke-dates-zh-${Date.now()}`], {}, (require) => {
  const flatpickr = findModule(require, isFlatpickr, ['l10ns', 'flatpickr-calendar', 'localize']);
  if (flatpickr) {
    patchFlatpickr(flatpickr);
  } else if (document.querySelector('base[app-root]') && /\/app\/tasklist\//.test(location.pathname)) {
    console.warn('Xuke: flatpickr not found; the form date picker keeps its English month/day/year');
  }
  const moment = findModule(require, isMoment, ['ISO_8601', 'updateLocale', 'Invalid date']);
  if (moment) {
    patchMoment(moment);
  } else {
    console.warn('Xuke: moment not found; the webapp shows dates in the workstation\'s zone');
  }
}]);
