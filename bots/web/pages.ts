// The console's HTML pages, rendered once at start from nunjucks templates in views/: one layout
// holds the head, the top bar and the toast every page shares, each page only what is its own.
// Nothing per request goes into them (the pages fetch their data), so they are served as files.
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';

const VIEWS = fileURLToPath(new URL('./views/', import.meta.url));
const APP = '信用修复热线坐席台';

const LINKS = [
  { href: '/', label: '接听' },
  { href: '/cases', label: '来电记录' },
  { href: '/stats', label: '统计' },
];

const PAGES: { file: string; title: string; heading?: string; current?: string; scripts: string[] }[] = [
  { file: 'index', title: '信用修复热线 · 坐席台', current: '/', scripts: ['common.js', 'app.js'] },
  {
    file: 'cases',
    title: `来电记录 · ${APP}`,
    heading: '来电记录',
    current: '/cases',
    scripts: ['common.js', 'cases.js'],
  },
  {
    file: 'stats',
    title: `统计 · ${APP}`,
    heading: '统计',
    current: '/stats',
    scripts: ['chart.umd.min.js', 'common.js', 'stats.js'],
  },
  { file: 'login', title: `登录 · ${APP}`, scripts: ['login.js'] },
];

/** `index.html` → its HTML, for every page */
export function renderPages(): Map<string, string> {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(VIEWS), {
    autoescape: true,
    throwOnUndefined: true,
  });
  return new Map(
    PAGES.map((p) => [
      `${p.file}.html`,
      env.render(`${p.file}.njk`, { heading: '', current: '', ...p, links: LINKS }),
    ]),
  );
}
