// Which document the user asks to have written (DOMAIN.md §4 docType): a verb that asks for writing
// and the document's name, the first named wins (one denied, 「不是申请书」, is none).
import type { Facts } from '../../../rules/types.ts';

// (「你帮我起个草」: 起草 split by a measure word)
// 说明 needs a verb that asks for writing, so "除了申请书还要啥" stays a documents question; a 写 that
// reports what a paper says (「决定书上写的原因是…」「通知书写着」「填写错了」) asks for nothing
export const DRAFT_VERB =
  /(?<!上|填|上面)写(?![的着错成明])|生成|起草|起(?:个|一个|份|一份)草|拟|出(?:个|一份|一个|份)|需要(?:一个|一份)(?=[^吗?]*$)|(?:做|弄|搞|整|准备)(?:个|一份|一个|份)|打(?:个|一份|一个|份)(?!电话|招呼)|模板|范本|范文|样本|样板|导出|下载|填一下|帮我填|帮忙填|弄一份|来一份|要一份|给我一份/;
const APPLICATION =
  /申请书|修复申请|移出申请|(?<=[份个张写拟草成的])申请(?!材料)|申请(?=的?(?:模板|范本|范文|样本|样板))/;
const DOC_TERMS: [NonNullable<Facts['docType']>, RegExp][] = [
  ['minor-error-application', /(?:免列异|轻微差错|免列)(?:的)?(?:书面)?申请(?:书)?|书面申请/],
  ['situation-explanation', /情况说明|说明书|说明材料/],
  ['commitment', /承诺书|守信承诺|信用承诺书/],
  // a bare 申请 is the document only as a noun (「写份申请」「申请的模板」), not the verb of
  // 「代别人申请要不要本人到场 委托书有冇得模板」, where the template asked for is another paper's
  ['application', APPLICATION],
];

/**
 * "申请书怎么写", "要写什么申请": asking how to write one, unless a request to write it follows;
 * 「要写书面申请吗」, 「需不需要写承诺书」: asking whether one is needed
 */
const HOW_TO_WRITE =
  /(?:怎么|怎样|如何|咋)写|写(?:什么|啥)|(?:要不要|需不需要|用不用|要|需要|得)写[^，,。;；]{0,8}?(?:吗|么|不)(?=[，,。;；?？]|$)|(?:要不要|需不需要|用不用)写/g;

export function docType(s: string): Facts['docType'] | undefined {
  if (!DRAFT_VERB.test(s.replace(HOW_TO_WRITE, ''))) return undefined;
  let rest = s;
  let best: { value: NonNullable<Facts['docType']>; pos: number } | undefined;
  for (const [value, re] of DOC_TERMS) {
    const m = re.exec(rest);
    if (!m) continue;
    // 「不是申请书 我要的是情况说明」: a document denied is not the one asked for
    const denied = /(?:不是|不要|不用|不写)$/.test(s.slice(0, m.index));
    if (!denied && (!best || m.index < best.pos)) best = { value, pos: m.index };
    // blank out the span so "免列异申请" is not counted again as a plain application
    rest = rest.slice(0, m.index) + '\u0000'.repeat(m[0].length) + rest.slice(m.index + m[0].length);
  }
  return best?.value;
}

const NEED_QUESTION =
  /(?:要不要|需不需要|用不用|要|需要|得)写[^，,。;；]{0,8}?(?:吗|么|不)(?=[，,。;；?？]|$)|(?:要不要|需不需要|用不用)写/;
/** 「要写书面申请吗」: whether a document is needed, a question about documents, not a request to write */
export const asksWhetherNeeded = (s: string): boolean => NEED_QUESTION.test(s);

export const DOC_MENTION = /申请书|承诺书|情况说明|书面申请/;
