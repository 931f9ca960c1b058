// A hotline day in headless Chromium over the real engine: one staff member takes a call and closes it,
// logs out (the old cookie then gets 401); a colleague finds the case by company name and by credit
// code, sees the first one's changes in its history, opens the statistics (a chart is drawn) and
// downloads the XLSX export, read back with exceljs. Every page passes axe-core (WCAG 2.1 AA) and is
// checked at 390 px. Screenshots go to CONSOLE_SHOTS_DIR when set. Skipped only without Chromium.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWeb } from '../../bots/web/server.ts';
import { createEngine, type FullEngine } from '../../dialogs/engine.ts';
import { silentLogger } from '../../dialogs/log.ts';
import { writeStaffAccounts } from './staff-accounts.ts';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  console.warn(`[web e2e] skipped: ${CHROMIUM} is missing; install it with .ci/install-chromium.sh`);
}
const AXE = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = process.env.CONSOLE_SHOTS_DIR;
const COMPANY = '通城县惠民小吃店';

/** a unified social credit code with a correct check character (GB 32100-2015) */
function creditCode(body17: string): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...body17].reduce((n, c, i) => n + chars.indexOf(c) * (weights[i] as number), 0);
  return body17 + chars[(31 - (sum % 31)) % 31];
}
const CODE = creditCode('92421222MA4B7C123');

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: await AXE });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (o: object) => Promise<{ violations: unknown[] }> } })
      .axe;
    return axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  return (result.violations as { id: string; nodes: { target: string[] }[] }[]).map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

