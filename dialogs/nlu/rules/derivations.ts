// The inferences between facts, named and applied in order after the statements are read; each
// says why it holds (test/nlu/derivations.test.ts leaves each one out to show what it adds).
import { INFO_CORRECTION_REASONS, PILOT_SINCE_YEAR } from '../../../rules/routes.ts';
import type { FactName, Facts } from '../../../rules/types.ts';
import { countyPlaces } from '../county-places.ts';
import { alt, anyOf, factLexicon, speakerRole } from '../fact-lexicon.ts';
import { hasAny, lexicon } from '../lexicon.ts';
import { matchesOf } from '../matches.ts';
import { type Clause, clauses } from '../normalize.ts';
import { QUESTION_CLAUSE } from '../question-cues.ts';
import { resolveYear, yearsAgoStraddles } from '../years.ts';
import { APPLIED_NOT_APPROVED, CHANGE_PENDING, GIVEN_UP, NOBODY_THERE } from './address.ts';
import { FIRST_PERSON, MOVED, NAME_CHANGE } from './cues.ts';
import { doneSlot, FILED_AFTER } from './done-slots.ts';
import { ENTITY_RULES } from './entity.ts';
import { errorKind } from './error-kind.ts';
import {
  LISTED_FORMAL_DATE,
  LISTED_MONTH_AFTER_YEAR,
  LISTED_NOTICE_DATE,
  LISTED_THAT_YEAR,
  LISTED_YEAR,
  LISTED_YEAR_AFTER_REASON,
  LISTED_YEAR_BEFORE_CAUSE,
  LISTED_YEAR_EVENT,
  LISTED_YEAR_OF_TIME_FRAME,
  LISTED_YEAR_TERSE,
  reportYearListed,
} from './listed-year.ts';
import { listingReason } from './listing-reason.ts';
import { CORRECTED_IN_PERIOD } from './minor-error.ts';
import { clauseAt } from './scope.ts';

/** A whole message that is only a cause: "因为没报年报", "是因为地址联系不上" */
// (「原因写的是通过登记的住所或者经营场所无法联系」: the reason as the notice or the system words it)
const BARE_CAUSE =
  /^(?:就是|是|主要是|应该是)?(?:因为|由于|(?:列入的?|列的|被列的?)?原因(?:就|上面?|栏里?)?(?:写的|显示的?|写着)?(?:是|为|：|:))[^，,。;；?？吗么]{1,24}[。.!！]?$/;
/** A penalty, a revoked licence or the serious list spoken of: its reasons are no listing's. */
const penaltyTalk = (s: string): boolean => {
  const p = lexicon().penalties;
  return hasAny(s, p.penaltyWords) || hasAny(s, p.seriousList) || hasAny(s, p.licenceRevoked);
};
/** 「决定书上写的原因是…」: a clause that opens with the reason as a paper or the system gives it */
const CAUSE_CLAUSE =
  /^[^，,。;；\s?？]{0,8}?(?:列入的?|列的|被列的?)原因|^[^，,。;；\s?？]{0,8}?(?:上面?|里)写的原因(?:是|为|：|:)|^(?:列入)?原因(?:写的|显示的?)(?:是|为|：|:)/;
/** "年报已经补交了" as a whole clause: which report depends on the business (enterprise: every one) */
const BARE_REPORT_FILED =
  /^[^，,。;；没未不\d年]{0,6}?(?:的)?(?:年报|年度报告)(?:已经?|都|也|刚刚?|今天|昨天|现在)*(?:去)?(?:补交|补报|补齐|补上|补|交|提交|上报|报送?|公示)(?:好|完|齐|上)?了$/;
type Value = Facts[FactName];

// every overdue year filed: "现在已经全部补报了"; "后面几年的也都没报"
const ALL_FILED: [boolean, RegExp][] = [
  // (「现在全补齐了」: 全 alone before the verb of making up)
  [true, /(?:全部|全都|统统|都已经?|都|全(?=补))(?:补报|补交|补齐|补上|补完|补|报|交)(?:了|完|齐|上|好)/g],
  [
    false,
    // 「21年以后的到现在都冇补」: the years after one named, still unfiled now
    /(?:几年|后面|之后|以后|往后|其他|其余|剩下)的?(?:年报|年度报告)?(?:到现在|至今|现在)?(?:也|都|还|一直){0,3}(?:没有?|未)(?:报|补|交|弄|搞)/g,
  ],
];

const NOT_YET_AFTER_LISTING =
  /(?<!改|办|登记|公示|更正)(?:没有?|未|没去)(?:去)?(?:(?:办理?|做)(?:登记|变更)|登记|变更|改|更正|改正|纠正|公示)(?!期|的)/g;

/** 「名称变更登记一直冇去办」: the registration named, then not done (the verb after it) */
const REGISTRATION_NOT_YET =
  /(?:变更登记|变更|登记)[^，,。;；\s]{0,3}?(?:一直|还|至今|到现在|都)?(?:没有?|未)(?:去)?(?:办|弄|搞|做)/g;

const REPORTS_STILL_MISSING =
  /(?:年报|年度报告)(?:也|都|还|一直|至今|到现在|从来){1,3}(?:没有?|未)(?:报|弄|交|补|搞|整|做)/;
const REMOVAL_ASK = /移出|移除|消除|弄掉|弄出来|搞出来|解除异常|恢复正常/;

const NOT_REACHABLE_THERE =
  /(?:注册|登记|原|原来|老|旧)的?(?:地址|住所|场所|经营场所|门面|店面)[^，,。;；]{0,6}?(?:也|都|还|仍然?)?(?:联系不[到上]|找不到|联系不了)|(?:回不去|不回)(?:原来|原先|以前|原)?(?:的|那个)?(?:地方|地址|住所|场所)|(?:还没有?|没有?|未)(?:搬|迁|住)回(?:去|来|原|注册|登记)/;
