// Staff console page. All data goes into the page through textContent / value, never innerHTML,
// so anything a caller says (even "<script>") shows literally.

// Helpers ($, el, toast, api, download, describeEntry) come from common.js.
// The transcript is rebuilt from the case record the server keeps: every word said, in full, with
// button clicks shown as the label chosen and staff changes shown where they happened.
const state = { meta: null, me: null, caseId: null, view: null, busy: false, files: [], events: null };

function setBusy(busy) {
  state.busy = busy;
  $('send').disabled = busy;
  $('loading').hidden = !busy;
  $('messages').setAttribute('aria-busy', String(busy));
  for (const b of $('choices').querySelectorAll('button')) b.disabled = busy;
}

function timeOf(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? ''
    : d.toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' });
}

/* ---------- chat ---------- */

function transcriptOf(view) {
  if (!view.record) {
    // a case opened before case records existed: the engine's shortened history is all there is
    return (view.history || [])
      .filter((m) => !(m.from === 'user' && m.text.startsWith('/')))
      .map((m) => ({ from: m.from === 'user' ? 'user' : 'bot', text: m.text }));
  }
  const lines = [];
  for (const e of view.record.entries) {
    if (e.kind === 'said') lines.push({ from: e.from === 'caller' ? 'user' : 'bot', text: e.text, at: e.at });
    else if (e.kind !== 'note')
      lines.push({ from: 'audit', text: `${e.byName} ${describeEntry(e, state.meta)}`, at: e.at });
  }
  return lines;
}

