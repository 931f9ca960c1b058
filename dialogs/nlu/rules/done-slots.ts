// Tasks read as slots: a trigger names the task (the address change, the previous year's report,
// every overdue report), the verbs around it in its clause say done / not done / under way.

import { matchesOf } from '../matches.ts';
import type { Clause } from '../normalize.ts';
import { aNotAAhead } from '../question-cues.ts';
import { clauseAt } from './scope.ts';

// "Was it done?" read as a slot: a trigger names the task, the verbs around it in the same clause
// say done / not done / under way, whatever the exact wording (办好了, 搞定了, 已经去办了, 还在走流程).
// (「还差去年的」: what is still owed)
const NOT_DONE_BEFORE = /(?:没有?|未|还没有?|尚未|没去|没来得及|还差|还欠)(?:去)?(?:办理?|做|弄|搞)?$/;
// 「其他年份的她冇说」「其他年份的我还冇去查」: a negator before a verb of telling, asking or looking
// says nothing was told or seen, not that the task is undone
// (「网上申请的住所变更被驳回了」: turned down, so not registered; 「办了一半 还差个合同」: half done is not done)
const NOT_DONE_AFTER =
  /^[^，,。;；]{0,4}?(?:(?:没有?|未|还没|尚未)(?!去?[说讲提问告查看核确])|没去(?![说讲提问告查看核确])|没来得及|正在|在走|还在(?:办|准备|弄|补|做|整理)|在准备|准备中|办理中|没下来|还是(?:老|旧|原来|以前)的|被?(?:驳回|退回|打回)|不予(?:核准|登记|通过)|(?:办|弄|搞|做)?了?一半|还差|还缺)/;
const DONE_AFTER = new RegExp(
  `^[^，,。;；]{0,8}?(?:${[
    /(?:已经?|都|早就?)(?:去|按要求|按提醒)?(?:办理?|弄|搞|做|跑|换|改|变更|迁|登记|完成|核准|批准|批|通过)/,
    /(?:办|弄|搞|做|跑|换|改|变更|登记)(?:理)?(?:好|完|妥|完成|过来|成|定)|搞定|办结|下来了/,
    // 「住所变更登记已经核准了」「今年才办下来」「地址变更批了」: approved is done; 「手续走完了」 too
    /(?:办|批|核准)下来|(?:核准|批准|审核通过|审批通过|通过审核|通过审批|批)了|(?:走|跑)完了?/,
    // 「是去年办的」: done, and when (「是要办的」 is still to do; 「是哪天办的」 asks)
    /是(?:在)?(?![^，,。;；]{0,6}?(?:谁|哪|什么|啥|几|怎么|多久))[^，,。;；要得该不必需没冇未]{1,8}?(?:办|弄|搞|做)(?:理)?(?:好|完|妥)?的(?![吗么])/,
  ]
    .map((r) => r.source)
    .join('|')})`,
);
/** "已经补交", "补齐了", "我们已经补齐公示": a report filed */
export const FILED_AFTER = new RegExp(
  `^[^，,。;；]{0,6}?(?:${[
    /(?:递|交|送)上去了/,
    /(?:递|交|送)到(?:了)?(?:所|局|窗口|大厅|政务)/,
    /递交了/,
    /(?:已经?|都|早就?|也)(?:全部|全都|都|全)?(?:去|按要求)?(?:补报|补交|补齐|补上|补完|补|提交|递交|交|上报|报送|报|公示)/,
    /(?:补报|补交|补|提交|交|上报|报送|报|公示|弄|搞|做)(?:好|完|齐|上|过|完成)/,
    /(?:补报|补交|补齐|补上|补|交|报)了/,
    /搞定/,
  ]
    .map((r) => r.source)
    .join('|')})`,
);
/** "刚去交了纸质年报": the filing verb before the report it is about */
const FILED_BEFORE = /(?:补交|补报|补齐|补上|补|交|提交|上报|报送?)(?:好|完)?了$/;
/** 「交的是上一年度的纸质年报」: the report filed, named after the verb (「冇交的是…」 is the one not filed) */
const FILED_CLEFT = /(?:补交|补报|补|交|提交|上报|报送?)的(?:是|就是)$/;
// 「地址上个月已经变更登记了」: 已经 right before a trigger that is itself the verb (变更登记)
const DONE_BEFORE =
  /(?:(?:已经?|都|也|早就?)(?:去|依法|按要求|按规定|及时|正式)?(?:办理?|完成|做|搞定|弄好|办好|办完)?|完成|办好|办完|搞定|做好|做完)了?$/;

