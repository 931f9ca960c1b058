// Drives Debian's Chromium through the staff console over the real engine and drafts: login, one whole
// call, a fact edit, a docx download and the XSS check. Skipped (with a message) only when
// /usr/bin/chromium is missing.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWeb } from '../../bots/web/server.ts';
import { createEngine, type FullEngine } from '../../dialogs/engine.ts';
import { silentLogger } from '../../dialogs/log.ts';

const CHROMIUM = '/usr/bin/chromium';
const TOKEN = 'e2e-token-0123456789abcdef-0123456789';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  console.warn(`[web e2e] skipped: ${CHROMIUM} is missing; install it with .ci/install-chromium.sh`);
}

describe.skipIf(!haveChromium)('staff console in headless Chromium', () => {
  let dir: string;
  let web: Awaited<ReturnType<typeof startWeb>>;
  let engine: FullEngine;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'web-e2e-'));
    engine = await createEngine({ dataDir: join(dir, 'sessions'), log: silentLogger });
    web = await startWeb(
      engine,
      {
        CREDIT_BOT_STAFF_TOKEN: TOKEN,
        CREDIT_BOT_STAFF_SHARED_DESK: '1',
        CREDIT_BOT_WEB_PORT: '0',
        CREDIT_BOT_LOG_LEVEL: 'silent',
      },
      { dataDir: dir },
    );
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
    const context = await browser.newContext({
      acceptDownloads: true,
      viewport: { width: 1440, height: 900 },
    });
    page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await engine?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('redirects to the login page and rejects a wrong token', async () => {
    await page.goto(web.url);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.fill('#user', '李娜');
    await page.fill('#password', 'wrong-token');
    await page.click('button[type=submit]');
    await page.waitForURL(/\/login\?e=bad/);
    await expect(page.textContent('#login-error')).resolves.toContain('不正确');
  });

  it('handles a whole call: login, chat, choices, panel, fact edit, draft download', async () => {
    await page.fill('#user', '李娜');
    await page.fill('#password', TOKEN);
    await page.click('button[type=submit]');
    await page.waitForURL(web.url);

    await page.click('#new-case');
    await page.waitForSelector('#choices button[data-choice="interview:repair"]');
    expect(await page.textContent('#messages')).toContain('信用修复助手');

    await page.fill('#input', '我是个体户，2021年因为没按时报年报被列入经营异常名录了');
    await page.press('#input', 'Enter');
    await page.waitForSelector('#choices button[data-choice^="answer:"][data-choice$="=true"]');
    expect(await page.textContent('#path-label')).toContain('容缺');
    expect(await page.getAttribute('#facts .fact-row.missing select', 'id')).toBe(
      'fact-previousYearReportFiled',
    );
    expect(await page.inputValue('#fact-listedYear')).toBe('2021');
    expect(await page.textContent('#read-aloud')).toContain('容缺');

    await page.click('#choices button[data-choice^="answer:"][data-choice$="=true"]');
    await page.waitForFunction(() => document.getElementById('eligibility')?.textContent === '可以办理');
    expect(await page.textContent('#read-aloud')).toContain('5个工作日');
    expect(await page.textContent('#deadline')).toContain('5 个工作日');
    expect(await page.textContent('#citations')).toContain('四(三)一');
    expect(await page.textContent('#steps')).toContain('守信承诺书');
    expect(await page.textContent('#documents')).toContain('本案需要');

    // a caller whose "name" is markup: shown literally, never run
    const evil = '<script>alert(1)</script>';
    const explanation = await page.textContent('#explanation');
    expect(explanation?.length).toBeGreaterThan(100);
    await page.fill('#input', evil);
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/turns')),
      page.press('#input', 'Enter'),
    ]);
    await page.waitForFunction(
      (t) => [...document.querySelectorAll('.msg.user .bubble')].some((b) => b.textContent === t),
      evil,
    );
    // a turn that leaves the facts as they were does not send the explanation again: the panel keeps it
    expect((await answer.json()).case).not.toHaveProperty('explanation');
    expect(await page.textContent('#explanation')).toBe(explanation);
    expect(await page.isVisible('#explanation-box')).toBe(true);
    await page.click('.more-docs summary');
    await page.fill('#field-name', evil);
    await page.press('#field-name', 'Tab');
    // the save's own acknowledgement (an earlier toast may still be showing)
    await page.waitForFunction(() => document.getElementById('toast')?.textContent === '主体信息已保存');
    expect(await page.locator('#messages script').count()).toBe(0);

    // staff correct a fact inline: the route is re-evaluated
    await page.selectOption('#fact-previousYearReportFiled', { label: '还没有' });
    await page.waitForFunction(() => document.getElementById('eligibility')?.textContent === '暂不符合');
    expect(await page.textContent('#unmet')).toContain('年度报告');
    await page.selectOption('#fact-previousYearReportFiled', { label: '已补报并公示' });
    await page.waitForFunction(() => document.getElementById('eligibility')?.textContent === '可以办理');

    // the screenshot shows the call as staff see it: chat, route, script to read out
    await page.click('.more-docs summary');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: '/tmp/web-mid-case.png', fullPage: false });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('li[data-doc="repair-application"] button.dl'),
    ]);
    expect(download.suggestedFilename()).toMatch(/信用修复申请书\.docx$/);
    const file = join(dir, 'download.docx');
    await download.saveAs(file);
    const xml = await (await JSZip.loadAsync(await readFile(file)))
      .file('word/document.xml')
      ?.async('string');
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(xml).toContain('个体工商户');

    // today's list shows this case under the caller's name, as text. The list drawn when the case
    // was opened (still unnamed) is in the page until the fresh one arrives: wait for that one.
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/cases') && r.request().method() === 'GET'),
      page.click('#toggle-cases'),
    ]);
    await page.waitForFunction(
      (t) => document.querySelector('#cases-list .case-name')?.textContent === t,
      evil,
    );
    expect(await page.locator('#cases-list .case-name').count()).toBe(1);
    expect(await page.locator('#cases-list script').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('keeps the case after a reload', async () => {
    await page.reload();
    await page.waitForFunction(() => document.getElementById('eligibility')?.textContent === '可以办理');
    expect(await page.textContent('#messages')).toContain('2021年因为没按时报年报');
    expect(dialogs).toEqual([]);
  });

  it('logs out with 退出: back to the login page, and the old cookie gets 401', async () => {
    const cookie = (await page.context().cookies()).find((c) => c.name === 'cb_staff');
    expect(cookie?.value).toBeTruthy();
    await page.click('button:has-text("退出")');
    await page.waitForURL(/\/login$/);
    const res = await fetch(new URL('/api/me', web.url), {
      headers: { cookie: `cb_staff=${cookie?.value}` },
    });
    expect(res.status).toBe(401);
    await page.goto(web.url);
    expect(new URL(page.url()).pathname).toBe('/login');
  });
});
