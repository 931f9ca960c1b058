// The visitor's side of the public chat: posts turns to /chat/api/turn and shows the answers; choices are
// buttons, drafts are download links. No framework, no outside resources.
const log = document.getElementById('log');
const form = document.getElementById('ask');
const input = document.getElementById('message');
const status = document.getElementById('status');
const sendButton = document.getElementById('send');

function bubble(who, text) {
  const div = document.createElement('div');
  div.className = `msg ${who}`;
  div.textContent = text;
  log.append(div);
  return div;
}

function disableOldChoices() {
  for (const b of log.querySelectorAll('.choices button')) b.disabled = true;
}

function show(answer) {
  let first;
  for (const m of answer.messages) {
    const div = bubble('bot', m.text);
    first ??= div;
    if (m.choices.length) {
      const row = document.createElement('div');
      row.className = 'choices';
      row.setAttribute('role', 'group');
      row.setAttribute('aria-label', '可选操作');
      for (const c of m.choices) {
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = c.label;
        b.addEventListener('click', () => turn({ choiceId: c.id }, c.label));
        row.append(b);
      }
      div.append(row);
    }
  }
  for (const f of answer.files) {
    const div = bubble('bot', f.caption || '文书草稿已生成：');
    const p = document.createElement('p');
    p.className = 'file';
    const a = document.createElement('a');
    a.href = f.url;
    a.download = f.fileName;
    a.textContent = `下载 Word 文件：${f.fileName}`;
    p.append(a);
    div.append(p);
    first ??= div;
  }
  // A long answer is read from its start, not its end.
  first?.scrollIntoView({ block: 'start' });
}

let busy = false;
async function turn(body, shown) {
  if (busy) return;
  busy = true;
  sendButton.disabled = true;
  if (shown) bubble('me', shown).scrollIntoView({ block: 'end' });
  disableOldChoices();
  status.textContent = '正在回复…';
  try {
    const res = await fetch('/chat/api/turn', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
    const data = await res.json().catch(() => ({ message: '服务暂时出了问题，请稍后再试。' }));
    if (!res.ok) {
      status.textContent = data.message;
      return;
    }
    status.textContent = '';
    show(data);
  } catch {
    status.textContent = '网络连接失败，请检查网络后重试。';
  } finally {
    busy = false;
    sendButton.disabled = false;
  }
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  input.value = '';
  void turn({ text }, text);
});
input.addEventListener('keydown', (e) => {
  // Enter sends, Shift+Enter makes a new line (the usual chat convention); IME composition is left alone.
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
    e.preventDefault();
    form.requestSubmit();
  }
});

void turn({ text: '/start' });

// The skip link moves keyboard focus to the message box (a plain #fragment only scrolls there).
document.querySelector('.skip')?.addEventListener('click', (e) => {
  e.preventDefault();
  input.focus();
});