const STILL_THERE = anyOf([
  /(?:还|仍然?|一直|都)(?:是|都)?在(?:原|注册|登记|原来)的?(?:地址|住所|场所|地方|那里|那儿)/,
  /(?:现在|已经|又)(?:能|可以)(?:联系|找)(?:到|上|得到)了/,
  // 「还是原来那个门面」: the same place as before (not what the licence says, not a place near it)
  /(?<!执照|执照上|登记|注册|写的|地址|住所)(?:还是|就是|又是)(?:在)?(?:原来|原先|以前|老)(?:的|那个|那间|那家)?(?:门面|店面|铺子|店子|地方|地址|办公室|厂房)(?![^，,。;；\s]{0,2}(?:附近|旁边|对面|隔壁|吗|么))/,
]);
/**
 * 「去那边找不到人」「那里也联系不上我们」「人也早就不在原来登记的地方了」: after a listing for being
 * unreachable at the registered place, the place spoken of is that one, and nobody can be reached there now
 */
const NOBODY_FOUND_THERE =
  /(?:去|到)?(?:那边|那里|那儿)(?:现在|也|都|还是|根本)*(?:找不到|找不着|联系不上|联系不到)(?:人|我们?)?|(?:人|我们|店|厂|公司)(?:也|都|早就?|已经|现在)*不在(?:原来|原先|以前|原|注册|登记|执照上?)(?:登记|注册)?的?(?:那个)?(?:地方|地址|住所|场所)/;
// 「所里说么样都联系不上他」: who says it may lead, the business named by a pronoun after it
const BARE_UNREACHABLE =
  /^(?:[^，,。;；\s]{0,10}?(?:说|讲|反映))?(?:也|都|就|现在|完全|根本|彻底|已经|基本|一直|么样都|怎么都|咋个都|咋都)*(?:联系不上|联系不到|找不到我们?)(?:我们?|他们?|她们?|人)?了?$/;
// (「电话还是原来那个 随时打得通」: the phone named in the clause before, the line's state in this one)
const BARE_REACHABLE = new RegExp(
  [
    /^(?:人|我们?|老板)?(?:也|都|还|一直|随时)*(?:能|可以)?(?:联系得?[上到]|找得?到人?)(?:我们?|人)?(?:的|了)?$/,
    /^(?:电话|手机)号?码?(?:也|都|一直)*(?:没有?(?:变|换|停)|开着|通着|能打通|打得通)(?:的|了)?$/,
    /^(?:电话|手机)号?码?(?:也|都|一直)*还是(?:原来|以前|老)的?(?:那个|那一?个|号码?)?(?:的|了)?$/,
    /^(?:也|都|还|一直|随时)+(?:能打通|打得通)(?:的|了)?$/,
  ]
    .map((r) => r.source)
    .join('|'),
);
const ADDRESS_WORDS = /地址|住所|场所|搬|迁|址|门面|店面|门店|厂房/;
/** 「拿到新执照」「新执照也领了」「新执照下来了」: the new licence in hand (not 「要去领新执照」) */
const NEW_LICENCE =
  /(?<![要去想准备得])(?:拿到|领到|领了|拿了|换了|发了)(?:新的?)(?:营业)?执照|新(?:的)?(?:营业)?执照[^，,。;；\s要去想]{0,4}?(?:拿到|领到|领了|拿了|下来|发下来|到手)/;
/** "用于移出经营异常名录": the purpose of a document asked for, not the user's own removal */
const PURPOSE_BEFORE = /(?:用于|用来|用在|为了|以便)[^，,。;；]{0,4}$/;
/** "帮我拟一份…": the user as the one helped, which says nothing about their business */
const HELP_ME = /[帮给替]我|帮忙/g;

// information corrected / published / registered after a listing for it
const INFO_CORRECTED: [boolean, RegExp][] = [
  [
    true,
    anyOf(
      [
        /(?:已经?|都|也|现在|早就?)(?:把)?[^，,。;；没未]{0,6}?(?:补公示|公示|改正|更正|纠正|改过来|改好|改了|登记|变更)/,
        /(?:已经?|都|也)(?:去)?(?:补办|补登|办理|办好|办完)(?:了|好|完)?(?!吗)/,
        /(?:变更登记|登记|变更|公示|更正|改正)[^，,。;；]{0,2}?(?:办|做|弄)?(?:好|完)了/,
        /(?:变更登记|登记|变更)(?:已经?|都|也)(?:办|做|弄)(?:好|完)?了/,
        /(?:已经?)?整改(?:好|完)了/,
        /已经?整改(?:好|完)?/,
      ],
      'g',
    ),
  ],
  // only the present state: "改名了没去登记，被列入" tells why it was listed, "还没去办" how it stands
  [
    false,
    /(?:还没有?|还未|尚未|仍未|至今没有?|现在还?没有?)(?:去)?(?:(?:办理?|做|弄)(?:登记|变更)?|登记|变更|改|更正|改正|纠正|公示|补(?:充)?(?:公示|登记|办)?)(?!期|的)/g,
  ],
];

