// The console keeps going when a turn or a file write fails, and still flushes on exit.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { renderReplies, runConsole } from '../../bots/console.ts';
import type { FullEngine } from '../../dialogs/engine.ts';
import type { TurnResult } from '../../dialogs/types.ts';
import { evaluate } from '../../rules/evaluate.ts';

const blockedDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'crb-console-err-'));
  writeFileSync(join(dir, 'file'), 'x');
  return join(dir, 'file', 'drafts'); // a directory below a regular file cannot be created, even by root
};

describe('console errors', () => {
  it('a draft file that cannot be written is reported in the chat', async () => {
    const out = await renderReplies(
      [{ kind: 'file', fileName: 'x.docx', mimeType: 'application/octet-stream', data: new Uint8Array([1]) }],
      blockedDir(),
    );
    expect(out).toContain('没能保存');
  });

  it('a failing turn is answered and later lines and the final flush still happen', async () => {
    let calls = 0;
    let closed = false;
    const ok: TurnResult = {
      replies: [{ kind: 'text', text: '收到' }],
      intent: 'x',
      confidence: 1,
      facts: {},
      determination: evaluate({}),
    };
    const engine = {
      handle: async () => {
        calls++;
        if (calls === 2) throw new Error('boom');
        return ok;
      },
      close: async () => {
        closed = true;
      },
    } as unknown as FullEngine;
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (d) => {
      text += d;
    });
    const running = runConsole({ engine, input, output, draftDir: blockedDir(), userId: 'me' });
    input.end('第一句\n第二句\n');
    await running;
    expect(calls).toBe(3);
    expect(text).toContain('处理这条消息时出了问题');
    expect(closed).toBe(true);
  });
});
