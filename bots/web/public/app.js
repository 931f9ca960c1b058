// Staff console page. All data goes into the page through textContent / value, never innerHTML,
// so anything a caller says (even "<script>") shows literally.

// transcript: what the chat shows. It starts from the stored history (which the engine shortens) and
// then grows with the full texts of each turn, so long answers are never cut mid-call.
const state = { meta: null, caseId: null, view: null, busy: false, transcript: [] };
const $ = (id) => document.getElementById(id);

function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null) continue;
    if (k === 'text') node.textContent = v;
    else if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, String(v));
  }
  for (const c of children) if (c) node.append(c);
  return node;
}

function chinese(message) {
  // Server messages are "中文 / English"; staff read the Chinese half.
  return String(message || '').split(' / ')[0] || '出错了，请重试';
}

let toastTimer;
function toast(text, isError = false) {
  const t = $('toast');
  t.textContent = text;
  t.className = isError ? 'toast error' : 'toast';
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(
    () => {
      t.hidden = true;
    },
    isError ? 5000 : 2200,
  );
}

async function api(method, path, body) {
  const init = { method, credentials: 'same-origin', headers: { accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(path, init);
  } catch {
    toast('连接不到服务器，请检查网络后重试', true);
    throw new Error('network');
  }
  if (res.status === 401) {
    location.href = '/login';
    throw new Error('unauthorized');
  }
  const data = await res.json().catch(() => ({}));
  if (!res.ok) {
    toast(chinese(data.message), true);
    throw new Error(data.error || String(res.status));
  }
  return data;
}

function setBusy(busy) {
  state.busy = busy;
  $('send').disabled = busy;
  for (const b of $('choices').querySelectorAll('button')) b.disabled = busy;
}

function timeOf(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? ''
    : d.toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' });
}

/* ---------- chat ---------- */

function fromHistory(view) {
  return (view.history || [])
    .filter((m) => !(m.from === 'user' && m.text.startsWith('/')))
    .map((m) => ({ from: m.from === 'user' ? 'user' : 'bot', text: m.text }));
}

function botEntries(res) {
  return [
    ...(res.texts || []).map((text) => ({ from: 'bot', text })),
    ...(res.files || []).map((file) => ({ from: 'bot', file })),
  ];
}

function renderMessages() {
  const list = $('messages');
  list.replaceChildren();
  if (!state.transcript.length) {
    list.append(
      el('li', {
        class: 'empty-chat',
        text: '请输入来电人描述的情况，例如：“我们是个体户，没按时报年报被列入经营异常了，怎么移出？”',
      }),
    );
  }
  for (const m of state.transcript) {
    let body;
    if (m.file) {
      const bytes = Uint8Array.from(atob(m.file.base64), (c) => c.charCodeAt(0));
      const href = URL.createObjectURL(new Blob([bytes], { type: m.file.mimeType }));
      body = el('div', { class: 'bubble' }, [
        el('a', { href, download: m.file.fileName, text: `下载 ${m.file.fileName}` }),
      ]);
    } else {
      body = el('div', { class: 'bubble', text: m.text });
    }
    list.append(
      el('li', { class: `msg ${m.from}${m.file ? ' file' : ''}` }, [
        el('span', { class: 'who-line', text: m.from === 'user' ? '来电人（坐席录入）' : '助手' }),
        body,
      ]),
    );
  }
  list.scrollTop = list.scrollHeight;
}

function renderChoices(choices) {
  const box = $('choices');
  box.replaceChildren();
  for (const c of choices || []) {
    box.append(
      el('button', {
        type: 'button',
        'data-choice': c.id,
        text: c.label,
        onclick: () => sendTurn({ choiceId: c.id }, c.label),
      }),
    );
  }
}

async function sendTurn(input, shown) {
  if (state.busy) return;
  if (!state.caseId) await newCase();
  setBusy(true);
  try {
    const res = await api('POST', `/api/cases/${encodeURIComponent(state.caseId)}/turns`, input);
    state.transcript.push({ from: 'user', text: shown ?? input.text }, ...botEntries(res));
    show(res.case);
    if ('text' in input) $('input').value = '';
  } catch {
    // toast already shown; keep the typed text so nothing is lost
  } finally {
    setBusy(false);
    $('input').focus();
  }
}

/* ---------- panel ---------- */

function label(map, id) {
  return map?.[id] || id;
}

function renderVerdict(view) {
  const det = view.determination;
  const meta = state.meta;
  $('path-label').textContent = label(meta.paths, det.path);
  const badge = $('eligibility');
  if (det.path === 'undetermined') {
    badge.textContent = '待确认';
    badge.className = 'badge neutral';
  } else if (det.path === 'revocation-risk') {
    badge.textContent = '有吊销风险';
    badge.className = 'badge bad';
  } else if (det.eligible === true) {
    badge.textContent = '可以办理';
    badge.className = 'badge ok';
  } else if (det.eligible === false) {
    badge.textContent = det.path === 'not-covered' ? '不适用' : '暂不符合';
    badge.className = 'badge warnb';
  } else {
    badge.textContent = '待确认';
    badge.className = 'badge neutral';
  }
  $('deadline').textContent = det.deadline
    ? `${det.deadline.workingDays} 个工作日（自${det.deadline.from === 'receipt' ? '收到申请' : '核实'}之日起）`
    : '—';
  $('citations').replaceChildren(
    ...(det.citations.length
      ? det.citations.map((c) => el('div', { text: label(meta.citations, c) }))
      : ['—']),
  );
  $('explanation').textContent = view.explanation || '';
  $('explanation-box').hidden = !view.explanation;
  $('read-aloud').textContent = view.readAloud || '开始对话后，这里会给出可以直接读给来电人听的答复。';

  const unmet = det.reasons.filter((r) => !r.met);
  $('unmet-card').hidden = !unmet.length;
  $('unmet').replaceChildren(
    ...unmet.map((r, i) => {
      const fact = r.fact ? meta.facts.find((f) => f.name === r.fact) : null;
      const text =
        view.unmetReasons?.[i] ||
        meta.reasons[r.id] ||
        (fact ? `${fact.label}：${factValueLabel(fact, view.facts[r.fact])}` : r.id);
      return el('li', { text });
    }),
  );
  const steps = det.steps.map((s) => meta.steps[s] || s);
  $('steps-card').hidden = !steps.length && !view.explanation;
  $('steps').replaceChildren(...steps.map((s) => el('li', { text: s })));
}

function factValueLabel(fact, value) {
  if (value === undefined || value === null) return state.meta.unknown;
  const opt = (fact.options || []).find((o) => o.value === value);
  return opt ? opt.label : String(value);
}

function factControl(fact, value) {
  const id = `fact-${fact.name}`;
  let control;
  if (fact.options) {
    control = el('select', { id });
    control.append(el('option', { value: '', text: state.meta.unknown }));
    fact.options.forEach((o, i) => {
      const opt = el('option', { value: String(i), text: o.label });
      if (o.value === value) opt.selected = true;
      control.append(opt);
    });
    control.addEventListener('change', () => {
      const v = control.value === '' ? null : fact.options[Number(control.value)].value;
      saveFact(fact.name, v);
    });
  } else {
    control = el('input', {
      id,
      type: 'number',
      inputmode: 'numeric',
      step: '1',
      min: fact.kind === 'year' ? 1978 : 0,
      max: fact.kind === 'year' ? new Date().getFullYear() + 1 : 100,
      placeholder: state.meta.unknown,
    });
    if (value !== undefined && value !== null) control.value = String(value);
    control.addEventListener('change', () => {
      const raw = control.value.trim();
      saveFact(fact.name, raw === '' ? null : Number(raw));
    });
  }
  return control;
}

function renderFacts(view) {
  const missing = new Set(view.determination.missing);
  const main = [];
  const other = [];
  for (const fact of state.meta.facts) {
    const value = view.facts[fact.name];
    const known = value !== undefined && value !== null;
    const row = el(
      'div',
      { class: `fact-row${missing.has(fact.name) ? ' missing' : ''}${known ? '' : ' unknown'}` },
      [
        el('label', { for: `fact-${fact.name}`, text: fact.label, title: fact.help }),
        factControl(fact, value),
      ],
    );
    (known || missing.has(fact.name) ? main : other).push(row);
  }
  $('facts').replaceChildren(
    ...(main.length ? main : [el('p', { class: 'muted small', text: '还没有已知情况。' })]),
  );
  $('facts-other').replaceChildren(...other);
}

async function saveFact(name, value) {
  if (!state.caseId) return;
  try {
    const view = await api('PUT', `/api/cases/${encodeURIComponent(state.caseId)}/facts`, { [name]: value });
    show(view);
    toast('已更新，重新判断完成');
  } catch {
    if (state.view) renderFacts(state.view);
  }
}

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Clipboard API needs a secure context; plain http on the office LAN falls back to a hidden textarea.
    const ta = el('textarea', { class: 'offscreen', readonly: '' });
    ta.value = text;
    ta.style.position = 'fixed';
    ta.style.left = '-9999px';
    document.body.append(ta);
    ta.select();
    document.execCommand('copy');
    ta.remove();
  }
  toast('已复制到剪贴板');
}