// minor-error story: "已经改好了", "提醒了还没来得及改"
const FIXED_NOW: [boolean, RegExp][] = [
  [
    true,
    // (「已经在公示系统上改好了」: where it was done, between)
    /(?:已经?|都|马上|立即|立刻|当天就?|当场|及时|随即)(?:就)?(?:在[^，,。;；没未不]{1,8}?(?:上|里))?(?:按要求|按提醒)?(?:改正|改了|改好|改过来|更正|修改|纠正|补上|补正|修正|整改|更改|订正)/g,
  ],
  // (「还冇来得及更新」「还冇弄」: 弄 / 搞 / 动 for the work not done, not 「还没弄清楚」; 「一直没更新」
  // tells how the error came about, not a correction still to make)
  [
    false,
    /(?:还没有?|没来得及|尚未)(?:来得及|顾上|顾得上|空)?(?:去)?(?:改|更正|修改|纠正|更新|(?:弄|搞|动)(?![清明懂错]))/g,
  ],
];
/** 「当天就改好了」: a correction verb right after a word of immediacy (facts.json correctedRightAway) */
const FIXED_AT_ONCE: [boolean, RegExp][] = [
  [
    true,
    new RegExp(
      `${alt(factLexicon().correctedRightAway.words)}(?:就|马上|立刻)?(?:把[^，,。;；没未不]{1,12}?)?[^，,。;；没未不]{0,6}?(?:改正|改了|改好|改过来|更正|修改|纠正|补上|补正|修正|更改|订正|改|公示了|补公示|补了公示|弄好|弄了|搞好|搞定)`,
      'g',
    ),
  ],
];
/** 「在规定期限内改好了」: a correction made within the ordered period (minor-error.ts) */
const IN_PERIOD: [boolean, RegExp][] = CORRECTED_IN_PERIOD.map((re) => [true, new RegExp(re.source, 'g')]);
/** Whether the clause at `pos` asks (「第二天就改好了吗」). */
const askedAt = (cls: Clause[], pos: number): boolean => /[吗么?？]/.test(clauseAt(cls, pos)?.text ?? '');

/** reports or taxes left unfiled and no listing told: the revocation-risk questions (DOMAIN §5) */
const revocationStory = (facts: Facts): boolean =>
  (facts.yearsWithoutAnnualReport !== undefined || facts.taxFiled !== undefined) &&
  facts.listed === undefined;

/** 「登记住所联系不到」 as a whole clause: the registered place and its being unreachable, nothing more */
const BARE_UNREACHABLE_PLACE =
  /^(?:在|按)?(?:注册|登记)的?(?:地址|住所|经营场所|场所)(?:联系不[到上]|找不到人?|无法联系)(?:了|哒)?$/;
/**
 * 「公司被列异常了 登记住所联系不到」: a clause after the listing that only names the registered place
 * as unreachable, where no other clause tells why the business was listed, gives the listing's cause,
 * not how it stands now (a word of now or a second clause about the place would tell the present).
 */
function onlyCauseTold(c: Clause, cls: Clause[]): boolean {
  if (!BARE_UNREACHABLE_PLACE.test(c.text)) return false;
  return !cls.some((x) => x !== c && listingReason(x.text) !== undefined);
}

let causeToldRe: RegExp | undefined;
/**
 * 「短信说按登记的地址联系不上」「拆迁以后按登记的住所联系不上」: a clause after the listing that gives its
 * cause as the notice words it (facts.json causeAsTold) tells why the business was listed, not how it
 * stands now; a word of now in it (「现在按登记的地址还是联系不上」) tells the present after all.
 */
function causeAsTold(clause: string): boolean {
  const w = factLexicon().causeAsTold;
  if (w.now.some((x) => clause.includes(x))) return false;
  causeToldRe ??= new RegExp(
    `^[^，,。;；\\s]{0,6}?${alt(w.reportVerbs)}|${alt(w.formalMeans)}(?:登记|注册|执照上)的?`,
  );
  return causeToldRe.test(clause);
}

/** A word of now in a clause (facts.json causeAsTold.now: 一直, 现在, 至今 …). */
const stillNow = (clause: string): boolean => factLexicon().causeAsTold.now.some((x) => clause.includes(x));

/** "已经改好了", "改过来了", "还没改呢" on their own, as an answer about the error */
const SHORT_FIX_ANSWER =
  /^(?:已经?|都|早就?)?(?:改|更正|改正)(?:好|正|过来|完)?了?$|^(?:还没有?|没有?|没来得及)(?:改|更正)(?:呢|好)?$/;
const ERROR_STORY = /错|不一致|不符|有误|不对|对不上|不一样|差错/;

function lastHit(s: string, rules: [boolean, RegExp][], ok: (pos: number) => boolean) {
  let best: { value: boolean; pos: number } | undefined;
  for (const [value, re] of rules) {
    re.lastIndex = 0;
    for (const m of matchesOf(re, s)) {
      const pos = m.index ?? 0;
      if (ok(pos) && (!best || pos >= best.pos)) best = { value, pos };
    }
  }
  return best;
}

/**
 * Whether information is told corrected (published, registered) in a clause that is not about the
 * annual reports: for a listing on record for false, unpublished or unregistered information, told in an
 * earlier message (「股东变更的信息也已经公示上去了」), the last such statement.
 */
export function infoCorrectedIn(s: string): boolean | undefined {
  let found: boolean | undefined;
  for (const c of clauses(s)) {
    if (REPORT_WORDS.test(c.text)) continue;
    const hit = lastHit(c.text, INFO_CORRECTED, () => true);
    if (hit) found = hit.value;
  }
  return found;
}
const REPORT_WORDS = /年报|年度报告/;

