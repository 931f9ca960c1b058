// The public chat page in Debian's Chromium on a 390×844 phone screen, over the real engine: a visitor
// types the 容缺修复 sentence, sees the route, drafts the application by buttons and keyboard, and
// downloads the Word file; axe-core finds no WCAG 2.1 AA violation. Screenshots go to
// CHANNEL_SHOTS_DIR when set. Skipped (with a message) only when /usr/bin/chromium is missing.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChannelsApp } from '../../bots/http/server.ts';
import { createEngine } from '../../dialogs/engine.ts';
import { createLogger } from '../../dialogs/log.ts';
import type { Engine } from '../../dialogs/types.ts';

const CHROMIUM = '/usr/bin/chromium';
const SENTENCE = '我是个体户，2021年没报年报被列入经营异常了，上一年度的纸质年报已经补报公示了';
const NAME = '通城县某某副食店';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium)
  console.warn(`[public chat] skipped: ${CHROMIUM} is missing (apt-get install chromium fonts-noto-cjk)`);
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

describe.skipIf(!haveChromium)('public chat page in headless Chromium at 390×844', () => {
  let dir: string;
  let engine: Engine;
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let url: string;
  const shots = process.env.CHANNEL_SHOTS_DIR;
  const shot = async (name: string) => {
    if (shots) await page.screenshot({ path: join(shots, name), fullPage: false });
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'public-chat-'));
    if (shots) await mkdir(shots, { recursive: true });
    engine = await createEngine({ dataDir: join(dir, 'sessions'), log: createLogger({ level: 'silent' }) });
    const built = await buildChannelsApp(engine, {
      env: {},
      config: { publicChat: true, rateLimitPerMinute: 60, logLevel: 'silent', secrets: [] },
      log: createLogger({ level: 'silent' }),
    });
    if (!built) throw new Error('not built');
    app = built.app;
    await app.listen({ host: '127.0.0.1', port: 0 });
    url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/chat`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--no-first-run',
        '--disable-sync',
      ],
    });
    const context = await browser.newContext({
      acceptDownloads: true,
      // axe-core is injected as an inline script, which the page's CSP (rightly) refuses.
      bypassCSP: true,
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await engine?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function axeViolations() {
    await page.addScriptTag({ path: AXE });
    return page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: (o: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
        }
      ).axe;
      const r = await axe.run({
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      });
      return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
  }

  const lastBot = () => page.locator('.msg.bot').last();
  const pressChoice = async (label: RegExp) => {
    const b = page.locator('.choices button:not([disabled])', { hasText: label }).first();
    await b.waitFor();
    await b.click();
  };

  it('a visitor types the sentence, sees 容缺修复, drafts by buttons and downloads the Word file', async () => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url);
    await page.locator('.msg.bot').first().waitFor();
    expect(await axeViolations()).toEqual([]);
    // Nothing is wider than the phone: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Keyboard: the skip link is the first stop (first in the page, as a skip link must be), the
    // greeting's choice buttons the next; the skip link jumps to the message box and Enter sends.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('skip'))).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.choices') !== null)).toBe(true);
    await page.locator('.skip').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('message');
    await page.keyboard.type(SENTENCE);
    const before = await page.locator('.msg.bot').count();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.msg.bot').count(), { timeout: 20_000 }).toBeGreaterThan(before);
    await page.getByText('容缺', { exact: false }).first().waitFor();
    const said = (await page.locator('.msg.bot').allInnerTexts()).join('\n');
    expect(said).toContain('【适用途径】个体工商户、农民专业合作社年报“容缺”修复');
    await shot('chat-390-route.png');
    expect(await axeViolations()).toEqual([]);

    await pressChoice(/^生成文书$/);
    await pressChoice(/^信用修复申请书$/);
    for (let step = 0; step < 15; step++) {
      await page.locator('#send:not([disabled])').waitFor();
      if (await page.locator('.choices button:not([disabled])', { hasText: /^确认生成$/ }).count()) break;
      const question = (await lastBot().textContent()) ?? '';
      await page.locator('#message').fill(/名称/.test(question) ? NAME : '跳过');
      await page.locator('#send').click();
      await expect
        .poll(async () => ((await lastBot().textContent()) ?? '') !== question, { timeout: 20_000 })
        .toBe(true);
    }
    // Keyboard on a choice: focus the button and press Enter.
    const confirm = page.locator('.choices button:not([disabled])', { hasText: /^确认生成$/ });
    await confirm.focus();
    await page.keyboard.press('Enter');
    const link = page.locator('.file a').last();
    await link.waitFor({ timeout: 20_000 });
    expect(await link.textContent()).toMatch(/下载 Word 文件：.*\.docx/);
    await link.scrollIntoViewIfNeeded();
    await shot('chat-390-download.png');
    expect(await axeViolations()).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const saved = join(dir, download.suggestedFilename());
    await download.saveAs(saved);
    const zip = await JSZip.loadAsync(await readFile(saved));
    const doc = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(doc).toContain('信用修复申请书');
    expect(doc).toContain(NAME);
    // Only this server was asked for anything.
    expect(requests.filter((r) => !r.startsWith(url.replace(/\/chat$/, '')))).toEqual([]);
  });
});
