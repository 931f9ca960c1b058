// A scripted stand-in for the conversation engine: enough of a conversation (menu → two questions →
// result → draft) to drive the adapters, and a record of every Turn it was given.
import type { Engine, Reply, SessionKey, Turn, TurnResult } from '../../dialogs/types.ts';

export const DOCX_BYTES = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]);

export const LONG_PARAGRAPH = '信用修复说明。'.repeat(300); // 2100 characters

export interface FakeEngine extends Engine {
  turns: Turn[];
  forgotten: SessionKey[];
  closed: boolean;
}

export function createFakeEngine(): FakeEngine {
  const turns: Turn[] = [];
  const forgotten: SessionKey[] = [];

  function replies(turn: Turn): Reply[] {
    const said = turn.choiceId ?? turn.text ?? '';
    switch (said) {
      case '/start':
      case '/repair':
        return [
          {
            kind: 'text',
            text: '您好！请问您的主体类型是？',
            choices: [
              { id: 'individual', label: '个体工商户' },
              { id: 'enterprise', label: '企业' },
            ],
          },
        ];
      case 'individual':
        return [
          {
            kind: 'text',
            text: '是否因未按时报送年报被列入经营异常名录？',
            choices: [
              { id: 'yes', label: '是' },
              { id: 'no', label: '否' },
            ],
          },
        ];
      case 'yes':
        return [
          {
            kind: 'text',
            text: '可以适用容缺修复（四(三)一）。需要我起草申请书吗？',
            choices: [{ id: 'draft', label: '起草信用修复申请书' }],
          },
        ];
      case 'draft':
      case '/draft':
        if (turn.isGroup) {
          return [
            {
              kind: 'move-to-private',
              text: '起草材料需要填写名称等信息，我们到私聊继续。',
              privateStart: '/draft',
            },
          ];
        }
        return [
          {
            kind: 'file',
            fileName: '信用修复申请书.docx',
            mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            data: DOCX_BYTES,
            caption: '信用修复申请书（草稿），请核对后打印签字。',
          },
        ];
      case '/forget':
        forgotten.push({ channel: turn.channel, chatId: turn.chatId, userId: turn.userId });
        return [];
      case '/long':
        return [{ kind: 'text', text: [LONG_PARAGRAPH, LONG_PARAGRAPH, LONG_PARAGRAPH].join('\n\n') }];
      case '/many':
        return [
          {
            kind: 'text',
            text: '请选择年份',
            choices: Array.from({ length: 30 }, (_, i) => ({ id: `y${2000 + i}`, label: `${2000 + i}年` })),
          },
        ];
      case '/boom':
        throw new Error('scripted engine failure');
      default:
        return [{ kind: 'text', text: `收到：${said}` }];
    }
  }

  const engine: FakeEngine = {
    turns,
    forgotten,
    closed: false,
    async handle(turn: Turn): Promise<TurnResult> {
      turns.push(turn);
      return {
        replies: replies(turn),
        intent: 'repair',
        confidence: 1,
        facts: {},
        determination: {} as TurnResult['determination'],
      };
    },
    async forget(key) {
      forgotten.push(key);
    },
    async close() {
      engine.closed = true;
    },
  };
  return engine;
}
