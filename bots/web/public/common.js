// Shared by the console's pages: DOM building (textContent only, never innerHTML), the toast, the
// JSON API helper that turns every failure into a message staff can act on, and the labels of the
// audit trail.

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
  // (some messages put the slash right after a closing bracket: "…）/ English")
  return String(message || '').split(/\s*\/ (?=[\x20-\x7e])/)[0] || '出错了，请重试';
}

let toastTimer;
function toast(text, isError = false) {
  const t = $('toast');
  if (!t) return;
  t.textContent = text;
  t.className = isError ? 'toast error' : 'toast';
  t.setAttribute('role', isError ? 'alert' : 'status');
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(
    () => {
      t.hidden = true;
    },
    isError ? 6000 : 2500,
  );
}

/** Thrown by api(): `message` is already shown; `data` carries the server's problems for the caller. */
class ApiError extends Error {
  constructor(code, message, data) {
    super(message);
    this.code = code;
    this.data = data;
  }
}

async function api(method, path, body, { quiet = false } = {}) {
  const init = { method, credentials: 'same-origin', headers: { accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(path, init);
  } catch {
    const msg = '连接不到服务器，请检查网络后重试';
    if (!quiet) toast(msg, true);
    throw new ApiError('network', msg, {});
  }
  if (res.status === 401) {
    location.href = '/login';
    throw new ApiError('unauthorized', '登录已过期，请重新登录', {});
  }
  const data = await res.json().catch(() => ({}));
  if (!res.ok) {
    const msg = data.message ? chinese(data.message) : `服务器出错（${res.status}），请稍后重试`;
    if (!quiet) toast(msg, true);
    throw new ApiError(data.error || String(res.status), msg, data);
  }
  return data;
}

/** Downloads a file from the API, or shows why it cannot be made (e.g. the case is no longer eligible). */
async function download(url) {
  let res;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch {
    toast('连接不到服务器，文件没有下载，请重试', true);
    return false;
  }
  if (res.status === 401) {
    location.href = '/login';
    return false;
  }
  if (!res.ok) {
    const data = await res.json().catch(() => ({}));
    toast(data.message ? chinese(data.message) : `文件生成失败（${res.status}），请稍后再试`, true);
    return false;
  }
  const blob = await res.blob();
  const cd = res.headers.get('content-disposition') || '';
  const m = /filename\*=UTF-8''([^;]+)/.exec(cd) || /filename="([^"]+)"/.exec(cd);
  const name = m ? decodeURIComponent(m[1]) : 'download';
  const a = el('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  return true;
}

const STATUS_LABELS = { open: '处理中', waiting: '等待企业材料', transferred: '已转办', closed: '已办结' };

function dateTime(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? ''
    : d.toLocaleString('zh-CN', { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

/** One audit row in words: who changed what, from what to what. */
function describeEntry(e, meta) {
  const fact = (name) => meta?.facts?.find((f) => f.name === name);
  const factValue = (name, v) => {
    if (v === null || v === undefined) return meta?.unknown || '未知';
    const opt = (fact(name)?.options || []).find((o) => o.value === v);
    return opt ? opt.label : String(v);
  };
  const field = (name) => meta?.draftFields?.find((f) => f.name === name)?.label || name;
  const empty = (v) => (v ? v : '（空）');
  switch (e.kind) {
    case 'fact':
      return `将「${fact(e.fact)?.label || e.fact}」由 ${factValue(e.fact, e.from)} 改为 ${factValue(e.fact, e.to)}`;
    case 'field':
      return `将主体信息「${field(e.field)}」由 ${empty(e.from)} 改为 ${empty(e.to)}`;
    case 'status':
      return `将状态由「${STATUS_LABELS[e.from] || e.from}」改为「${STATUS_LABELS[e.to] || e.to}」`;
    case 'note':
      return `备注：${e.text}`;
    case 'callback':
      return `将回访日期由 ${empty(e.from)} 改为 ${empty(e.to)}`;
    case 'phone':
      return `将来电号码由 ${empty(e.from)} 改为 ${empty(e.to)}`;
    case 'forgotten':
      return '应来电人要求删除了对话和个人信息';
    default:
      return '';
  }
}