/** What a derivation reads and writes: the text, the first-pass facts and the one way to add a fact. */
export interface Derive {
  s: string;
  now: Date;
  cls: Clause[];
  facts: Facts;
  signals: string[];
  /** where the text states the listing (undefined: it does not) */
  listedPos: number | undefined;
  /** the user asked whether their own business would be listed */
  askedSelf: boolean;
  /** the case is listed for being unreachable at its address (told in an earlier message) */
  addressStory: boolean;
  /** the business left its registered address and is not listed (told in an earlier message) */
  bufferStory: boolean;
  /** the case is a published-information error, not listed (its kind told in an earlier message) */
  errorStory: boolean;
  /** adds a derived fact unless a more direct statement gave it; a hedged clause makes it hedged */
  set: (fact: FactName, value: Value | undefined, pos: number) => void;
  /**
   * adds a fact that follows from what the text says without the text saying it (Extracted.implied):
   * the case takes it, the reading of the words does not report it
   */
  imply: (fact: FactName, value: Value | undefined, pos: number) => void;
  hedgedClause: (pos: number) => boolean;
}

/**
 * The inferences between facts, named and applied in this order after the statements are read (a
 * later one may rely on an earlier one's fact). Each says why it holds; the corpus lines of the
 * facts they set test them.
 */
/** 「如果被列了…」「列入的企业会怎样」: a listing supposed or told of businesses in general, not the user's. */
const GENERIC_OR_HYPOTHETICAL = /如果|假如|万一|要是|的(?:企业|公司|个体户|合作社|商户)/;

let thatReportRe: RegExp | undefined;
let firstAloneRe: RegExp | undefined;
/** the exclusions and conditions of a minor error (五(二)三) a list of them may tell beside a first time */
const MINOR_ERROR_CONDITIONS = [
  'safetyRelated',
  'adverseImpact',
  'majorImpactOrDispute',
  'refusedInspection',
  'missedCorrectionDeadline',
  'intentional',
  'correctedAfterReminder',
] as const;

/**
 * The text without the phrases in which the writer is only the one asking (「我想问」, 「我不知道」)
 * or names their trade as an agent (「我是做代理记账的」).
 */
const withoutSpeaker = (s: string) =>
  factLexicon()
    .speakerPhrases.words.reduce((t, w) => t.split(w).join(''), s)
    .replace(speakerRole(), '');

/** words that name the change registration itself, not only the address on the licence */
const CHANGE_NAMED = /变更|迁移|迁址|变跟|(?:去|没|未)登记/;