// the previous year's (paper) report, and every overdue one, as tasks done or not
export const PREVIOUS_REPORT_TRIGGER =
  /(?:上一?个?年度?|去年|前一年|上年)的?(?:纸质|纸版|纸质版)?(?:年报|年度报告)|(?:上一?个?年度?|去年|前一年|上年)的?(?:纸质版?|纸版)|纸质(?:版)?(?:的)?(?:年报|年度报告)/g;
/** 「其他几年的」: the years other than one just named */
// (「更早的几年还冇弄」「前面几年的」: the years before the ones named)
export const OTHER_YEARS =
  /(?:别的|其他|其它|剩下的?|另外的?|更早的?|早些的?|前面的?)(?:年份|年度|几年|几份|那几年)/;

export const ALL_REPORTS_TRIGGER = new RegExp(
  [
    /(?:所有|全部|之前|以前|前几年|这几年|历年|往年|欠的|缺的|拖欠的|漏报的|漏掉的|没报的|欠报的|各年度?|每年|几年)的?[^，,。;；]{0,6}?(?:年报|年度报告)/,
    /(?:漏报|欠报|没报|缺报|拖欠|漏掉)的?(?:年度|年份|那几年|几年)/,
    /(?:欠|缺|漏)的?那?(?:几|[两二三四五六])(?:年|个年度)/,
    /(?:漏报?|欠|缺|没报)(?:掉)?的那一?份/,
    OTHER_YEARS,
    /还有[一两二三四五几]个?(?:年|份)(?=的?(?:还)?(?:没|未))/,
  ]
    .map((r) => r.source)
    .join('|'),
  'g',
);

/**
 * More ways to name every overdue report: 「欠的所有年份」「所有没报的年度」「把欠的(全补齐了)」, and the
 * earlier ones beside the latest (「前面两年的还没补」「还差二〇二三年度的没补」).
 */
export const ALL_REPORTS_NAMED =
  /(?:欠|缺|漏|拖欠)的?(?:所有|全部)(?:年份|年度|年报)|(?:所有|全部)[^，,。;；\s]{0,4}?(?:年度|年份)|把(?:欠|缺|漏|拖欠)(?:的|下的|掉的)|前面(?:[一两二三四五几]年|那几年|几年)的?|还差[^，,。;；\s]{0,8}?年度?的?/g;

export const ADDRESS_CHANGE_TRIGGER =
  /(?:住所|地址|经营场所|场所)的?(?:变更|迁移|迁址)(?:登记)?|(?:变更|迁移|迁址)登记|执照(?:上)?的?(?:地址|住所)|(?:注册|登记)的?(?:地址|住所)(?=[^，,。;；]{0,3}?(?:已|都|也|改|换|变更|还是))|新的?(?:地址|住所|场所)(?=[^，,。;；]{0,4}?(?:登记|变更))/g;

/** "去年三月补的", "早就交了" as the whole clause before the task it is about */
const DONE_BARE = /^[^，,。;；]{0,14}?(?:补报|补交|补|交|提交|报|公示|办)(?:的|了|好了|完了)$/;
const LISTED_NEXT = /^(?:就|所以|结果|然后|才|于是)?(?:被|给|遭)[^，,。;；]{0,6}?(?:列|标|弄|拉|纳入|搞)/;
const LISTED_AFTER = /(?:被|给|遭)[^，,。;；]{0,6}?(?:列|标|弄|拉|纳入|搞)|列入|列进/;

