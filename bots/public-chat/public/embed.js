// Paste into a portal page: <script src="https://YOUR-SERVER/chat/embed.js" defer></script>
// Adds a fixed "信用修复咨询" button that opens the chat page (a full page works best on phones).
(() => {
  const script = document.currentScript;
  const base = script ? new URL(script.src).origin : '';
  if (document.getElementById('credit-bot-chat-link')) return;
  const a = document.createElement('a');
  a.id = 'credit-bot-chat-link';
  a.href = `${base}/chat/`;
  a.target = '_blank';
  a.rel = 'noopener';
  a.textContent = '信用修复咨询';
  a.setAttribute('aria-label', '信用修复咨询（在新窗口打开）');
  Object.assign(a.style, {
    position: 'fixed',
    right: '16px',
    bottom: '16px',
    zIndex: '2147483000',
    padding: '12px 18px',
    background: '#0b5cad',
    color: '#fff',
    borderRadius: '24px',
    font: '16px/1.4 system-ui, sans-serif',
    textDecoration: 'none',
    boxShadow: '0 2px 8px rgba(0,0,0,.3)',
  });
  const add = () => document.body.append(a);
  if (document.body) add();
  else document.addEventListener('DOMContentLoaded', add);
})();