export const DERIVATIONS: { name: string; run: (d: Derive) => void }[] = [
  {
    // away from a listing, 「搬了 执照地址还没改」「还冇改地址」 tell that the business works elsewhere
    // (operatingAtRegisteredAddress); a change registration is spoken of only where it is named (变更)
    name: 'notListedMoveIsNoChangeStory',
    // (in a case listed for being unreachable there, 「执照上的地址冇变过」 answers the change question)
    run: ({ s, facts, addressStory }) => {
      if (
        !addressStory &&
        facts.addressChangeRegistered === false &&
        facts.listed !== true &&
        facts.listingReason === undefined &&
        !CHANGE_NAMED.test(s) &&
        (MOVED.test(s) || /挪|执照|牌照/.test(s))
      ) {
        delete facts.addressChangeRegistered;
        facts.operatingAtRegisteredAddress ??= false;
      }
    },
  },
  {
    // "我们是有限公司…异常名录移出要怎么操作": asking to get one's own business off the list presupposes it
    name: 'removalAskPresupposesListing',
    run: ({ s, facts, set }) => {
      if (facts.listed !== undefined) return;
      const removal = REMOVAL_ASK.exec(s);
      if (
        removal &&
        /异常|名录/.test(s) &&
        !PURPOSE_BEFORE.test(s.slice(0, removal.index)) &&
        (FIRST_PERSON.test(withoutSpeaker(s.replace(HELP_ME, ''))) ||
          facts.entityType !== undefined ||
          listingReason(s) ||
          facts.allOverdueReportsFiled !== undefined ||
          facts.previousYearReportFiled !== undefined ||
          // 「住所变更登记办完了 还要做么子才能移出异常名录」: a step of one's own repair told
          facts.addressChangeRegistered !== undefined) &&
        !GENERIC_OR_HYPOTHETICAL.test(s)
      )
        set('listed', true, removal.index);
    },
  },
  {
    // a listing told with its cause: the cause is the listing reason
    name: 'listingReasonOfListing',
    run: ({ s, facts, set }) => {
      if (facts.listed !== true) return;
      const reason = listingReason(s);
      if (reason) set('listingReason', reason.value, reason.pos);
    },
  },
  {
    // "2022年没报年报被列了", "…被列了异常，2021年的事": the year of the listing story
    name: 'listedYearOfStory',
    run: ({ s, now, facts, set }) => {
      // 「是2021年列的 因为年报冇报」 answering "why?": a listing told with its cause is the user's own
      if (facts.listed !== true && (!listingReason(s) || GENERIC_OR_HYPOTHETICAL.test(s))) return;
      for (const re of [
        LISTED_YEAR,
        LISTED_YEAR_TERSE,
        LISTED_YEAR_AFTER_REASON,
        LISTED_YEAR_EVENT,
        LISTED_MONTH_AFTER_YEAR,
        LISTED_FORMAL_DATE,
        LISTED_NOTICE_DATE,
        LISTED_THAT_YEAR,
        LISTED_YEAR_OF_TIME_FRAME,
        LISTED_YEAR_BEFORE_CAUSE,
      ]) {
        re.lastIndex = 0;
        for (const m of matchesOf(re, s)) {
          const token = m[1] ?? m[2] ?? '';
          // 「六年前被列的」 on either side of the pilot's line: asked, not guessed
          if (yearsAgoStraddles(token, now, PILOT_SINCE_YEAR)) continue;
          set('listedYear', resolveYear(token, now), m.index ?? 0);
        }
      }
      const byReport = reportYearListed(s, now);
      if (byReport) set('listedYear', byReport.year, byReport.pos);
    },
  },
  {
    // "因为没报年报" told on its own: the cause of the listing already talked about
    name: 'bareCauseIsListingReason',
    run: ({ s, facts, cls, set }) => {
      if (facts.listed !== undefined || facts.listingReason !== undefined || facts.recordType) return;
      // 「决定书上写的原因是…弄虚作假 现在都改正了」: a clause that names the reason, in a longer message
      // (not a penalty's reason: 「处罚决定书上写的原因是…」)
      const c = BARE_CAUSE.test(s)
        ? { text: s, start: 0 }
        : penaltyTalk(s)
          ? undefined
          : cls.find((x) => CAUSE_CLAUSE.test(x.text));
      const reason = c && listingReason(c.text);
      if (c && reason) set('listingReason', reason.value, c.start + reason.pos);
    },
  },
  {
    // "已经补公示了", "还没去办变更" from someone listed for false, unpublished or unregistered information
    name: 'infoCorrectedAfterListing',
    run: ({ s, cls, facts, set, hedgedClause, listedPos }) => {
      // the listing told before, its reason told now (「决定书上写的原因是…弄虚作假 现在都改正了」)
      if (facts.listed !== true && facts.listingReason === undefined) return;
      const reason = listingReason(s);
      if (!reason?.value || !INFO_CORRECTION_REASONS.has(reason.value)) return;
      // 「说是…即时信息在责令的期限内冇公示」: the cause as the bureau gave it is why it was listed,
      // not how the information stands now
      const cause = (pos: number) => causeAsTold(clauseAt(cls, pos)?.text ?? '');
      const c =
        lastHit(s, INFO_CORRECTED, (pos) => !hedgedClause(pos) && !cause(pos)) ??
        lastHit(
          s,
          [
            [false, NOT_YET_AFTER_LISTING],
            [false, REGISTRATION_NOT_YET],
          ],
          // (before the listing only with a word of now: 「名称变更登记一直冇去办 上个月被列入了」)
          (pos) =>
            listedPos !== undefined &&
            (pos > listedPos || stillNow(clauseAt(cls, pos)?.text ?? '')) &&
            !cause(pos),
        );
      if (c) set('infoCorrected', c.value, c.pos);
    },
  },
  {
    // "年报一直没弄": every report is still missing, the previous year's too
    name: 'reportsStillMissing',
    run: ({ s, facts, set }) => {
      if (facts.listed !== true || facts.listingReason !== 'annual_report_overdue') return;
      const still = REPORTS_STILL_MISSING.exec(s);
      if (!still) return;
      if (facts.entityType === 'enterprise') set('allOverdueReportsFiled', false, still.index);
      else if (facts.entityType) set('previousYearReportFiled', false, still.index);
    },
  },
  {
    // listed after moving without registering it: the listing is for being unreachable there (a
    // change under way told alone, 「被列了异常 地址变更申请交上去哒 还冇批下来」, tells no move away
    // from where the bureau looked, so not why the business was listed: asked)
    name: 'movedUnregisteredIsUnreachable',
    run: ({ s, facts, set }) => {
      if (facts.listed !== true || listingReason(s)) return;
      if (
        facts.addressChangeRegistered !== true &&
        ((facts.addressChangeRegistered === false &&
          !APPLIED_NOT_APPROVED.test(s) &&
          !CHANGE_PENDING.test(s)) ||
          facts.reachableAtRegisteredAddress !== undefined ||
          facts.operatingAtRegisteredAddress === false)
      )
        set('listingReason', 'unreachable_at_address', 0);
    },
  },
  {
    // listed for unfiled reports: "全部补齐了" / "后面几年的也没报" tell every overdue year
    name: 'allReportsAfterListing',
    run: ({ s, cls, facts, set, hedgedClause }) => {
      if (facts.listed !== true || facts.listingReason !== 'annual_report_overdue') return;
      // (「现在都补齐了吗」「是不是要全部补齐了」 ask)
      const asked = (pos: number) => QUESTION_CLAUSE.test(clauseAt(cls, pos)?.text ?? '');
      const all = lastHit(s, ALL_FILED, (pos) => !hedgedClause(pos) && !asked(pos));
      if (all) set('allOverdueReportsFiled', all.value, all.pos);
    },
  },
  {
    // "年报已经补交了" told on its own (after being told what is missing): an enterprise must file every
    // overdue report, other businesses the previous year's paper one
    name: 'bareReportFiledByEntity',
    run: ({ facts, cls, set }) => {
      if (facts.previousYearReportFiled !== undefined || facts.allOverdueReportsFiled !== undefined) return;
      const c = cls.find((x) => BARE_REPORT_FILED.test(x.text));
      if (c)
        set(
          facts.entityType === 'enterprise' ? 'allOverdueReportsFiled' : 'previousYearReportFiled',
          true,
          c.start,
        );
    },
  },
  {
    // "公司改名了没去登记，还没办": not listed (yet), the name change is still to be registered
    name: 'nameChangeCorrected',
    run: ({ s, facts, set, hedgedClause }) => {
      // (「网店改了名 公示的还是老店名」「网店店铺名称改了」 is the online shop's name, a
      // published-information error: a shop word just before, another noun or two between)
      const m = NAME_CHANGE.exec(s);
      const shop = factLexicon().errorFields.website_or_shop;
      if (
        facts.listed === true ||
        !m ||
        shop.some((w) => s.slice(Math.max(0, m.index - 6), m.index).includes(w))
      )
        return;
      const c = lastHit(s, INFO_CORRECTED, (pos) => !hedgedClause(pos));
      if (c) set('infoCorrected', c.value, c.pos);
    },
  },
  {
    // 「执照在通城办的 但店子开在崇阳」: the shop in another county than the registration trades away
    // from the registered address; 「迁到通山去哒 现在执照是通山的」: the move carried the registration
    name: 'registrationAndShopCounties',
    run: ({ s, facts, set }) => {
      const { registered, shop, movedTo } = countyPlaces(s);
      if (registered === undefined) return;
      if (shop !== undefined && shop !== registered && facts.operatingAtRegisteredAddress === undefined)
        set('operatingAtRegisteredAddress', false, 0);
      else if (movedTo === registered && shop === undefined && facts.operatingAtRegisteredAddress === false)
        delete facts.operatingAtRegisteredAddress;
    },
  },
  {
    // a registered change moves the registered address too: "搬了，变更也办好了" is at the new one
    name: 'registeredMoveIsAtAddress',
    run: ({ s, facts }) => {
      if (
        facts.addressChangeRegistered === true &&
        facts.operatingAtRegisteredAddress === false &&
        !/(?:不在|没在)[^，,。;；]{0,8}?(?:那|经营|办公|营业)|不在(?:注册|登记|执照|原)/.test(s)
      )
        delete facts.operatingAtRegisteredAddress;
    },
  },
  {
    // after a listing, a later clause "原注册地址也联系不到我们" tells how it stands now, not why it was
    // listed; "其实我们还在原地址，现在可以联系到了" after a listing for being unreachable there is
    // reachable there (README: back at the address → reachable only)
    name: 'reachableThereAfterListing',
    run: ({ facts, cls, set, listedPos }) => {
      if (
        facts.listed !== true ||
        listedPos === undefined ||
        facts.reachableAtRegisteredAddress !== undefined
      )
        return;
      const unreachableListing = facts.listingReason === 'unreachable_at_address';
      for (const c of cls) {
        if (c.start <= listedPos || /被|列|因为|由于|原因|理由|说是/.test(c.text) || causeAsTold(c.text))
          continue;
        if (onlyCauseTold(c, cls)) continue;
        const m =
          NOT_REACHABLE_THERE.exec(c.text) ?? (unreachableListing ? NOBODY_FOUND_THERE.exec(c.text) : null);
        if (m) set('reachableAtRegisteredAddress', false, c.start + m.index);
      }
      if (!unreachableListing) return;
      const back = cls.find((c) => c.start > listedPos && STILL_THERE.test(c.text));
      if (back) {
        facts.reachableAtRegisteredAddress = true;
        if (facts.operatingAtRegisteredAddress === true) delete facts.operatingAtRegisteredAddress;
      }
    },
  },
  {
    // 「住所和经营场所都变更了 上礼拜刚拿到新执照」: the new licence is what the change registration
    // issues, so in an address story it tells the change registered (not in a name-change one, whose
    // new licence carries the new name)
    name: 'newLicenceAfterAddressChange',
    run: ({ s, cls, facts, set, addressStory, hedgedClause }) => {
      if (facts.addressChangeRegistered !== undefined || facts.listingReason === 'name_change_not_registered')
        return;
      if (!addressStory && !ADDRESS_WORDS.test(s)) return;
      const c = cls.find(
        (x) => NEW_LICENCE.test(x.text) && !hedgedClause(x.start) && !QUESTION_CLAUSE.test(x.text),
      );
      if (c) set('addressChangeRegistered', true, c.start);
    },
  },
  {
    // "搬了，电话也换了，联系不上": in a move told by someone not listed, a bare "联系不上" is about them;
    // "能联系上", "手机号没变" said after the move are about reaching the user elsewhere (the move
    // told in this message or an earlier one)
    name: 'bareReachAfterMove',
    run: ({ facts, cls, set, bufferStory }) => {
      if (
        facts.listed === true ||
        // (in a revocation story, 「人找得到的」 is being found: locatable.yes)
        (facts.locatable !== undefined && revocationStory(facts)) ||
        (facts.operatingAtRegisteredAddress !== false && !bufferStory) ||
        facts.reachableByOtherMeans !== undefined
      )
        return;
      const c = cls.find((x) => BARE_UNREACHABLE.test(x.text));
      if (c) set('reachableByOtherMeans', false, c.start);
      const r = cls.find((x) => BARE_REACHABLE.test(x.text));
      if (r) set('reachableByOtherMeans', true, r.start);
    },
  },
  {
    // "搬了…会不会被列入" from someone describing their own move: not listed yet
    name: 'movedAndAskingIsNotListed',
    run: ({ facts, signals, set }) => {
      if (
        facts.listed === undefined &&
        facts.operatingAtRegisteredAddress === false &&
        signals.includes('S:listing-asked')
      )
        set('listed', false, 0);
    },
  },
  {
    // 「现在那边冇得人」「原来那里早就不租了」 after an earlier message told a listing for being unreachable
    // there: nobody can be reached at the registered place (address.nobodyThereAfterListing and
    // address.givenUpAfterListing, told in one message)
    name: 'nobodyThereInAddressStory',
    run: ({ s, facts, set, addressStory }) => {
      if (!addressStory || facts.reachableAtRegisteredAddress !== undefined) return;
      const m = NOBODY_THERE.exec(s) ?? NOBODY_FOUND_THERE.exec(s) ?? GIVEN_UP.exec(s);
      if (m) set('reachableAtRegisteredAddress', false, m.index);
    },
  },
  {
    // 「现在回来哒 还是原来那个门面 天天开门」 after an earlier message told a listing for being
    // unreachable there: back at the registered place, reachable there again (as
    // reachableThereAfterListing reads it when the listing is told in the same message)
    name: 'backThereInAddressStory',
    run: ({ s, facts, set, addressStory }) => {
      if (!addressStory || facts.reachableAtRegisteredAddress !== undefined || MOVED.test(s)) return;
      const m = STILL_THERE.exec(s);
      if (m) set('reachableAtRegisteredAddress', true, m.index);
      if (m && facts.operatingAtRegisteredAddress === true) delete facts.operatingAtRegisteredAddress;
    },
  },
  {
    // 「材料交了但是还没批下来」 in an address story: the change is applied for, not registered yet (四(三)二
    // asks for it registered); an application to be removed from the list is another matter
    name: 'changeAppliedInAddressStory',
    run: ({ s, facts, set, addressStory }) => {
      const story = addressStory || facts.listingReason === 'unreachable_at_address';
      if (!story || facts.addressChangeRegistered !== undefined) return;
      if (hasAny(s, lexicon().grammar.repairWords)) return;
      const m = APPLIED_NOT_APPROVED.exec(s);
      if (m) set('addressChangeRegistered', false, m.index);
    },
  },
  {
    // "改了名字没去做变更登记" is about the name, not the address
    name: 'changeWithoutAddressIsNotAddress',
    run: ({ s, facts, addressStory }) => {
      if (facts.addressChangeRegistered !== undefined && !ADDRESS_WORDS.test(s) && !addressStory)
        delete facts.addressChangeRegistered;
    },
  },
  {
    // a listing told with its cause ("因为行政许可信息没公示被列进异常") is not a minor error to exempt
    name: 'errorKindUnlessListedForIt',
    run: ({ s, facts, set }) => {
      const kind = facts.listed === true && facts.listingReason ? undefined : errorKind(s);
      if (kind) set('errorKind', kind.value, kind.pos);
    },
  },
  {
    // "已经改好了", "提醒了还没来得及改" in a minor-error story; a missed deadline can only leave it
    // uncorrected ("过了整改期限还没改"), never corrected in time
    name: 'fixedNowInErrorStory',
    // (「还冇来得及改」 told on its own after the error was told: the case's story makes it the error's)
    run: ({ s, facts, set, hedgedClause, errorStory }) => {
      if (
        facts.listed === true ||
        !(facts.errorKind || errorStory || ERROR_STORY.test(s) || SHORT_FIX_ANSWER.test(s))
      )
        return;
      const fixed = lastHit(s, FIXED_NOW, (pos) => !hedgedClause(pos));
      if (fixed && !(fixed.value && facts.missedCorrectionDeadline))
        set('correctedAfterReminder', fixed.value, fixed.pos);
      else if (SHORT_FIX_ANSWER.test(s)) set('correctedAfterReminder', true, 0);
    },
  },
  {
    // 「公司就漏了一年年报…那一年的年报已经补报公示了」: the only year missed, filed, is every overdue
    // report filed (the one-year statement is not withheld: facts.json oneYearReport allYears)
    name: 'onlyMissedYearFiled',
    run: ({ s, cls, facts, set }) => {
      const w = factLexicon().onlyMissedYear;
      if (facts.allOverdueReportsFiled !== undefined || !w.missed.some((m) => s.includes(m))) return;
      thatReportRe ??= new RegExp(alt(w.thatReport), 'g');
      for (const h of doneSlot(s, cls, thatReportRe, FILED_AFTER, true))
        set('allOverdueReportsFiled', h.value, h.pos);
    },
  },
  {
    // 「提醒后当天就改好了」, 「第二天就改了」: corrected right after the reminder is corrected within
    // the period the bureau ordered (missedCorrectionDeadline false); a stated missed deadline stays.
    // The period is not what the words say, so the deadline met is implied, not stated: the case
    // takes it and is not asked again, the reading of the message reports the correction only.
    name: 'correctedRightAwayMeetsDeadline',
    run: ({ s, cls, facts, set, imply, hedgedClause }) => {
      // (「…第二天就改过来了 在他们给的期限里面」: the deadline met, told beside it, still lets it read)
      if (facts.correctedAfterReminder === false || facts.missedCorrectionDeadline === true) return;
      // 「处罚…当天就公示了」: a penalty's story has no reminder to correct after
      if (penaltyTalk(s)) return;
      const w = factLexicon().correctedRightAway;
      if (facts.correctedAfterReminder === undefined && !w.reminderWords.some((r) => s.includes(r))) return;
      // 「第二天就改好了吗」 asks
      const fixed = lastHit(s, FIXED_AT_ONCE, (pos) => !hedgedClause(pos) && !askedAt(cls, pos));
      if (!fixed) return;
      set('correctedAfterReminder', true, fixed.pos);
      if (facts.missedCorrectionDeadline === undefined) imply('missedCorrectionDeadline', false, fixed.pos);
    },
  },
  {
    // 「在规定的期限里面就改完了」: only a reminder or an order sets a period to correct in, so a
    // correction made within it is one made after the reminder (五(二)三 经提醒指导，及时改正)
    name: 'correctedInOrderedPeriod',
    run: ({ s, cls, facts, set, hedgedClause }) => {
      if (facts.missedCorrectionDeadline !== false || facts.correctedAfterReminder !== undefined) return;
      if (penaltyTalk(s)) return;
      const hit = lastHit(s, IN_PERIOD, (pos) => !hedgedClause(pos) && !askedAt(cls, pos));
      if (hit) set('correctedAfterReminder', true, hit.pos);
    },
  },
  {
    // 「书店不涉及么安全 头一回 冇造成么影响 也冇纠纷」: a first time said alone, among the exclusions
    // of a minor error (or with its kind), is the error's first time: not the same error again
    name: 'firstTimeAmongConditions',
    run: ({ cls, facts, set, hedgedClause }) => {
      const w = factLexicon().firstTimeAlone;
      if (facts.repeatedSameError !== undefined) return;
      const conditions =
        facts.errorKind !== undefined ||
        MINOR_ERROR_CONDITIONS.some((f) => (facts as Record<string, unknown>)[f] !== undefined);
      if (!conditions) return;
      firstAloneRe ??= new RegExp(`^${alt(w.leads)}?${alt(w.words)}(?:了|的|啊|呀)?$`);
      const i = cls.findIndex((x) => firstAloneRe?.test(x.text.trim()) && !hedgedClause(x.start));
      // (a spot check told beside it, 「第一次抽查 头一回」, makes it the first spot check instead; one
      // told by how the business behaved in it, 「抽查全程配合」, is the cooperation, and counts nothing)
      const aboutTheCheck = (x: string) =>
        w.spotCheck.some((c) => x.includes(c)) && !w.conduct.some((c) => x.includes(c));
      if (i >= 0 && ![cls[i - 1], cls[i + 1]].some((x) => aboutTheCheck(x?.text ?? '')))
        set('repeatedSameError', false, cls[i]?.start ?? 0);
    },
  },
  {
    // past the deadline and "没能改": not corrected after the reminder
    name: 'missedDeadlineNotCorrected',
    run: ({ s, facts, set }) => {
      if (
        facts.missedCorrectionDeadline === true &&
        facts.correctedAfterReminder === undefined &&
        /(?:没有?|未|还没有?)(?:能|来得及)?(?:改|更正|纠正|整改)(?![好完])/.test(s) &&
        !/才(?:改|更正|纠正|整改)|(?:已经?|现在)[^，,。;；没未]{0,4}?(?:改|更正|纠正|整改)/.test(s)
      )
        set('correctedAfterReminder', false, 0);
    },
  },
  {
    // being unreachable at the registered address, or having moved, is not "查无下落"
    // ("在登记地址能找到" after such a listing is told as reachableAtRegisteredAddress instead);
    // the bureau's 查无下落 said in so many words stands beside a move
    name: 'unreachableIsNotUnlocatable',
    run: ({ s, facts }) => {
      if (facts.locatable === false && factLexicon().unlocatableWords.words.some((w) => s.includes(w)))
        return;
      // 「年报两年冇报 税也冇报 但是人找得到的 就是换了个地方」: in a revocation story with no listing the
      // person found is the 查无下落 question's answer, wherever the business moved
      if (facts.locatable === true && revocationStory(facts)) return;
      if (
        facts.locatable !== undefined &&
        (facts.listingReason === 'unreachable_at_address' ||
          facts.operatingAtRegisteredAddress === false ||
          facts.reachableAtRegisteredAddress !== undefined)
      )
        delete facts.locatable;
    },
  },
  {
    // 「人一直在登记地址，就是两年冇报年报」: in a revocation story (reports or taxes not filed, no
    // listing, no move) being at the registered address is being found there, the 查无下落 question
    name: 'stillThereIsLocatable',
    run: ({ facts }) => {
      if (
        facts.operatingAtRegisteredAddress === true &&
        (facts.yearsWithoutAnnualReport !== undefined || facts.taxFiled !== undefined) &&
        facts.listed === undefined &&
        facts.locatable === undefined
      ) {
        facts.locatable = true;
        delete facts.operatingAtRegisteredAddress;
      }
    },
  },
  {
    // a branch is part of an enterprise only when it is called 分公司
    name: 'branchCompanyIsEnterprise',
    run: ({ s, facts }) => {
      if (facts.isBranch && /分公司/.test(s)) facts.entityType ??= 'enterprise';
    },
  },
  {
    // 「以前是合作社 2020年就改成有限责任公司了」: the type told after a change (or as now) is the
    // business's type, whatever type the story named first; 「想改成公司」 is a plan
    name: 'typeChangedIsNow',
    run: ({ s, facts }) => {
      const { changeLeads, plannedBefore } = factLexicon().typeChanged;
      for (const lead of changeLeads) {
        const at = s.lastIndexOf(lead);
        const before = s.slice(Math.max(0, at - 4), at);
        if (at < 0 || plannedBefore.some((w) => before.includes(w))) continue;
        const after = s.slice(at + lead.length, at + lead.length + 12);
        const named = ENTITY_RULES.find(
          (r) => r.fact === 'entityType' && new RegExp(r.re.source).test(after),
        );
        if (named && typeof named.value === 'string') facts.entityType = named.value as Facts['entityType'];
        return;
      }
    },
  },
  {
    // 「年报都补了 去年的还冇报」: after 30 June the previous year's report is overdue too (its deadline,
    // 《企业信息公示暂行条例》第八条), so a message that tells it unfiled cannot also tell every overdue
    // report filed: the "all" is taken back, never a 「可以申请」 on a missing year
    name: 'unfiledPreviousYearIsOverdue',
    run: ({ facts, now }) => {
      if (
        facts.previousYearReportFiled === false &&
        facts.allOverdueReportsFiled === true &&
        now.getMonth() >= 6
      )
        facts.allOverdueReportsFiled = false;
    },
  },
  {
    // "党建信息公示错了，我们会不会被列入": asking about a minor error is not being unlisted (d11), unlike
    // asking after a move (d05)
    name: 'errorQuestionIsNotUnlisted',
    run: ({ facts, askedSelf }) => {
      if (
        askedSelf &&
        facts.listed === false &&
        facts.errorKind &&
        facts.operatingAtRegisteredAddress !== false
      )
        delete facts.listed;
    },
  },
];
