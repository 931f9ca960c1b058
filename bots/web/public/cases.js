// The list of every kept case: search by company, credit code or caller phone, filter by route,
// status and date, page through, export what is shown. The query lives in the address bar, so a
// search can be bookmarked and the back button works.
const PAGE = 50;
const list = { meta: null, offset: 0 };

function query() {
  const params = new URLSearchParams();
  for (const name of ['q', 'path', 'status', 'from', 'to']) {
    const v = $(name).value.trim();
    if (v) params.set(name, v);
  }
  return params;
}

async function load() {
  const params = query();
  params.set('offset', String(list.offset));
  params.set('limit', String(PAGE));
  $('list-status').textContent = '正在查找…';
  let data;
  try {
    data = await api('GET', `/api/case-list?${params}`);
  } catch (err) {
    $('list-status').textContent = `查找失败：${err.message}`;
    return;
  }
  history.replaceState(null, '', `/cases?${query()}`);
  $('total').textContent = String(data.total);
  $('list-status').textContent = data.total ? '' : '没有符合条件的来电。';
  $('rows').replaceChildren(
    ...data.cases.map((c) =>
      el('tr', {}, [
        el('td', { 'data-label': '企业' }, [
          el('a', { href: `/#case=${encodeURIComponent(c.id)}`, text: c.company || `来电 ${c.id}` }),
        ]),
        el('td', { 'data-label': '信用代码', text: c.creditCode || '—' }),
        el('td', { 'data-label': '来电号码', text: c.callerPhone || '—' }),
        el('td', { 'data-label': '办理途径', text: list.meta.paths[c.path] || c.path }),
        el('td', { 'data-label': '状态' }, [
          el('span', { class: `status ${c.status}`, text: STATUS_LABELS[c.status] || c.status }),
        ]),
        el('td', { 'data-label': '开始', text: dateTime(c.created) }),
        el('td', { 'data-label': '坐席', text: c.openedByName }),
      ]),
    ),
  );
  const page = Math.floor(list.offset / PAGE) + 1;
  const pages = Math.max(1, Math.ceil(data.total / PAGE));
  $('page-info').textContent = `第 ${page} / ${pages} 页`;
  $('prev').disabled = list.offset === 0;
  $('next').disabled = list.offset + PAGE >= data.total;
}

async function init() {
  const [meta, me] = await Promise.all([api('GET', '/api/meta'), api('GET', '/api/me')]);
  list.meta = meta;
  $('who').textContent = me.name;
  for (const [id, name] of Object.entries(meta.paths))
    $('path').append(el('option', { value: id, text: name }));
  const params = new URLSearchParams(location.search);
  for (const name of ['q', 'path', 'status', 'from', 'to'])
    if (params.has(name)) $(name).value = params.get(name);
  $('search').addEventListener('submit', (e) => {
    e.preventDefault();
    list.offset = 0;
    load();
  });
  $('search').addEventListener('reset', () => {
    setTimeout(() => {
      list.offset = 0;
      load();
    });
  });
  $('prev').addEventListener('click', () => {
    list.offset = Math.max(0, list.offset - PAGE);
    load();
  });
  $('next').addEventListener('click', () => {
    list.offset += PAGE;
    load();
  });
  $('export-xlsx').addEventListener('click', () => download(`/api/export/cases.xlsx?${query()}`));
  $('export-csv').addEventListener('click', () => download(`/api/export/cases.csv?${query()}`));
  await load();
}

init().catch(() => {});
