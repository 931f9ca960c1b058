// A turn as data: buttons are serialised commands (readable, within Telegram's 64 bytes), typed
// text and taps take the same path, and old one-letter ids still work.
import { describe, expect, it } from 'vitest';
import { type Command, commandId, parseCommandId } from '../../../dialogs/command.ts';
import { chat } from '../transcript.ts';

describe('commands', () => {
  it('button ids round-trip and fit Telegram callback data', () => {
    const commands: Command[] = [
      { type: 'answer', fact: 'listingReason', value: 'name_change_not_registered' },
      { type: 'answer', fact: 'listedYear', value: 2021 },
      { type: 'dont-know', fact: 'missedCorrectionDeadline' },
      { type: 'correct', facts: { entityType: 'individual' } },
      { type: 'interview', topic: 'minor_error' },
      { type: 'draft', doc: 'minor-error-application' },
      { type: 'navigate', to: 'edit' },
      { type: 'confirm' },
    ];
    for (const c of commands) {
      const id = commandId(c);
      expect(Buffer.byteLength(id)).toBeLessThanOrEqual(64);
      expect(parseCommandId(id)).toEqual(c.type === 'draft' ? c : c);
    }
    expect(parseCommandId('answer:listedYear=abc')).toBeUndefined();
    expect(parseCommandId('answer:__proto__=1')).toBeUndefined();
  });

  it('a tap and the typed label give the same commands', async () => {
    const tapped = await chat();
    await tapped.send('我是个体户，2021年因为没报年报被列入经营异常名录了');
    await tapped.pick('已补报');
    const typed = await chat();
    await typed.send('我是个体户，2021年因为没报年报被列入经营异常名录了');
    await typed.send('已补报并公示');
    expect(typed.last?.commands).toEqual(tapped.last?.commands);
    expect(typed.last?.determination).toEqual(tapped.last?.determination);
  });

  it('ids of the previous release still work on old messages', async () => {
    const c = await chat();
    await c.send('我是个体户，2021年因为没报年报被列入经营异常名录了');
    await c.send({ choiceId: 'v:true' });
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: true });
  });
});
