/* global document, location, window, fetch, FormData, URLSearchParams, URL, Chart */
// The oversight dashboard (داشبورد نظارت). It asks only for report aggregates and one page of the audit
// search, so it stays fast however long the log is. The token lives in this closure only: a reload or
// "sign out" forgets it, and no other script or tab can read it.
(() => {
  'use strict';

  const FONT = 'Tahoma, Vazirmatn, sans-serif';
  const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];
  const PAGE_SIZE = 50;
  /** Opened without a range, the charts ask for the last 90 Tehran days, never the whole log. */
  const DEFAULT_DAYS = 90;
  /** The most rows of a list report (overrides) one chart reads. */
  const LIST_PAGE = '1000';
  const jalaliDay = new Intl.DateTimeFormat('en-US-u-ca-persian-nu-latn', {
    timeZone: 'Asia/Tehran',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const number = new Intl.NumberFormat('fa-IR');
  const $ = (selector) => document.querySelector(selector);

  let token;
  let labels = { permitStatus: {}, inquiryKind: {}, role: {} };
  let nextCursor;
  let searched = {};
  const charts = new Map();

  const persianDigits = (text) => String(text).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[d]);
  const stageName = (process, code) =>
    (process === 'inquiry' ? labels.inquiryKind[code] : labels.permitStatus[code]) ?? code;
  const roleName = (role) => labels.role[role] ?? role;

  function queryString(params) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
    const text = query.toString();
    return text ? `?${text}` : '';
  }

  function filledFields(form) {
    const fields = {};
    for (const [key, value] of new FormData(form))
      if (String(value).trim()) fields[key] = String(value).trim();
    return fields;
  }

  class Refused extends Error {}

  async function api(path, params, accept = 'application/json') {
    const response = await fetch(path + queryString(params), {
      headers: { authorization: `Bearer ${token}`, accept },
    });
    if (response.status === 401) {
      signOut('نشست شما به پایان رسید؛ دوباره وارد شوید.');
      throw new Refused('signed out');
    }
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      if (response.status === 403) throw new Refused('این بخش فقط برای مدیران نظارت همین حوزه است.');
      throw new Error(problem.detail ?? `پاسخ ${response.status}`);
    }
    return accept === 'application/json' ? response.json() : response.blob();
  }

  // --- sign-in -----------------------------------------------------------------------------------------

  async function signIn(event) {
    event.preventDefault();
    const form = event.currentTarget;
    const error = $('#sign-in-error');
    error.textContent = '';
    const fields = new FormData(form);
    const response = await fetch('/auth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ username: fields.get('username'), password: fields.get('password') }),
    }).catch(() => undefined);
    if (!response?.ok) {
      error.textContent =
        response?.status === 429
          ? 'تلاش‌های ناموفق زیاد بود؛ کمی بعد دوباره امتحان کنید.'
          : response?.status === 401
            ? 'نام کاربری یا گذرواژه نادرست است.'
            : 'ورود ممکن نشد؛ دوباره امتحان کنید.';
      return;
    }
    token = (await response.json()).accessToken;
    $('#who').textContent = `کاربر: ${fields.get('username')}`;
    form.reset();
    for (const element of ['#who', '#sign-out', '#dashboard']) $(element).hidden = false;
    $('#sign-in').hidden = true;
    await drawCharts();
    if (location.hash.startsWith('#search')) await searchFromHash();
  }

  function signOut(message = '') {
    token = undefined;
    for (const chart of charts.values()) chart.destroy();
    charts.clear();
    for (const element of ['#who', '#sign-out', '#dashboard']) $(element).hidden = true;
    $('#sign-in').hidden = false;
    $('#sign-in-error').textContent = message;
    $('#results tbody').replaceChildren();
  }

  // --- charts ------------------------------------------------------------------------------------------

  const countsBy = (rows, key, value = (row) => row.count ?? 1) => {
    const counts = new Map();
    for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + value(row));
    return counts;
  };
  const stageKey = (row, code) => `${row.process}:${code}`;
  const stageLabel = (key) => stageName(...key.split(':'));
  const hours = (seconds) => Math.round(seconds / 36) / 100;

  /** Each chart: its report, what it draws from the rows, and the search its caption opens. */
  const CHARTS = {
    turnaround: {
      report: 'turnaround',
      params: { series: 'month' },
      search: { category: 'permit' },
      draw(rows) {
        const periods = [...new Set(rows.map((row) => row.period))].sort();
        const stages = [...new Set(rows.map((row) => stageKey(row, row.stage)))];
        return {
          type: 'line',
          data: {
            labels: periods.map(persianDigits),
            datasets: stages.map((stage) => ({
              label: stageLabel(stage),
              data: periods.map((period) => {
                const row = rows.find((r) => r.period === period && stageKey(r, r.stage) === stage);
                return row ? hours(row.medianSeconds) : null;
              }),
              spanGaps: true,
            })),
          },
        };
      },
    },
    'open-files': {
      report: 'open-files',
      asOfNow: true,
      search: { category: 'permit' },
      draw: (rows) => stageBars('پرونده باز', rows, (row) => row.state),
    },
    deadlines: {
      report: 'deadlines',
      asOfNow: true,
      search: { category: 'permit' },
      draw: (rows) =>
        stageBars(
          'گذشته از مهلت',
          rows,
          (row) => row.stage,
          () => 1,
        ),
    },
    overrides: {
      report: 'overrides',
      params: { pageSize: LIST_PAGE },
      search: { type: 'DesignApproved,FeeOverridden' },
      draw(rows) {
        const clerks = [...new Set(rows.map((row) => row.actorId))];
        const count = (kind) => (clerk) => rows.filter((r) => r.actorId === clerk && r.kind === kind).length;
        const chart = bars(clerks, [
          { label: 'عدول از ضوابط طرح', data: clerks.map(count('design')) },
          { label: 'تغییر عوارض', data: clerks.map(count('fee')) },
        ]);
        chart.options = { scales: { x: { stacked: true }, y: { stacked: true } } };
        // A bar opens that clerk's actions in the search.
        chart.searchAt = (index) => ({ actor: clerks[index] });
        return chart;
      },
    },
    activity: {
      report: 'activity',
      search: {},
      draw(rows) {
        const buckets = Array.from({ length: 24 }, (_, hour) => String(hour).padStart(2, '0'));
        const counts = countsBy(
          rows.filter((row) => row.by === 'hour'),
          (row) => row.bucket,
        );
        return bars(buckets.map(persianDigits), [
          { label: 'اقدام', data: buckets.map((b) => counts.get(b) ?? 0) },
        ]);
      },
    },
  };

  function bars(labels, datasets) {
    return { type: 'bar', data: { labels, datasets } };
  }

  /** One bar per permit status or inquiry kind, summing `value` over its rows. */
  function stageBars(label, rows, code, value) {
    const counts = countsBy(rows, (row) => stageKey(row, code(row)), value);
    return bars([...counts.keys()].map(stageLabel), [{ label, data: [...counts.values()] }]);
  }

  function chartOptions(extra, onBarClick) {
    return {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      locale: 'fa-IR',
      plugins: {
        legend: { rtl: true, textDirection: 'rtl', position: 'bottom', labels: { boxWidth: 12 } },
        tooltip: { rtl: true, textDirection: 'rtl' },
      },
      ...extra,
      scales: {
        ...extra?.scales,
        x: { reverse: true, ...extra?.scales?.x },
        y: { beginAtZero: true, position: 'right', ticks: { precision: 0 }, ...extra?.scales?.y },
      },
      ...(onBarClick ? { onClick: (_event, elements) => elements[0] && onBarClick(elements[0].index) } : {}),
    };
  }

  /** The Jalali day (`1405-06-13`) the default range starts: today and the 89 Tehran days before it. */
  function defaultFrom() {
    const parts = jalaliDay.formatToParts(new Date(Date.now() - (DEFAULT_DAYS - 1) * 86_400_000));
    const part = (type) => parts.find((p) => p.type === type).value;
    return `${part('year')}-${part('month')}-${part('day')}`;
  }

  async function drawCharts() {
    const form = $('#filters');
    if (!form.elements.from.value.trim() && !form.elements.to.value.trim())
      form.elements.from.value = defaultFrom();
    const scope = filledFields(form);
    // Open files and deadlines are as of now: a time range would hide files waiting longer than it.
    const { from: _from, to: _to, ...place } = scope;
    Chart.defaults.font.family = FONT;
    await Promise.all(
      Object.entries(CHARTS).map(([id, spec]) => drawChart(id, spec, spec.asOfNow ? place : scope)),
    );
  }

  async function drawChart(id, spec, scope) {
    const figure = document.getElementById(id);
    const note = figure.querySelector('.note');
    figure.querySelector('.to-search').href = `#search${queryString({ ...scope, ...spec.search })}`;
    figure.dataset.state = 'loading';
    note.textContent = '';
    try {
      const answer = await api(`/audit/reports/${spec.report}`, { ...scope, ...spec.params });
      const rows = answer.rows ?? [];
      const { options, searchAt, ...config } = spec.draw(rows);
      charts.get(id)?.destroy();
      const openSearch =
        searchAt && ((index) => openSearchOf({ ...scope, ...spec.search, ...searchAt(index) }));
      const chart = new Chart(figure.querySelector('canvas'), {
        ...config,
        data: {
          ...config.data,
          datasets: config.data.datasets.map((set, i) => ({
            borderColor: COLOURS[i % COLOURS.length],
            backgroundColor: COLOURS[i % COLOURS.length],
            ...set,
          })),
        },
        options: chartOptions(options, openSearch),
      });
      charts.set(id, chart);
      if (rows.length === 0) note.textContent = 'در این محدوده چیزی نیست.';
      else if (answer.page?.truncated)
        note.textContent = `فقط ${number.format(rows.length)} مورد آخر آمده است؛ محدوده را کوتاه‌تر کنید.`;
      figure.dataset.state = 'drawn';
    } catch (error) {
      figure.dataset.state = 'failed';
      note.textContent = error instanceof Refused ? error.message : `بارگیری نشد: ${error.message}`;
    }
  }

  // --- search ------------------------------------------------------------------------------------------

  function openSearchOf(params) {
    const hash = `#search${queryString(params)}`;
    if (location.hash === hash) void searchFromHash();
    else location.hash = hash;
  }

  async function searchFromHash() {
    if (!token || !location.hash.startsWith('#search')) return;
    const params = Object.fromEntries(new URLSearchParams(location.hash.slice('#search?'.length)));
    const form = $('#search-form');
    for (const input of form.querySelectorAll('input')) input.value = params[input.name] ?? '';
    $('#search').scrollIntoView();
    await search(params);
  }

  async function search(params, cursor) {
    const status = $('#search-status');
    status.textContent = 'در حال جستجو…';
    try {
      const page = await api('/audit/events', { ...params, pageSize: String(PAGE_SIZE), cursor });
      searched = params;
      const rows = page.items;
      const body = $('#results tbody');
      if (!cursor) body.replaceChildren();
      body.append(...rows.map(resultRow));
      nextCursor = page.nextCursor;
      $('#next-page').hidden = !nextCursor;
      status.textContent = `${number.format(body.rows.length)} رویداد${nextCursor ? ' (صفحه‌های بیشتری هست)' : ''}`;
    } catch (error) {
      status.textContent = error.message;
    }
  }

  function cell(...lines) {
    const td = document.createElement('td');
    for (const [text, className] of lines) {
      if (!text) continue;
      const span = document.createElement('span');
      span.textContent = text;
      if (className) span.className = className;
      td.append(span, ' ');
    }
    return td;
  }

  function resultRow(row) {
    const tr = document.createElement('tr');
    const { actor } = row;
    const link = document.createElement('a');
    link.href = row.link;
    link.textContent = 'مشاهده';
    link.className = 'event-link';
    tr.append(
      cell([row.timeTehran], [row.time, 'iso ltr']),
      cell(
        [actor.name ?? actor.id],
        [roleName(actor.role)],
        [actor.office],
        [actor.onBehalfOf && `از طرف ${actor.onBehalfOf}`],
        [actor.consent && `با رضایت ${actor.consent}`],
      ),
      cell([row.what.fa], [row.what.en, 'en ltr']),
      cell([row.subject, 'ltr']),
      cell(),
    );
    tr.lastChild.append(link);
    return tr;
  }

  // The event's address answers only with the token, which a plain link cannot carry: show it here.
  async function openEvent(event) {
    const link = event.target.closest('a.event-link');
    if (!link) return;
    event.preventDefault();
    try {
      const detail = $('#event-detail');
      detail.textContent = JSON.stringify(await api(link.getAttribute('href'), {}), null, 2);
      detail.hidden = false;
      detail.scrollIntoView();
    } catch (error) {
      $('#search-status').textContent = error.message;
    }
  }

  async function downloadCsv() {
    try {
      const blob = await api('/audit/events', searched, 'text/csv');
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = 'audit-events.csv';
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 0);
    } catch (error) {
      $('#search-status').textContent = error.message;
    }
  }

  // --- wiring ------------------------------------------------------------------------------------------

  $('#sign-in-form').addEventListener('submit', signIn);
  $('#sign-out').addEventListener('click', () => signOut());
  $('#filters').addEventListener('submit', (event) => {
    event.preventDefault();
    void drawCharts();
  });
  $('#search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    openSearchOf(filledFields(event.currentTarget));
  });
  $('#next-page').addEventListener('click', () => search(searched, nextCursor));
  $('#download-csv').addEventListener('click', downloadCsv);
  $('#results').addEventListener('click', openEvent);
  window.addEventListener('hashchange', searchFromHash);
  fetch('/oversight/assets/labels.json')
    .then((response) => response.json())
    .then((loaded) => (labels = loaded))
    .catch(() => undefined);
})();
