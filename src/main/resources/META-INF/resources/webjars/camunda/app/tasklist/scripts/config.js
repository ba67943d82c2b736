/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// Copy of the Camunda 7.24.0 default app/tasklist/scripts/config.js (camunda-webapp-webjar-7.24.0), unchanged except that `dateFormat`, `locales` (zh + en, fallback zh) and `customScripts` (scripts/forms-zh.js, scripts/dynamic-lists.js, ../xuke/dates-zh.js, scripts/task-list.js, scripts/case-file.js — the 案卷 tab) were added.
// This file replaces the webjar's config.js (no merge): when upgrading Camunda, re-copy the new default and re-apply the additions.
// Translations: ../locales/zh.json (see ../../TRANSLATIONS.md).

export default {
  // change the app name and vendor
  // app: {
  //   name: 'Todos',
  //   vendor: 'Company'
  // },
  //
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // "locales": {
  //    "availableLocales": ["en", "de"],
  //    "fallbackLocale": "en"
  //  },
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'tasklist' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  // Added: every date the bureau's staff see is YYYY-MM-DD or YYYY-MM-DD HH:mm (moment.js formats; shown at
  // +08:00 by ../xuke/dates-zh.js).
  dateFormat: {
    monthName: 'M月',
    day: 'DD',
    abbr: 'YYYY-MM-DD HH:mm',
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY-MM-DD HH:mm',
    short: 'YYYY-MM-DD'
  },

  // Added: Chinese UI. The app takes the language part of the browser's first preferred language
  // ('zh-CN' -> 'zh', hence locales/zh.json); a first language other than zh/en falls back to zh.
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },

  // Added: Chinese validation messages and placeholders for the Camunda Forms renderer; forms with dynamic
  // lists; the date picker in Chinese, reading year-month-day; the list sorted by due date with the working
  // days left; the 案卷 tab beside every task.
  customScripts: ['scripts/forms-zh', 'scripts/dynamic-lists', '../xuke/dates-zh', 'scripts/task-list', 'scripts/case-file'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