function renderDocuments(view) {
  // Only a route the case is eligible for has letters to draft: they state that its conditions are met.
  const ready = view.determination.eligible === true;
  const docs = state.meta.documents.filter((d) => ready && view.determination.documents.includes(d.id));
  const base = `/api/cases/${encodeURIComponent(state.caseId)}/drafts/`;
  if (!docs.length) {
    $('documents').replaceChildren(
      el('li', { class: 'muted', text: '办理条件确认满足后，这里会给出本案需要的文书。' }),
    );
    return;
  }
  $('documents').replaceChildren(
    ...docs.map((d) =>
      el('li', { 'data-doc': d.id }, [
        el('span', {}, [
          el('span', { class: 'doc-name', text: d.label }),
          el('span', { class: 'tag', text: '本案需要' }),
        ]),
        el('span', { class: 'doc-actions' }, [
          el('a', { class: 'dl', href: `${base}${d.id}?format=docx`, download: '', text: '下载 Word' }),
          el('button', {
            type: 'button',
            class: 'small-btn',
            text: '复制文字',
            onclick: async () => {
              const res = await fetch(`${base}${d.id}?format=txt`, { credentials: 'same-origin' });
              if (!res.ok) return toast('草稿生成失败，请稍后再试', true);
              copyText(await res.text());
            },
          }),
        ]),
      ]),
    ),
  );
}