describe.skipIf(!haveChromium)('following a case from call to statistics in Chromium', () => {
  let dir: string;
  let web: Awaited<ReturnType<typeof startWeb>>;
  let engine: FullEngine;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let caseId = '';
  let oldCookie = '';
  const dialogs: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'web-follow-'));
    const accounts = join(dir, 'accounts.json');
    await writeStaffAccounts(accounts);
    engine = await createEngine({ dataDir: join(dir, 'sessions'), log: silentLogger });
    web = await startWeb(
      engine,
      { CREDIT_BOT_STAFF_ACCOUNTS: accounts, CREDIT_BOT_WEB_PORT: '0', CREDIT_BOT_LOG_LEVEL: 'silent' },
      { dataDir: dir },
    );
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
    // bypassCSP only so the test can inject axe-core; the page itself runs under its strict CSP
    context = await browser.newContext({
      acceptDownloads: true,
      bypassCSP: true,
      viewport: { width: 1366, height: 768 },
    });
    page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await engine?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function login(user: string, password: string) {
    await page.goto(new URL('/login', web.url).href);
    await page.fill('#user', user);
    await page.fill('#password', password);
    await page.click('button[type=submit]');
    await page.waitForURL(web.url);
    await page.waitForFunction(() => document.getElementById('who')?.textContent !== '');
  }

  /** waits for a toast saying this (an earlier one may still be showing) */
  const toastSays = async (pattern: RegExp) => {
    await page.waitForFunction((source) => {
      const t = document.getElementById('toast');
      return !!t && !t.hidden && new RegExp(source).test(t.textContent ?? '');
    }, pattern.source);
    return (await page.textContent('#toast')) ?? '';
  };

  it('takes a call: chat, button, panel, 另册管理 warning, reload keeps the whole conversation', async () => {
    await login('wang', 'wang-password');
    expect(await page.textContent('#who')).toBe('王敏');
    // typing before any case exists: the text survives opening the case
    await page.fill('#input', '我是个体户，2021年因为没按时报年报被列入经营异常名录了');
    await page.press('#input', 'Enter');
    await page.waitForSelector('#choices button[data-choice^="answer:"][data-choice$="=true"]');
    caseId = (await page.evaluate(() => location.hash)).replace('#case=', '');
    expect(caseId).toMatch(/^[A-Za-z0-9_-]{8,}$/);
    expect(await page.textContent('#messages')).toContain('2021年因为没按时报年报');
    expect(await page.inputValue('#input')).toBe('');
    const label =
      (await page.textContent('#choices button[data-choice^="answer:"][data-choice$="=true"]'))?.trim() ?? '';
    await page.click('#choices button[data-choice^="answer:"][data-choice$="=true"]');
    await page.waitForFunction(() => document.getElementById('eligibility')?.textContent === '可以办理');
    // listed in 2021, an individual business: 另册管理 in the panel and in the script to read out
    expect(await page.isVisible('#warnings-card')).toBe(true);
    expect(await page.textContent('#warnings')).toContain('另册管理');
    expect(await page.textContent('#read-aloud')).toContain('另册管理');

    await page.reload();
    await page.waitForFunction(() => document.getElementById('eligibility')?.textContent === '可以办理');
    const userLines = await page.$$eval('.msg.user .bubble', (b) => b.map((x) => x.textContent));
    expect(userLines).toContain(label);
    expect(userLines.some((t) => /^\[/.test(t ?? ''))).toBe(false);
    const botLines = await page.$$eval('.msg.bot .bubble', (b) => b.map((x) => x.textContent ?? ''));
    expect(Math.max(...botLines.map((t) => t.length))).toBeGreaterThan(500);
  });

  it('keeps typed text when a turn fails, shows a loading indicator, explains bad input', async () => {
    // a slow reply: the indicator shows; what is typed meanwhile stays
    await page.route('**/api/cases/*/turns', async (route) => {
      await new Promise((r) => setTimeout(r, 800));
      await route.continue();
    });
    await page.fill('#input', '还有别的要准备吗');
    await page.press('#input', 'Enter');
    await page.waitForSelector('#loading:not([hidden])');
    await page.fill('#input', '另外想问');
    await page.waitForSelector('#loading', { state: 'hidden' });
    expect(await page.inputValue('#input')).toBe('另外想问');
    await page.unroute('**/api/cases/*/turns');
    // a failing turn: the text stays and staff are told
    await page.route('**/api/cases/*/turns', (route) => route.abort());
    await page.fill('#input', '这句话发不出去');
    await page.press('#input', 'Enter');
    await toastSays(/输入的文字已保留/);
    expect(await page.inputValue('#input')).toBe('这句话发不出去');
    await page.unroute('**/api/cases/*/turns');
    await page.fill('#input', '');

    // a refused fact value is explained with the fact's Chinese label
    await page.click('.more-facts summary');
    await page.evaluate(() => {
      const input = document.getElementById('fact-listedYear') as HTMLInputElement;
      input.value = '1800';
      input.dispatchEvent(new Event('change'));
    });
    const factToast = await toastSays(/年份/);
    expect(factToast).toContain('「被列入的年份」');
    expect(factToast).not.toMatch(/listedYear/);

    // an invalid 主体信息 field is marked and explained
    await page.click('.more-docs summary');
    await page.fill('#field-creditCode', '91420000ABCDEFGHIJ');
    await page.press('#field-creditCode', 'Tab');
    await page.waitForSelector('#field-creditCode[aria-invalid="true"]');
    expect(await page.textContent('#field-creditCode-error')).toMatch(/信用代码/);
    await page.fill('#field-creditCode', CODE);
    await page.fill('#field-name', COMPANY);
    await page.press('#field-name', 'Tab');
    await toastSays(/主体信息已保存/);
    await page.waitForSelector('#field-creditCode:not([aria-invalid="true"])');
  });

  it('records the follow-up: a fact edit, caller phone, callback, a note, the status; then closes it', async () => {
    await page.selectOption('#fact-previousYearReportFiled', { label: '还没有' });
    await page.waitForFunction(() => document.getElementById('eligibility')?.textContent === '暂不符合');
    await page.selectOption('#fact-previousYearReportFiled', { label: '已补报并公示' });
    await page.waitForFunction(() => document.getElementById('eligibility')?.textContent === '可以办理');
    expect(await page.textContent('#messages')).toMatch(/王敏 将「.+」由 .+ 改为 还没有/);

    // 下载 Word once the case is no longer eligible: the reason is shown, nothing silent
    await page.request.put(new URL(`/api/cases/${caseId}/facts`, web.url).href, {
      data: { previousYearReportFiled: false },
    });
    await page.click('li[data-doc="repair-application"] button.dl');
    await toastSays(/不能生成/);
    await page.waitForFunction(() => document.getElementById('eligibility')?.textContent === '暂不符合');
    await page.selectOption('#fact-previousYearReportFiled', { label: '已补报并公示' });
    await page.waitForFunction(() => document.getElementById('eligibility')?.textContent === '可以办理');
    const [docx] = await Promise.all([
      page.waitForEvent('download'),
      page.click('li[data-doc="repair-application"] button.dl'),
    ]);
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);

    await page.fill('#rec-phone', '13800138000');
    await page.press('#rec-phone', 'Tab');
    await page.waitForFunction(() => document.getElementById('audit')?.textContent?.includes('13800138000'));
    await page.fill('#rec-callback', '2026-12-10');
    await page.dispatchEvent('#rec-callback', 'change');
    await page.fill('#note-text', '已告知带齐材料到窗口办理');
    await page.click('#note-form button[type=submit]');
    await page.waitForFunction(() =>
      document.getElementById('audit')?.textContent?.includes('已告知带齐材料'),
    );
    await page.selectOption('#rec-status', 'closed');
    await page.waitForFunction(() => document.getElementById('audit')?.textContent?.includes('已办结'));

    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, 'call-1366x768');
    expect(await axeViolations(page)).toEqual([]);

    // 今日来电 fits a 390 px screen and Escape closes it
    await page.setViewportSize({ width: 390, height: 844 });
    await page.click('#toggle-cases');
    await page.waitForSelector('#cases-pop:not([hidden])');
    const box = await page.locator('#cases-pop').boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForSelector('#cases-pop', { state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('toggle-cases');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow).toBeLessThanOrEqual(390);
    await shoot(page, 'call-390x844');
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('logs out for real: 退出 leads to the login page and the old cookie gets 401', async () => {
    oldCookie = (await context.cookies()).find((c) => c.name === 'cb_staff')?.value ?? '';
    expect(oldCookie).not.toBe('');
    await page.click('button:has-text("退出")');
    await page.waitForURL(/\/login$/);
    const res = await fetch(new URL('/api/me', web.url), { headers: { cookie: `cb_staff=${oldCookie}` } });
    expect(res.status).toBe(401);
  });

  it('a colleague finds the case by company name and by credit code and sees its history', async () => {
    await login('li', 'li-password');
    expect(await page.textContent('#who')).toBe('李娜');
    await page.click('a[href="/cases"]');
    await page.waitForURL(/\/cases/);
    await page.fill('#q', '惠民小吃');
    await page.click('#search button[type=submit]');
    await page.waitForFunction(() => document.getElementById('total')?.textContent === '1');
    expect(await page.textContent('#rows')).toContain(COMPANY);
    expect(await page.textContent('#rows')).toContain('已办结');
    await page.fill('#q', CODE.toLowerCase());
    await page.click('#search button[type=submit]');
    await page.waitForFunction(() => document.getElementById('total')?.textContent === '1');
    expect(await page.textContent('#rows')).toContain(CODE);
    await page.fill('#q', '');
    await page.click('#search button[type=submit]');
    await page.waitForFunction(() => document.getElementById('list-status')?.textContent === '');
    await shoot(page, 'list-1366x768');
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shoot(page, 'list-390x844');
    await page.setViewportSize({ width: 1366, height: 768 });

    // the XLSX export of the list reads back with exceljs
    await page.fill('#q', '惠民小吃');
    await page.click('#search button[type=submit]');
    await page.waitForFunction(() => document.getElementById('total')?.textContent === '1');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('#export-xlsx')]);
    expect(xlsx.suggestedFilename()).toMatch(/^cases-.*\.xlsx$/);
    const file = join(dir, 'cases.xlsx');
    await xlsx.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const row = wb.worksheets[0]?.getRow(2);
    expect(row?.getCell(1).value).toBe(caseId);
    expect(row?.getCell(2).value).toBe(COMPANY);
    expect(row?.getCell(3).value).toBe(CODE);
    expect(row?.getCell(4).value).toBe('13800138000');
    expect(row?.getCell(7).value).toBe('已办结');
    expect(row?.getCell(11).value).toBe('王敏');

    await page.click(`#rows a`);
    await page.waitForFunction(() => document.getElementById('eligibility')?.textContent === '可以办理');
    const audit = (await page.textContent('#audit')) ?? '';
    for (const line of ['王敏', '13800138000', '已告知带齐材料', '已办结', '2026-12-10'])
      expect(audit).toContain(line);
    expect(await page.textContent('#messages')).toMatch(/王敏 将「.+」由 .+ 改为 已补报并公示/);
    expect(await page.inputValue('#rec-status')).toBe('closed');
  });

  it("refreshes the colleague's open page live when the first staff member changes the case", async () => {
    // 王敏 logs in again from another desk (no browser: a script with her own session) and reopens it
    const res = await fetch(new URL('/login', web.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'user=wang&password=wang-password',
      redirect: 'manual',
    });
    const cookie = String(res.headers.get('set-cookie')).split(';')[0] as string;
    const patch = await fetch(new URL(`/api/cases/${caseId}/record`, web.url), {
      method: 'PATCH',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'waiting' }),
    });
    expect(patch.status).toBe(200);
    // 李娜's page, still on the case, follows without a reload and says who changed it
    await page.waitForFunction(
      () => (document.getElementById('rec-status') as HTMLSelectElement).value === 'waiting',
    );
    expect(await toastSays(/王敏 刚更新了这个来电/)).toContain('王敏');
    expect(await page.textContent('#audit')).toContain('等待企业材料');
  });

  it('opens the statistics and sees a chart drawn', async () => {
    await page.click('a[href="/stats"]');
    await page.waitForURL(/\/stats/);
    await page.waitForFunction(() => document.getElementById('kpi-total')?.textContent === '1');
    // Chart.js drew on the canvas: some pixels are not transparent
    const drawn = await page.evaluate(() => {
      const c = document.getElementById('chart-day') as HTMLCanvasElement;
      const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? [];
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if ((data[i] as number) > 0) painted++;
      return painted;
    });
    expect(drawn).toBeGreaterThan(100);
    expect(await page.textContent('#t-staff')).toContain('王敏');
    await shoot(page, 'stats-1366x768');
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    // Chart.js redraws its canvases after the resize
    await page
      .waitForFunction(() =>
        [...document.querySelectorAll('canvas')].every((c) => c.getBoundingClientRect().right <= 390),
      )
      .catch(() => {});
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > 390)
        .map((e) => `${e.tagName}#${e.id}.${e.className}:${Math.round(e.getBoundingClientRect().right)}`)
        .slice(0, 5),
    );
    expect(wide).toEqual([]);
    await shoot(page, 'stats-390x844');
    expect(dialogs).toEqual([]);
  });
});
