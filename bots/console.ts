// The terminal channel: a Chinese chat on stdin/stdout. Choices are numbered; files are written to
// the data directory and their path printed.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { FullEngine } from '../dialogs/engine.ts';
import type { Logger } from '../dialogs/log.ts';
import { dialog, say } from '../dialogs/texts.ts';
import type { Reply, Turn } from '../dialogs/types.ts';
import { summariseCase } from './staff-summary.ts';

export interface ConsoleOptions {
  engine: FullEngine;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** hotline staff mode: a case summary after every turn, /set accepted */
  staff?: boolean;
  draftDir: string;
  userId: string;
  log?: Logger;
}

// the navigation words that mean "bye" (knowledge/dialog.json) end the console, as do the usual ASCII ones
const EXIT_WORDS = new Set([
  ...Object.entries(dialog.navWords as Record<string, string>).flatMap(([w, nav]) =>
    nav === 'bye' ? [w] : [],
  ),
  'exit',
  'quit',
  '/exit',
  '/quit',
  'q',
]);

export async function renderReplies(replies: Reply[], draftDir: string): Promise<string> {
  const out: string[] = [];
  for (const r of replies) {
    if (r.kind === 'text') {
      out.push(r.text);
      if (r.choices?.length) out.push(r.choices.map((c, i) => `  ${i + 1}. ${c.label}`).join('\n'));
    } else if (r.kind === 'move-to-private') {
      out.push(r.text);
    } else {
      const path = resolve(join(draftDir, r.fileName));
      try {
        await mkdir(draftDir, { recursive: true });
        await writeFile(path, r.data);
        out.push(say('draftFileSaved', { path }));
      } catch (err) {
        // The text of the draft was already shown; the file is what could not be saved.
        out.push(say('draftFileFailed', { dir: resolve(draftDir), reason: (err as Error).message }));
      }
    }
  }
  return out.join('\n');
}

export async function runConsole(opts: ConsoleOptions): Promise<void> {
  const input = opts.input ?? process.stdin;
  const output = opts.output ?? process.stdout;
  const channel = opts.staff ? 'staff' : 'console';
  const key = { channel, chatId: 'local', userId: opts.userId } as const;
  const write = (text: string) => output.write(`${text}\n`);
  const turn = async (t: Omit<Turn, 'channel' | 'chatId' | 'userId'>) => {
    const result = await opts.engine.handle({ ...key, addressed: true, ...t });
    write(`\n${await renderReplies(result.replies, opts.draftDir)}`);
    if (opts.staff) write(`\n${summariseCase(await opts.engine.getCase(key))}`);
  };

  const rl = createInterface({ input, output, terminal: Boolean((input as { isTTY?: boolean }).isTTY) });
  rl.setPrompt('> ');
  let closing = false;
  const finish = async () => {
    if (closing) return;
    closing = true;
    await opts.engine.close();
  };

  // Listeners go on before the greeting: lines piped in while it is prepared must not be lost.
  // Lines are handled strictly one after another, also when a whole script is piped in.
  // A failing turn is reported and the chat goes on: one error must not stop every later line
  // nor skip the final flush.
  const guard = (err: unknown) => {
    opts.log?.error({ err: (err as Error)?.message }, 'console turn failed');
    write(say('internalError'));
    rl.prompt();
  };
  let queue: Promise<void> = turn({ text: '/start' })
    .then(() => {
      write(say('exitHint'));
      rl.prompt();
    })
    .catch(guard);
  const done = new Promise<void>((resolveDone) => {
    rl.on('line', (line) => {
      queue = queue
        .then(async () => {
          if (closing) return;
          if (EXIT_WORDS.has(line.trim().toLowerCase())) {
            write(say('smalltalkBye'));
            rl.close();
            return;
          }
          await turn({ text: line });
          rl.prompt();
        })
        .catch(guard);
    });
    rl.on('close', () => {
      queue = queue.then(finish).then(resolveDone);
    });
    rl.on('SIGINT', () => rl.close());
  });
  await done;
}
