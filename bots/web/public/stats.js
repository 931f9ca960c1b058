// Statistics: the numbers of /api/stats drawn with Chart.js (served by the console itself, no CDN),
// each chart with its data table for screen readers and for copying.
const charts = {};
const COLORS = ['#1d5c7a', '#1f7a4d', '#9a5b00', '#a23b32', '#5b4c9a', '#2b7bb9', '#6b7a88', '#b0669a'];

function draw(id, config) {
  charts[id]?.destroy();
  if (typeof Chart === 'undefined') {
    $('stats-status').textContent = '图表组件没有加载，下面的数据表仍然可用。';
    return;
  }
  charts[id] = new Chart($(id), {
    ...config,
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { display: config.type === 'doughnut' || config.legend === true } },
      ...(config.options || {}),
    },
  });
}

function table(id, header, rows) {
  $(id).replaceChildren(
    el(
      'tr',
      {},
      header.map((h) => el('th', { scope: 'col', text: h })),
    ),
    ...rows.map((r) =>
      el(
        'tr',
        {},
        r.map((c) => el('td', { text: String(c) })),
      ),
    ),
  );
}

const shorten = (n) => (label) => (label.length > n ? `${label.slice(0, n)}…` : label);

/** One bar chart of counts (canvas chart-<id>) and its data table (t-<id>) from the same rows. */
function counts(id, { header, rows, color, horizontal = false, axisLabel = (l) => l }) {
  const axis = { beginAtZero: true, ticks: { precision: 0 } };
  draw(`chart-${id}`, {
    type: 'bar',
    data: {
      labels: rows.map(([label]) => axisLabel(label)),
      datasets: [{ label: header[1], data: rows.map((r) => r[1]), backgroundColor: color }],
    },
    options: horizontal ? { indexAxis: 'y', scales: { x: axis } } : { scales: { y: axis } },
  });
  table(`t-${id}`, header, rows);
}

function range() {
  const params = new URLSearchParams();
  for (const name of ['from', 'to']) if ($(name).value) params.set(name, $(name).value);
  return params;
}

async function load() {
  $('stats-status').textContent = '正在统计…';
  let s;
  try {
    s = await api('GET', `/api/stats?${range()}`);
  } catch (err) {
    $('stats-status').textContent = `统计失败：${err.message}`;
    return;
  }
  $('from').value = s.from;
  $('to').value = s.to;
  $('stats-status').textContent = `${s.from} 至 ${s.to}`;
  $('kpi-total').textContent = String(s.total);
  $('kpi-yes').textContent = String(s.eligible.yes);
  $('kpi-share').textContent = `${Math.round(s.eligible.share * 1000) / 10}%`;
  $('kpi-closed').textContent = String(s.statuses.find((x) => x.status === 'closed')?.count || 0);

  counts('day', {
    header: ['日期', '来电数'],
    rows: s.perDay.map((d) => [d.day, d.count]),
    color: COLORS[0],
    axisLabel: (day) => day.slice(5),
  });
  // long names are shortened on the axis; the data table below has them in full
  counts('route', {
    header: ['办理途径', '来电数'],
    rows: s.routes.map((r) => [r.label, r.count]),
    color: COLORS[1],
    horizontal: true,
    axisLabel: shorten(12),
  });
  const elig = [
    ['可以办理', s.eligible.yes],
    ['暂不符合', s.eligible.no],
    ['待确认', s.eligible.unknown],
  ];
  draw('chart-elig', {
    type: 'doughnut',
    data: {
      labels: elig.map((r) => r[0]),
      datasets: [{ data: elig.map((r) => r[1]), backgroundColor: [COLORS[1], COLORS[3], COLORS[6]] }],
    },
  });
  table('t-elig', ['结果', '来电数'], elig);
  counts('unmet', {
    header: ['条件', '次数'],
    rows: s.unmet.map((u) => [u.label, u.count]),
    color: COLORS[2],
    horizontal: true,
    axisLabel: shorten(18),
  });

  const work = [
    ['接听', 'opened', COLORS[0]],
    ['处理过', 'worked', COLORS[5]],
    ['办结', 'closed', COLORS[1]],
  ];
  draw('chart-staff', {
    type: 'bar',
    legend: true,
    data: {
      labels: s.staff.map((p) => p.name),
      datasets: work.map(([label, key, color]) => ({
        label,
        data: s.staff.map((p) => p[key]),
        backgroundColor: color,
      })),
    },
    options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
  table(
    't-staff',
    ['坐席', ...work.map((w) => w[0])],
    s.staff.map((p) => [p.name, ...work.map((w) => p[w[1]])]),
  );
}

async function init() {
  const me = await api('GET', '/api/me');
  $('who').textContent = me.name;
  $('range').addEventListener('submit', (e) => {
    e.preventDefault();
    load();
  });
  $('export-xlsx').addEventListener('click', () => download(`/api/export/stats.xlsx?${range()}`));
  $('export-csv').addEventListener('click', () => download(`/api/export/stats.csv?${range()}`));
  await load();
}

init().catch(() => {});
