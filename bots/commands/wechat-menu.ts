// `credit-bot wechat-menu`: publishes the Official Account's custom menu (knowledge/channels/text.json:
// repair guide, drafts, FAQ, human) through the menu API, or prints it with --print. Each click sends
// its command to the callback, where it is handled like the typed command.
import type { Command } from 'commander';
import { UsageError } from '../usage-error.ts';

export async function publishWechatMenu(
  env: NodeJS.ProcessEnv,
  say: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): Promise<void> {
  const [
    { loadBotConfig },
    { createLogger },
    { createApiClient, PlatformError },
    { channelTexts },
    { WECHAT_API_ROOT },
  ] = await Promise.all([
    import('../config.ts'),
    import('../../dialogs/log.ts'),
    import('../wechat/api.ts'),
    import('../wechat/texts.ts'),
    import('../wechat/official-account.ts'),
  ]);
  const config = loadBotConfig(env);
  const wx = config.wechat;
  if (!wx)
    throw new UsageError('WECHAT_TOKEN, WECHAT_APP_ID and WECHAT_APP_SECRET are needed to publish the menu');
  const log = createLogger({ level: config.logLevel, secrets: config.secrets });
  const api = createApiClient({
    apiRoot: wx.apiRoot ?? WECHAT_API_ROOT,
    tokenPath: `/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(wx.appId)}&secret=${encodeURIComponent(wx.appSecret)}`,
    log,
    secrets: config.secrets,
    retry: { retries: 2 },
  });
  try {
    await api.call('menu create', '/cgi-bin/menu/create', channelTexts.wechatMenu);
  } catch (err) {
    const code = err instanceof PlatformError ? err.errcode : undefined;
    const hint =
      code === 40164 || code === 61004
        ? " — add this server's public IP to the IP allow-list (设置与开发 → 基本配置 → IP白名单)"
        : code === 48001
          ? ' — this account may not use the menu API (an unverified subscription account?)'
          : '';
    throw new UsageError(`could not publish the WeChat menu: ${(err as Error).message}${hint}`);
  }
  const names = channelTexts.wechatMenu.button.map((b) =>
    'sub_button' in b ? `${b.name}（${b.sub_button.map((s) => s.name).join('、')}）` : b.name,
  );
  say(`已发布公众号菜单 / menu published: ${names.join(' | ')}`);
}

export function register(program: Command): void {
  program
    .command('wechat-menu')
    .description('发布公众号自定义菜单 / publish the WeChat Official Account menu (WECHAT_* settings)')
    .option('--print', '只打印菜单 JSON，不发布 / print the menu JSON instead of publishing')
    .action(async (opts: { print?: boolean }) => {
      if (opts.print) {
        const { channelTexts } = await import('../wechat/texts.ts');
        process.stdout.write(`${JSON.stringify(channelTexts.wechatMenu, null, 2)}\n`);
        return;
      }
      await publishWechatMenu(process.env);
    });
}