function renderDraftFields(view) {
  const form = $('draft-fields');
  if (form.contains(document.activeElement)) return;
  form.replaceChildren(
    ...state.meta.draftFields.map((f) => {
      const input = el('input', { id: `field-${f.name}`, name: f.name, maxlength: 200, autocomplete: 'off' });
      input.value = view.draftFields?.[f.name] || '';
      input.addEventListener('change', saveDraftFields);
      return el('div', { class: 'field' }, [el('label', { for: input.id, text: f.label }), input]);
    }),
  );
}

async function saveDraftFields() {
  const body = {};
  for (const f of state.meta.draftFields) body[f.name] = $(`field-${f.name}`).value;
  try {
    const res = await api('PUT', `/api/cases/${encodeURIComponent(state.caseId)}/draft-fields`, body);
    state.view.draftFields = res.draftFields;
    toast('主体信息已保存');
    loadCases();
  } catch {}
}

function show(view) {
  if (view.caseId !== state.caseId) state.transcript = fromHistory(view);
  state.view = view;
  state.caseId = view.caseId;
  if (location.hash !== `#case=${view.caseId}`) history.replaceState(null, '', `#case=${view.caseId}`);
  $('case-label').textContent = `来电 ${view.caseId} · ${timeOf(view.created)} 开始`;
  renderMessages();
  renderChoices(view.choices);
  renderVerdict(view);
  renderFacts(view);
  renderDocuments(view);
  renderDraftFields(view);
}

/* ---------- cases ---------- */

async function loadCases() {
  const { cases } = await api('GET', '/api/cases');
  $('cases-count').textContent = String(cases.length);
  $('cases-empty').hidden = cases.length > 0;
  $('cases-list').replaceChildren(
    ...cases.map((c) =>
      el('li', {}, [
        el(
          'button',
          {
            type: 'button',
            class: c.id === state.caseId ? 'current' : '',
            onclick: () => {
              $('cases-pop').hidden = true;
              $('toggle-cases').setAttribute('aria-expanded', 'false');
              openCase(c.id);
            },
          },
          [
            el('span', { class: 'case-line' }, [
              el('span', { class: 'case-name', text: c.name || `来电 ${c.id}` }),
              el('span', { class: 'muted small', text: timeOf(c.created) }),
            ]),
            el('span', {
              class: 'muted small',
              text: `${label(state.meta.paths, c.path)} · 最后处理 ${timeOf(c.lastActivity)}`,
            }),
          ],
        ),
      ]),
    ),
  );
}

async function openCase(id) {
  try {
    show(await api('GET', `/api/cases/${encodeURIComponent(id)}`));
  } catch {
    history.replaceState(null, '', location.pathname);
  }
}

async function newCase() {
  setBusy(true);
  try {
    const res = await api('POST', '/api/cases');
    state.caseId = null;
    show(res.case);
    state.transcript = botEntries(res);
    renderMessages();
    loadCases();
    $('input').value = '';
  } finally {
    setBusy(false);
    $('input').focus();
  }
}

/* ---------- start ---------- */

async function init() {
  const [meta, me] = await Promise.all([api('GET', '/api/meta'), api('GET', '/api/me')]);
  state.meta = meta;
  $('who').textContent = me.name;
  $('new-case').addEventListener('click', () => newCase().catch(() => {}));
  $('toggle-cases').addEventListener('click', () => {
    const pop = $('cases-pop');
    pop.hidden = !pop.hidden;
    $('toggle-cases').setAttribute('aria-expanded', String(!pop.hidden));
    if (!pop.hidden) loadCases();
  });
  $('composer').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = $('input').value;
    if (text.trim()) sendTurn({ text });
  });
  $('input').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      $('composer').requestSubmit();
    }
  });
  $('copy-read').addEventListener('click', () => copyText($('read-aloud').textContent));
  await loadCases();
  const m = /^#case=([A-Za-z0-9_-]+)$/.exec(location.hash);
  if (m) await openCase(m[1]);
  else renderMessages();
}

init().catch(() => {});
