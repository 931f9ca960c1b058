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

  draw('chart-day', {
    type: 'bar',
    data: {
      labels: s.perDay.map((d) => d.day.slice(5)),
      datasets: [{ label: '来电数', data: s.perDay.map((d) => d.count), backgroundColor: COLORS[0] }],
    },
    options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
  table(
    't-day',
    ['日期', '来电数'],
    s.perDay.map((d) => [d.day, d.count]),
  );

  draw('chart-route', {
    type: 'bar',
    data: {
      // long route names are shortened on the axis; the data table below has them in full
      labels: s.routes.map((r) => (r.label.length > 12 ? `${r.label.slice(0, 12)}…` : r.label)),
      datasets: [{ label: '来电数', data: s.routes.map((r) => r.count), backgroundColor: COLORS[1] }],
    },
    options: { indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
  table(
    't-route',
    ['办理途径', '来电数'],
    s.routes.map((r) => [r.label, r.count]),
  );

  draw('chart-elig', {
    type: 'doughnut',
    data: {
      labels: ['可以办理', '暂不符合', '待确认'],
      datasets: [
        {
          data: [s.eligible.yes, s.eligible.no, s.eligible.unknown],
          backgroundColor: [COLORS[1], COLORS[3], COLORS[6]],
        },
      ],
    },
  });
  table(
    't-elig',
    ['结果', '来电数'],
    [
      ['可以办理', s.eligible.yes],
      ['暂不符合', s.eligible.no],
      ['待确认', s.eligible.unknown],
    ],
  );

  draw('chart-unmet', {
    type: 'bar',
    data: {
      labels: s.unmet.map((u) => (u.label.length > 18 ? `${u.label.slice(0, 18)}…` : u.label)),
      datasets: [{ label: '次数', data: s.unmet.map((u) => u.count), backgroundColor: COLORS[2] }],
    },
    options: { indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
  table(
    't-unmet',
    ['条件', '次数'],
    s.unmet.map((u) => [u.label, u.count]),
  );

  draw('chart-staff', {
    type: 'bar',
    legend: true,
    data: {
      labels: s.staff.map((p) => p.name),
      datasets: [
        { label: '接听', data: s.staff.map((p) => p.opened), backgroundColor: COLORS[0] },
        { label: '处理过', data: s.staff.map((p) => p.worked), backgroundColor: COLORS[5] },
        { label: '办结', data: s.staff.map((p) => p.closed), backgroundColor: COLORS[1] },
      ],
    },
    options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
  table(
    't-staff',
    ['坐席', '接听', '处理过', '办结'],
    s.staff.map((p) => [p.name, p.opened, p.worked, p.closed]),
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