/** 「补齐了没有 我要问一下」「办好了没我也不清楚」: the state asked about, not told */
const DONE_ASKED =
  /(?:了|好|完|齐)(?:没有?|冇)(?:$|[\s，,。;；?？]|(?=[我你他她也都还呢啊吧嘛]|不晓得|不知道|不清楚))/;

/** Each hit spans the rest of its clause: a hedge there ("变更好像办好了") covers it. */
export function doneSlot(
  s: string,
  cls: Clause[],
  trigger: RegExp,
  done = DONE_AFTER,
  causeClauseSkips = false,
): { value: boolean; pos: number; len: number }[] {
  const out: { value: boolean; pos: number; len: number }[] = [];
  trigger.lastIndex = 0;
  for (const m of matchesOf(trigger, s)) {
    const pos = m.index ?? 0;
    const c = clauseAt(cls, pos);
    if (!c) continue;
    const before = s.slice(Math.max(c.start, pos - 8), pos);
    const after = s.slice(pos + m[0].length, c.end);
    // "变更办好了吗" asks; "办好了能移出吗" states and then asks something else
    // (会计 is no 会: 「欠的年报会计补齐了没有」 asks)
    if (/[吗么?]|没有?$/.test(after) && !/能|可以|会(?!计)|还|要/.test(after)) continue;
    // 「补了没有我也不晓得」: a "done" asked about, then who does not know
    if (DONE_ASKED.test(after)) continue;
    // 「变更登记办没办我得问下会计」: an A-not-A form right after the task asks whether it was done
    if (aNotAAhead(after)) continue;
    // "补了就能移出吗" supposes it done and asks what follows: a condition, not a statement
    if (/了?就(?:能|可以|会|行|可)[^，,。;；]*(?:[吗么?？]|不$)/.test(after)) continue;
    const len = c.end - pos;
    const prev = cls[cls.indexOf(c) - 1];
    // (「…上个月补哒 就是去年那一年的」: the clause names which one, 就是 before it)
    const named = pos === c.start || /^(?:就是|也就是|是|就)$/.test(s.slice(c.start, pos));
    // (not after a clause that names its own report: 「去年的纸质年报已经补了 更早那几年的 应该都补了吧」
    // tells the earlier years apart)
    if (
      named &&
      /^的?$/.test(after.trim()) &&
      prev &&
      DONE_BARE.test(prev.text) &&
      !/年报|年度报告|纸质/.test(prev.text)
    ) {
      out.push({ value: !/没|未/.test(prev.text), pos, len });
      continue;
    }
    if (NOT_DONE_BEFORE.test(before) || NOT_DONE_AFTER.test(after)) {
      // "之前年报没报被弄成异常了" tells why it was listed, not how the reports stand now
      const next = cls[cls.indexOf(c) + 1];
      if (causeClauseSkips && (LISTED_AFTER.test(after) || (next && LISTED_NEXT.test(next.text)))) continue;
      out.push({ value: false, pos, len });
    } else if (done === FILED_AFTER && FILED_CLEFT.test(before)) {
      out.push({ value: !/没|未/.test(before), pos, len });
    } else if (
      DONE_BEFORE.test(before) ||
      done.test(after) ||
      (done === FILED_AFTER && FILED_BEFORE.test(before) && !/没|未/.test(before))
    )
      out.push({ value: true, pos, len });
  }
  return out;
}

export const ADDRESS_STORY = /住所|地址|经营场所|搬|迁/;
// (a clause may open with a discourse word before the bare 变更: 「不过变更办好了」「其实变更已经办好了」)
export const BARE_CHANGE_TRIGGER =
  /(?<=(?:^|[，,。;；!?！？ ])(?:不过|其实|但是|可是|而且|然后|现在|我们|我)?)(?:变更|迁移)(?:登记|手续)?(?=[^，,。;；]{0,6}?(?:还|没|未|已|办|好|完|了))/g;
