// Shows why the last login failed; the server redirects to /login?e=<reason>.

const reasons = {
  bad: '账号或密码不正确，请重试。',
  throttled: '失败次数过多，请 5 分钟后再试。',
  origin: '登录请求来自其他网站，已拒绝。请直接打开坐席台地址登录。',
};
const e = new URLSearchParams(location.search).get('e');
const box = document.getElementById('login-error');
if (e && box) {
  box.textContent = reasons[e] || '登录失败，请重试。';
  box.hidden = false;
}
document.getElementById(e === 'bad' ? 'password' : 'user')?.focus();