function renderMessages(pending) {
  const list = $('messages');
  list.replaceChildren();
  const lines = state.view ? [...transcriptOf(state.view), ...state.files] : [];
  if (pending) lines.push({ from: 'user', text: pending, pending: true });
  if (!lines.length) {
    list.append(
      el('li', {
        class: 'empty-chat',
        text: '请输入来电人描述的情况，例如：“我们是个体户，没按时报年报被列入经营异常了，怎么移出？”',
      }),
    );
  }
  for (const m of lines) {
    if (m.from === 'audit') {
      list.append(el('li', { class: 'msg change' }, [el('span', { text: `${timeOf(m.at)} ${m.text}` })]));
      continue;
    }
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
      el('li', { class: `msg ${m.from}${m.file ? ' file' : ''}${m.pending ? ' pending' : ''}` }, [
        el('span', {
          class: 'who-line',
          text: m.from === 'user' ? (m.pending ? '来电人（发送中…）' : '来电人（坐席录入）') : '助手',
        }),
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
  const typed = 'text' in input ? input.text : null;
  if (!state.caseId) {
    const ok = await newCase({ keepInput: true });
    if (!ok) return;
  }
  setBusy(true);
  renderMessages(shown ?? typed);
  try {
    const res = await api('POST', `/api/cases/${encodeURIComponent(state.caseId)}/turns`, input, {
      quiet: true,
    });
    state.files.push(...(res.files || []).map((file) => ({ from: 'bot', file })));
    // a turn's answer carries only the entries the turn added: they join the record on the page
    const view = res.case;
    const heldView = state.view?.caseId === view.caseId ? state.view : null;
    const rec = view.record;
    const held = heldView?.record?.entries ?? null;
    if (rec?.tail && held) {
      const added = new Set(rec.entries.map((e) => e.key));
      rec.entries = [...held.filter((e) => !added.has(e.key)), ...rec.entries];
    }
    // a turn that left the explanation as it was does not send it again: the page keeps the one it
    // holds under the same key (another desk may have changed the case meanwhile: then it asks)
    let textsMissing = false;
    if (!('explanation' in view)) {
      if (heldView && heldView.textsKey === view.textsKey) {
        view.determination = heldView.determination;
        view.explanation = heldView.explanation;
        view.unmetReasons = heldView.unmetReasons;
      } else textsMissing = true;
    }
    if ((rec?.tail && !held) || textsMissing) await refresh();
    else show(view);
    // Only what was sent is cleared: anything typed while the reply loaded stays.
    if (typed !== null && $('input').value === typed) $('input').value = '';
  } catch (err) {
    renderMessages();
    // the typed text stays in the box; say what to do
    if (err.code !== 'unauthorized') toast(`${err.message}（输入的文字已保留，可直接重发）`, true);
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
  const warnings = view.warnings || [];
  $('warnings-card').hidden = !warnings.length;
  $('warnings').replaceChildren(...warnings.map((w) => el('li', { text: w })));

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
          el('button', {
            type: 'button',
            class: 'small-btn dl',
            text: '下载 Word',
            'aria-label': `下载 Word：${d.label}`,
            onclick: async () => {
              // A failure says why (e.g. the case is no longer eligible) and the panel is brought up to date.
              if (!(await download(`${base}${d.id}?format=docx`))) refresh();
            },
          }),
          el('button', {
            type: 'button',
            class: 'small-btn',
            text: '复制文字',
            'aria-label': `复制文字：${d.label}`,
            onclick: async () => {
              const res = await fetch(`${base}${d.id}?format=txt`, { credentials: 'same-origin' });
              if (!res.ok) {
                const data = await res.json().catch(() => ({}));
                toast(data.message ? chinese(data.message) : '草稿生成失败，请稍后再试', true);
                return refresh();
              }
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
      const input = el('input', {
        id: `field-${f.name}`,
        name: f.name,
        maxlength: 200,
        autocomplete: 'off',
        'aria-describedby': `field-${f.name}-error`,
      });
      input.value = view.draftFields?.[f.name] || '';
      input.addEventListener('change', saveDraftFields);
      return el('div', { class: 'field' }, [
        el('label', { for: input.id, text: f.label }),
        input,
        el('p', { id: `field-${f.name}-error`, class: 'field-error', hidden: '' }),
      ]);
    }),
  );
}

function markFieldProblems(problems) {
  for (const f of state.meta.draftFields) {
    const input = $(`field-${f.name}`);
    const box = $(`field-${f.name}-error`);
    const problem = problems.find((p) => p.field === f.name);
    input.setAttribute('aria-invalid', problem ? 'true' : 'false');
    box.hidden = !problem;
    box.textContent = problem ? chinese(problem.message) : '';
  }
}

async function saveDraftFields() {
  const body = {};
  for (const f of state.meta.draftFields) body[f.name] = $(`field-${f.name}`).value;
  try {
    const res = await api('PUT', `/api/cases/${encodeURIComponent(state.caseId)}/draft-fields`, body, {
      quiet: true,
    });
    state.view.draftFields = res.draftFields;
    markFieldProblems([]);
    toast('主体信息已保存');
    refresh();
  } catch (err) {
    const problems = err.data?.problems || [];
    markFieldProblems(problems);
    const first = problems[0] && $(`field-${problems[0].field}`);
    toast(
      problems.length
        ? `主体信息有误，未保存：${problems.map((p) => chinese(p.message)).join('；')}`
        : err.message,
      true,
    );
    first?.focus();
  }
}

/* ---------- follow-up: status, phone, callback, notes, audit ---------- */

function renderRecord(view) {
  const rec = view.record;
  $('lifecycle').hidden = !rec;
  if (!rec) return;
  $('record-owner').textContent = `接听：${rec.openedByName}`;
  const active = document.activeElement;
  if (active !== $('rec-status')) $('rec-status').value = rec.status;
  if (active !== $('rec-phone')) $('rec-phone').value = rec.callerPhone;
  if (active !== $('rec-callback')) $('rec-callback').value = rec.callbackDate;
  const rows = rec.entries.filter((e) => e.kind !== 'said');
  $('audit').replaceChildren(
    ...(rows.length
      ? rows
          .slice()
          .reverse()
          .map((e) =>
            el('li', {}, [
              el('span', { class: 'audit-when', text: dateTime(e.at) }),
              el('span', { class: 'audit-who', text: e.byName }),
              el('span', { text: describeEntry(e, state.meta) }),
            ]),
          )
      : [el('li', { class: 'muted', text: '还没有修改或备注。' })]),
  );
}

async function saveRecord(patch) {
  try {
    const rec = await api('PATCH', `/api/cases/${encodeURIComponent(state.caseId)}/record`, patch, {
      quiet: true,
    });
    state.view.record = rec;
    renderRecord(state.view);
    renderMessages();
    $('rec-phone-error').hidden = true;
    $('rec-phone').setAttribute('aria-invalid', 'false');
    toast('已保存');
  } catch (err) {
    if (err.code === 'bad_phone') {
      $('rec-phone-error').textContent = err.message;
      $('rec-phone-error').hidden = false;
      $('rec-phone').setAttribute('aria-invalid', 'true');
    }
    toast(`未保存：${err.message}`, true);
  }
}

async function addNote(e) {
  e.preventDefault();
  const text = $('note-text').value;
  if (!text.trim()) return toast('备注为空，请先输入内容', true);
  try {
    const rec = await api(
      'POST',
      `/api/cases/${encodeURIComponent(state.caseId)}/notes`,
      { text },
      { quiet: true },
    );
    state.view.record = rec;
    $('note-text').value = '';
    renderRecord(state.view);
    toast('备注已添加');
  } catch (err) {
    toast(`备注未保存（文字已保留）：${err.message}`, true);
  }
}

/* ---------- live refresh ---------- */

function watch(caseId) {
  state.events?.close();
  state.events = null;
  if (!caseId || typeof EventSource === 'undefined') return;
  const es = new EventSource(`/api/cases/${encodeURIComponent(caseId)}/events`);
  es.addEventListener('change', async (ev) => {
    const change = JSON.parse(ev.data);
    if (change.by === state.me?.user || change.caseId !== state.caseId) return;
    await refresh();
    toast(`${change.byName} 刚更新了这个来电，已刷新`);
  });
  es.addEventListener('error', () => {
    // EventSource reconnects by itself; tell staff only when it has given up.
    if (es.readyState === EventSource.CLOSED) toast('实时更新已断开，请刷新页面', true);
  });
  state.events = es;
}

async function refresh() {
  if (!state.caseId) return;
  try {
    show(await api('GET', `/api/cases/${encodeURIComponent(state.caseId)}`, undefined, { quiet: true }));
  } catch (err) {
    toast(`刷新失败：${err.message}`, true);
  }
}

function show(view) {
  const changed = view.caseId !== state.caseId;
  if (changed) state.files = [];
  state.view = view;
  state.caseId = view.caseId;
  if (changed) watch(view.caseId);
  if (location.hash !== `#case=${view.caseId}`) history.replaceState(null, '', `#case=${view.caseId}`);
  const owner = view.record ? ` · ${STATUS_LABELS[view.record.status]}` : '';
  $('case-label').textContent = `来电 ${view.caseId} · ${timeOf(view.created)} 开始${owner}`;
  renderMessages();
  renderChoices(view.choices);
  renderVerdict(view);
  renderFacts(view);
  renderDocuments(view);
  renderDraftFields(view);
  renderRecord(view);
}

/* ---------- cases ---------- */

function closeCasesPop() {
  $('cases-pop').hidden = true;
  $('toggle-cases').setAttribute('aria-expanded', 'false');
}

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
              closeCasesPop();
              $('toggle-cases').focus();
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

/** Opens a fresh case; the text in the input box is kept when the case is opened for a first message. */
async function newCase({ keepInput = false } = {}) {
  setBusy(true);
  try {
    const res = await api('POST', '/api/cases');
    show(res.case);
    loadCases().catch(() => {});
    if (!keepInput) $('input').value = '';
    return true;
  } catch {
    return false;
  } finally {
    setBusy(false);
    $('input').focus();
  }
}

/* ---------- start ---------- */

async function init() {
  const [meta, me] = await Promise.all([api('GET', '/api/meta'), api('GET', '/api/me')]);
  state.meta = meta;
  state.me = me;
  $('who').textContent = me.name;
  $('new-case').addEventListener('click', () => newCase());
  $('toggle-cases').addEventListener('click', () => {
    const pop = $('cases-pop');
    pop.hidden = !pop.hidden;
    $('toggle-cases').setAttribute('aria-expanded', String(!pop.hidden));
    if (!pop.hidden) loadCases().then(() => $('cases-list').querySelector('button')?.focus());
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !$('cases-pop').hidden) {
      closeCasesPop();
      $('toggle-cases').focus();
    }
  });
  document.addEventListener('click', (e) => {
    if (!$('cases-pop').hidden && !e.target.closest('.cases-wrap')) closeCasesPop();
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
  $('rec-status').addEventListener('change', () => saveRecord({ status: $('rec-status').value }));
  $('rec-phone').addEventListener('change', () => saveRecord({ callerPhone: $('rec-phone').value }));
  $('rec-callback').addEventListener('change', () => saveRecord({ callbackDate: $('rec-callback').value }));
  $('note-form').addEventListener('submit', addNote);
  $('lifecycle').hidden = true;
  await loadCases();
  const m = /^#case=([A-Za-z0-9_-]+)$/.exec(location.hash);
  if (m) await openCase(m[1]);
  else renderMessages();
}

init().catch(() => {});
