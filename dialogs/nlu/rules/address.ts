// The registered address (DOMAIN.md §4): whether the change is registered, whether the business is
// still there or reachable there, and whether it can be reached by other means.
import { alt, factLexicon } from '../fact-lexicon.ts';
import { LISTED_STORY, MOVED, NOT_LISTED_STORY } from './cues.ts';
import { type PatternRule, rule } from './pattern-rule.ts';

/**
 * 「现在那边冇得人」「那边没有我们的人」: nobody at the registered place any more. Told after a listing for being
 * unreachable there, nobody can be reached there; told by a business not listed, it says only that
 * it no longer operates there (the buffer's question is whether it is reachable by other means).
 */
export const NOBODY_THERE =
  /(?:那边|那里|那儿|原址|老地址|原住所|原地址|原经营场所|原注册地址?|原登记地址?|老地方|原来的地方|原来那里|以前的地方|原来那个门面|原来的门面|原来那个地方|原来那地方|原来那边|以前那地方|老门面)(?:现在|早就|已经|也|都)*(?:冇得?|没有?)(?:我们|咱们|俺们)?(?:公司|店里)?的?人|(?:冇得?|没有?)人在(?:那边|那里|那儿|原址|老地址)/;

/**
 * 「地址又冇变过」「我们地方从来没动过」: the business never left its place (the licence's address not
 * updated, 「执照上的地址没变」, says the opposite, and 改 may mean the registration).
 */
const NEVER_CHANGED =
  /(?<!执照|执照上|注册|登记|登记的|注册的|执照上的)(?:地址|住所|地方|位置)(?:又|都|也|从来|一直|根本|压根)*(?:没有?|冇|未)(?:变|动|换)过/;

/**
 * 「材料交了但是还没批下来」: an application handed in and not yet approved, the thing applied for left
 * unsaid (in an address story, the change registration; address.changePending when it is named).
 */
export const APPLIED_NOT_APPROVED =
  /(?:材料|资料|申请)[^。;；?？]{0,16}?(?:还在审|正在审|在审核|审核中|审批中|待审|还没有?(?:批|审|通过|核准|下来)|没有?批下来|没有?通过|未批|未通过|未核准)/;

/**
 * 「地址变更申请交上去哒 还冇批下来」: a change applied for and not approved yet; 「地址变更在网上提交了
 * 结果给驳回了」: or turned down
 */
export const CHANGE_PENDING =
  /(?:住所|地址|经营场所|场所|迁址)?(?:变更|迁址)[^。;；?？]{0,16}?(?:还在审|正在审|在审核|审核中|审批中|待审|还没有?(?:批|审|通过|核准|下来)|没有?批|没有?通过|未批|未通过|未核准|没有?下来|(?:被|给)(?:驳回|退回|打回)|驳回了|不予(?:核准|登记|通过))/;

/** 「不是我们的人」「房东在住」: whoever is at the place is someone else */
const SOMEONE_ELSE = /不是我们|房东|别人|别家|别个|其他人|人家|租给|卖给|换成|换了别/;
/** 「是别人在租」「租给了别个」: someone else occupies the place */
const OTHER_OCCUPANT = /(?:别人|别个|别家|其他人|房东)在(?:租|住|用|开|经营|做)|租给了?(?:别人|别个)|换了别/;
/** Someone else at the place, or 「但是白天一般没人在」 (a "but nobody is there") told with a "back there". */
export const nobodyAfterAll = (s: string): boolean => OTHER_OCCUPANT.test(s) || NOBODY_AFTER_ALL.test(s);
/** 「但是白天一般没人在」: a "but nobody is there" told after */
const NOBODY_AFTER_ALL =
  /(?:但是|不过|可是|就是)[^。；;]{0,8}?(?:没人|没有人|冇人|找不到人|不一定(?:找得到|联系得上))/;

/**
 * 「原来那个地方也早就不租了」「通城老门面早退哒」: the registered place given up (the lease given back).
 * After a listing for being unreachable there, nobody can be reached there (the address-change
 * route's "neither" case); told alone it says only that the business left.
 */
export const GIVEN_UP =
  /(?:原来|原先|原|以前|老|登记|注册)[^，,。;；]{0,8}?(?:早就|已经|早)?(?:退租了?|退了|退掉了?|不租了|没租了|租约到期了|房东收回了)/;

export const ADDRESS_RULES: PatternRule[] = [
  rule(
    'address.changeRegistered',
    'addressChangeRegistered',
    [
      /(?:住所|地址|场所|迁址|迁移)[^，,。;；]{0,4}?变更(?:登记)?[^，,。;；]{0,3}?(?:已经?|都)?(?:办|做|弄)(?:理)?(?:好|完|了|妥)/,
      /(?:已经?|都|也)(?:依法|按要求|按规定|及时|正式)?(?:办理|办|做)了?(?:住所|地址|经营场所|场所)?(?:的)?(?:变更|迁址)(?:登记)?/,
      /去(?:办理?|做)了(?:住所|地址|经营场所|场所)?的?(?:变更|迁址)(?:登记)?/,
      // 「2025-3-8办的住所变更登记」: the day it was done, before the registration it names
      /(?<=\d|[号日月周天年]|已经|早就|就)(?:办|做|弄)(?:好|完)?的(?:住所|地址|经营场所|场所)(?:的)?(?:变更|迁址)(?:登记)?(?!吗|么|没)/,
      /(?:迁址|变更)登记[^，,。;；]{0,3}?(?:已经?|都)?(?:办|做|弄)(?:理)?(?:好|完|了|妥)/,
      // 「住所变更登记今天刚办下来」
      /(?:迁址|变更)登记[^，,。;；没未不]{0,6}?(?:办下来|批下来|下来了|批了)/,
      /(?:住所|地址|场所)(?:已经?)(?:登记)?(?:变更|改)(?:登记)?(?:好|完)?了/,
      /(?:住所|地址|场所)(?:变更|改)(?:登记)?(?:好|完)了/,
      /(?:住所|地址|场所)(?:变更|改)登记了/,
      /(?:住所|地址|场所)(?:已经?|也|都)(?:登记)?(?:变更|迁|改)(?:登记)?(?:到|至|为)/,
      // 「新营业执照上已经是安置点的地址哒」: the new licence carries the new address, so the change is
      // registered (the licence is reissued once the change registration is approved)
      /新(?:的|办的|换的|发的)?(?:营业)?执照(?:上|上面)?(?:写的)?(?:已经?|都|就)?(?:是|写的是|换成了?|改成了?|变成了?)[^，,。;；\s]{0,10}?(?:地址|住所|地方)/,
      /(?:营业)?执照(?:上|上面)的?(?:地址|住所)(?:已经?|都|早就?)(?:是|改成|换成|变成|改为|变更为|变更成)了?(?:新|现在)/,
      // 「执照上的地址去年就变更了」「营业执照是前年变更的地址」: the licence's address changed, with when
      // (a negator or a plan between is a change not made)
      /执照(?:上|上面)?的?(?:地址|住所)(?:(?!没|未|冇|不|要|准备|打算|还|会|想|什么|啥|哪|几|是不是|有没有)[^，,。;；\s]){1,6}?(?:变更|改|换)(?:过来)?(?:了|过了?|好了)/,
      /执照(?:(?!没|未|冇|不|要|准备|打算|还|会|想|什么|啥|哪|几|是不是|有没有)[^，,。;；\s]){0,6}?(?:变更|改|换)的新?(?:地址|住所)/,
    ],
    true,
  ),
  // 「住所变更材料交上去哒 还在审冇批下来」: applied for but not approved is not registered yet (四(三)二
  // asks for the change 依法办理, i.e. registered)
  rule('address.changePending', 'addressChangeRegistered', CHANGE_PENDING, false),
  rule(
    'address.changeNotRegistered',
    'addressChangeRegistered',
    [
      /(?:没有?|未|还没有?|没来得及|没去)(?:去)?(?:办理?|做)?(?:住所|地址|场所|迁址)?(?:的)?(?:变更|迁址)(?:登记)?(?=[^，,。;；]{0,8}?(?:住所|地址|场所|$|，|,|。|\s|会|怎么))/,
      // (「执照上的地址从来没变过」: however long, it was never changed)
      /(?:地址|住所|执照)(?:还|从来|一直|都|也|根本)*(?:没有?|未)(?:改|变更|变)/,
      /(?:住所|地址|场所)变更(?:登记)?(?:还)?(?:没有?|未)(?:去)?(?:办|做)/,
      /(?:没有?|未|没来得及|没去)(?:去)?(?:工商|所里|市场监管局?|窗口|政务中心)?(?:改|变更|换)(?:注册|登记|执照上?)?的?(?:地址|住所)/,
      /(?:地址|住所|经营场所)(?:变了|换了|改了|搬了)(?:还)?(?:没有?|未|没去)(?:去)?(?:改|变更|登记|办)/,
      /(?:还没有?|没去|还未)(?:去)?[^，,。;；]{1,6}?(?:办理?|做)?(?:变更|迁移登记)/,
    ],
    false,
  ),
  // 「搬了新厂房 还冇登记」: in a move story, a registration not made is the change's
  rule(
    'address.moveNotRegistered',
    'addressChangeRegistered',
    /(?:还没有?|没有?|未|还未|没去)(?:去)?(?:办理?)?(?:变更)?登记(?=$|[，,。;；\s]|的?(?:手续|事))/,
    false,
    { when: (s) => MOVED.test(s) },
  ),
  rule(
    'address.reachableThere',
    'reachableAtRegisteredAddress',
    [
      // (「去登记的那个地址就找得到我」: a demonstrative between)
      /(?:注册|登记|原)的?(?:那个|这个)?(?:地址|住所|场所|门面|店面)[^，,。;；]{0,4}?(?:又|重新|已经|现在)?(?:(?:能|可以)(?:正常)?(?:联系|找到)(?:上|到)?|(?:联系|找)得(?:上|到))/,
      /(?<!没|没有|未)(?:搬|迁|住)回(?:了|到)?(?:原来|原先|以前)?的?(?:注册|登记|原)/,
      /(?:又|重新)(?:能|可以)(?:联系|找)(?:上|到|得到)/,
      // 「现在又能在登记的地址找到人了」: the place named between the 能 and the finding
      /(?<!不|没|冇)(?:能|可以)在(?:注册|登记|原|老|执照上)的?(?:那个)?(?:地址|住所|场所|门面|店面|地方)(?:上|里|那边|那里)?(?:联系|找)(?:上|到|得到)/,
      /回(?:去|来)了?[^，,。;；不]{0,3}?(?:能|可以)(?:联系|找)(?:上|到|得到)/,
      /回到了?(?:原来|原先|以前|原)?的?(?:注册|登记)?的?(?:地址|住所|场所|址)(?:办公|经营|营业|上班)/,
      /(?:(?:注册|登记|原)的?(?:地址|住所|场所)|原址|老地址)(?:那边|那里|那儿)?(?:现在|又|已经|恢复)*(?:有人了|有人办公|有人值守|有人值班|恢复营业|恢复办公)/,
      /(?:又|重新|已经)(?:在|回到)(?:原|注册|登记)的?(?:地址|住所|场所)(?:恢复)?(?:营业|经营|办公)/,
      // 「又搬回营业执照上登记的那个老地址了」「现在就在老地址正常营业」: back where the licence says
      // (within its clause: 「人搬回乡下住 所里按原来登记的地址找不到人」 is back in the village, not there)
      /(?<!没|没有|未|不)(?:搬|迁)回(?:了|到)?[^，,。;；\s]{0,10}?(?:注册|登记|原|老)的?[^，,。;；\s]{0,4}?(?:地址|住所|场所|门面|店面|地方)/,
      /(?:现在|目前|如今|又|已经)(?:就|都|也)?在(?:老|原|注册|登记)的?(?:地址|住所|场所|门面|店面)(?:正常|照常)?(?:营业|经营|办公)/,
      // 「现在人又回到原来的地方了」: back where the licence says
      /(?<!没|没有|未|不|冇)(?:又|已经|重新)(?:搬|迁|住)?回(?:到|来)?了?(?:原来|原先|以前|原|老|注册|登记)的?(?:那个)?(?:地方|地址|住所|场所|门面|店面)/,
      // 「现在早就回来正常开门了 就在执照上那个地址」: where the licence says, now
      /(?:现在|目前|如今|又|已经|就|还是)(?:就|都|也)?在(?:营业)?执照上(?:写的|登记的|面)?的?(?:那个|那家)?(?:地址|地方|门面|店面|住所)/,
      // 「又把原来那间办公室租回来哒」: the registered place taken back (a wish, 「想把…租回来」, has no 又/已经)
      /(?:又|重新|已经)把?(?:原来|原先|以前|老|注册|登记)的?[^，,。;；\s]{0,6}?(?:租|盘|买|要)回(?:来|去)了?(?!之前|以前)/,
      // 「上门也找得到我们了」: found at the place again
      /(?<!没|没有|未|不)上门(?:也|都|又)?(?:能|可以)?(?:找得到|找得着|找到了)(?:我们|人)?/,
      // 「你们来人或者寄信都找得到我们」: visits and mail (which go to the registered place) reach us
      /(?:来人|寄信|寄件|寄东西|信件)[^，,。;；不没冇]{0,6}?(?:都|也)(?:能|可以)?(?:找得到|找得着|收得到|能收到|收到)/,
      // 「登记的就是这个地址」「执照上写的还是我们现在这个门面」: where the business is now is the registered place
      /(?:注册|登记|执照上)(?:写)?的?(?:地址|住所)?(?:就是|也是|还是|正是)(?:我们)?(?:这个|这里|这儿|这边|现在(?:的|这个)?|店里?的?)(?:地址|地方|门面|店面|店)?/,
    ],
    true,
    // (「原址那边现在有人了 是别人在租」「搬回原来的地址了 但是白天一般没人在」: the one there is someone
    // else, or nobody is there after all: being reached there is not told)
    { when: (s) => !nobodyAfterAll(s) },
  ),
  // 「老地址现在有人」「原址有人在」: someone at the registered place now, the clause ending on it
  // (「老地址有人吗」 asks; 「老地址有人 是房东」 is someone else there)
  rule(
    'address.someoneThereNow',
    'reachableAtRegisteredAddress',
    /(?:(?:注册|登记|原)的?(?:地址|住所|场所)|原址|老地址)(?:那边|那里|那儿)?(?:现在|又|已经)*有人在?(?=$|[，,。;；\s])/,
    true,
    { when: (s) => !SOMEONE_ELSE.test(s) && !nobodyAfterAll(s) },
  ),
  // 「现在住所那边天天有人」: the 住所 is the registered one, someone there every day (not when the one
  // there is told to be someone else: 「住所那边天天有人 是房东在住」)
  rule(
    'address.someoneThereDaily',
    'reachableAtRegisteredAddress',
    /(?<!新的?)(?:住所|经营场所)(?:那边|那里|那儿)(?:现在|又|已经)?(?:天天|每天|一直|随时|平时)(?:都)?有人(?![吗么?？])/,
    true,
    { when: (s) => !SOMEONE_ELSE.test(s) },
  ),
  rule(
    'address.otherOccupant',
    'reachableAtRegisteredAddress',
    // 「老地址那里现在是别个在开店」: someone else occupies the registered place
    /(?:老地址|原址|原地址|原来的(?:地方|地址|门面|店面)|登记的(?:地址|地方)|老门面|老店)(?:那里|那边|那儿)?(?:现在|早就|已经)*(?:是|被|给)?(?:别个|别人|人家|别家|其他人|房东)(?:在)?(?:开|用|住|租|经营|做)/,
    false,
  ),
  rule(
    'address.notBackThere',
    'reachableAtRegisteredAddress',
    // 「店也冇搬回老街去」: still away from the registered address, so not reachable there
    // 「人也没回原来的地址」: without 搬 too, when the place follows
    /(?:还没有?|没有?|未|也没有?)(?:(?:搬|迁|住)回(?:[^，,。;；]{0,6}?(?:去|来)|原|注册|登记|老)|回到?(?:原来|原先|以前|原|注册|登记|老|执照上))/,
    false,
  ),
  rule(
    'address.goneThere',
    'reachableAtRegisteredAddress',
    // 「那栋房子去年就拆了」「原来那个地方现在是别人在用 我们回不去了」: the registered place is gone or
    // taken, so nobody can be reached there (the address-change route's "neither" case)
    [
      // (「门面都拆平哒」: 拆 with how far it went)
      // (「老厂那块地推平哒」: the plot the works stood on)
      /(?:房子|楼|厂房|老厂|厂子|那块地|场地|门面|店面|铺面|地方|地址|住所)[^，,。;；]{0,6}?(?:拆了|被拆|拆掉|拆迁了|推平|拆(?:平|光|完|没)了?)/,
      /(?:原来|以前|老|登记|注册)[^，,。;；]{0,12}?(?:(?:别人|别个)在(?:用|开|做|住|经营|营业)|租给(?:了)?(?:别人|别个)|卖给(?:了)?(?:别人|别个)|(?:别人|别个)租了|(?:别人|别个)住)/,
      // (克 is 去 in 咸宁 speech: 「回不克哒」)
      /回不(?:去|克)(?:了|哒|咯)?/,
      // 「老屋那里现在是一片平地」: nothing left standing there
      /(?:那里|那边|那儿|原址|地址|地方|门面|店面|厂房)(?:现在|早就|已经)*(?:是|成了|变成了?)(?:一片)?(?:平地|空地)/,
      // 「老地方也不可能回去了」: going back there ruled out
      // (「不可能再回克」: 克 is 去)
      /(?:不可能|没法|没办法|冇办法)(?:再)?(?:搬)?回(?:去|克)/,
      // 「那边现在是别的公司」「写字楼那边早就换了别的公司」: the place is someone else's now
      /(?:那边|那里|那儿|原址|原来的地方)(?:现在|早就|已经)*是别(?:的|人|家)/,
      /(?:那边|那里|那儿|原址|原来的地方)(?:现在|早就?|已经|都)*换(?:成|了|成了)(?:别的|别人|别家|别个|其他|其它)(?:的)?(?:公司|人|店|单位|厂|老板|人家)?/,
      // 「寄到那的信我们都收不到」「寄信上门都找不到我们」: mail and visits to the registered place miss us
      /(?:寄|信件)[^，,。;；]{0,10}?(?:收不到|没收到|冇收到|退回|找不到)/,
      // 「原来那个门面早退租了 人不在那边」: nobody left there (a lease given up alone says only that the
      // business no longer operates there)
      /(?:人|我们|店|厂|公司)(?:都|早就?|已经)?不在(?:那边|那里|那儿|那)(?:了|喽|咯)?(?=[，,。;；\s]|$)/,
    ],
    false,
    // 「房子冇拆」: the place is still there; nothing is read about being reachable there. Told by a
    // business not listed (「登记的地方拆迁了 … 也没被列」), it says only that the business left
    // (address.movedAway), as NOBODY_THERE does: the buffer asks about other means, not the old place
    { negatedDrops: true, when: (s) => !NOT_LISTED_STORY.test(s) },
  ),
  rule('address.nobodyThereAfterListing', 'reachableAtRegisteredAddress', NOBODY_THERE, false, {
    when: (s) => LISTED_STORY.test(s),
  }),
  rule('address.givenUpAfterListing', 'reachableAtRegisteredAddress', GIVEN_UP, false, {
    when: (s) => LISTED_STORY.test(s),
  }),
  rule(
    'address.movedAway',
    'operatingAtRegisteredAddress',
    [
      /搬了/,
      /搬走/,
      /搬家/,
      /搬离/,
      /迁离/,
      /搬(?:去|过去|进了?|出去|出了)/,
      /(?:搬|迁|挪|去了|到了|(?:现在|目前|如今)(?:人|店|厂|公司)?(?:在|到了))(?:隔壁|邻|对面|别的|其他|其它|外)[^，,。;；]{0,3}?(?:镇|县|乡|村|街道?|市|区|省|地方)/,
      /离开了?(?:注册|登记)/,
      /搬迁/,
      /搬到/,
      /搬厂/,
      /搬店/,
      /迁址(?!登记)/,
      /迁走/,
      /迁到/,
      /迁去/,
      /迁往/,
      /挪到/,
      /挪了/,
      /挪去/,
      /在另(?:外)?一个地方/,
      /换了(?:个|一个)?(?:经营|办公|营业|新的?)?(?:地方|地址|位置|地点)/,
      /换地方/,
      /换位置/,
      /换到了?(?:另|别|新|其他)/,
      /不在(?:注册|登记|原来?|执照上?)的?(?:地址|住所|场所|地方|址)?(?:经营|办公)?/,
      // 「没在执照上的地址做生意」「我们在新门面做 没在执照上的地址」: the verb may follow or be left out
      // (「冇在登记的那个地方办公」: a demonstrative between)
      // (「冇在执照登记的地址经营哒」: the licence and its registering both named)
      /(?:没有?)在(?:注册|登记|原来|执照上?(?:写|登记|注册)?)的?(?:那个|那)?(?:地址|住所|场所|地方|址)?(?:经营|办公|营业|开|做|卖|干)/,
      /(?:没有?)在(?:注册|登记|原来的?|执照上?(?:写|登记|注册)?的?)(?:那个|那)?(?:地址|住所|场所|地方|址)(?:了|哒)?(?=[，,。;；\s]|$)/,
      /在(?:注册|登记|原来?|执照上)的?(?:地址|住所|场所|地方)(?:已经?|都|早就|现在)*(?:不|没有?)(?:再)?(?:经营|办公|营业)(?![吗么?])/,
      // (「人在新门面做生意」: the new place is not the registered one)
      /在(?:别处|别的地方|其他地方|其它地方|新地方|新址|新地址|新门面|新店面|新铺面|新店|新厂|新厂房|外地)(?:经营|开店|开|办公|做|干|卖|营业)/,
      // 「现在在新门面做」「在另外一个铺面卖」: trading at another shop front
      /在(?:新|另外?一?个?|别的?|其他|其它)的?(?:门面|店面|铺面|门店|店子|地方)(?:里|上)?(?:经营|开店|开|办公|做|干|卖|营业)/,
      // (「执照上的住所和实际经营的地方不一样」: 的 and 地方 too)
      /(?:注册|登记|执照|执照上)的?(?:地址|住所)(?:和|与|跟)实际的?(?:经营|办公)?的?(?:地址|地方|地|场所)?不(?:一样|一致|同|符)/,
      /(?:地址|住所)[^，,。;；]{0,4}?不在那/,
      // 「原来的地址 房子没拆」: a negator right before the event denies it (no move read)
      // (「原来的办公室退哒」: given up; 「老地址那边现在冇人」 is address.nobodyAtOldPlace)
      /(?:注册|登记|原|原来|以前|老)(?:的|租的|那个|那间|那家)?(?:地址|住所|场所|门面|店面|门店|房子|办公室|厂房|铺面)[^，,。;；]{0,6}?(?:不经营|不用|不再使用|不租|没租|(?<![没未冇不])(?:已经?关|退租|退了|退掉|拆|收回|到期|转让|卖了))/,
      /实际(?:经营|办公)?(?:地址|地|场所)?(?:和|与|跟)(?:注册|登记)(?:的)?(?:地址|住所|地)?不(?:一样|一致|同)/,
      /(?<!网店|网站|网|店铺|链接)(?:经营场所|住所|地址|门店|店面|门面)(?:变|换)了/,
      /住所和经营场所分离/,
      /不在(?:那里|那边|那儿|那)(?:经营|办公|营业|做|干|了)/,
      /在(?:家里?|家中|县城|乡下|老家|外地)(?:做生意|经营|开店|办公)/,
      /实际(?:经营|办公)?的?(?:地址|地方|地|场所)(?:和|与|跟)(?:营业)?(?:执照|注册|登记)[^，,。;；]{0,6}?不(?:一样|一致|同|符)/,
      /换了(?:个)?(?:经营场所|门面|店面|门店|店铺|住所)/,
      /回不去(?:原来|原先|以前|原)?(?:的|那个)?(?:地方|地址|住所|场所)/,
      /(?:还没有?|没有?|未)(?:搬|迁|住)回(?:[^，,。;；]{0,6}?(?:去|来)|原|注册|登记|老)/,
    ],
    false,
    // 「店没搬走」「还冇搬」: the move denied is still being there
    { negatedFlips: true },
  ),
  // 「老地址那边现在冇人」: away from a listing, nobody at the old place says the business left it; after a
  // listing it is how it stands now, nobody there to reach (address.nobodyThereAfterListing), no move
  rule(
    'address.nobodyAtOldPlace',
    'operatingAtRegisteredAddress',
    /(?:注册|登记|原|原来|以前|老)(?:的|租的|那个|那间|那家)?(?:地址|住所|场所|门面|店面|门店|房子|办公室|厂房|铺面)[^，,。;；]{0,6}?没人/,
    false,
    { negatedFlips: true, when: (s) => !LISTED_STORY.test(s) },
  ),
  rule(
    'address.oldPlaceUnreachable',
    'operatingAtRegisteredAddress',
    /(?:老|原|旧)的?(?:地址|住所|门面|店面)[^，,。;；]{0,4}?(?:联系不到|联系不上|没人|找不到)/,
    false,
    // 「被列异常 原地址现在也找不到人」: after a listing nobody there is how it stands now
    // (reachableAtRegisteredAddress), no move told
    { negatedFlips: true, when: (s) => !LISTED_STORY.test(s) },
  ),
  // being back there after a listing is told as reachable there again (reachableAtRegisteredAddress)
  rule(
    'address.stillThere',
    'operatingAtRegisteredAddress',
    [
      /(?:一直|都|还|仍然?|照常|正常)(?:都|是)?在(?:注册|登记|执照上)的?(?:地址|住所|场所|地方)(?:正常|照常)?(?:经营|营业|办公)/,
      // 「我们还在原来的地址」「人一直在老地方」: never left (the licence's own address, 「执照还在原来的地址」, is not the business)
      /(?<!执照|注册|登记|地址|住所)(?:一直|都|还|仍然?)(?:都|是)?在(?:原来|原先|以前|老|注册|登记|执照上)的?(?:那个)?(?:地址|住所|场所|地方|门面|店面|址)(?![^，,。;；]{0,2}(?:附近|旁边|对面|隔壁|吗|么|不|没))/,
      // 「店子还冇搬」「我们没搬家」: the move denied (「没搬回」 is still away; 「没搬之前」 is a time)
      /(?:没有?|冇|未|还没有?|还冇)(?:搬|迁)(?:走|家|离|过)?(?![回到去过来]|之前|以前|的时候)/,
      // 「又搬回原来登记的地址了」: back at the registered place, trading there again
      /(?<!没|没有|未|不|冇)(?:搬|迁)回(?:了|到)?(?:原来|原先|以前|原|老|注册|登记|执照上)[^，,。;；\s]{0,6}?(?:地址|住所|场所|地方|门面|店面)/,
    ],
    true,
    // 「我们还在原来的地址」 said after a listing is being reachable there (reachableThere), not a place never left
    { when: (s) => !LISTED_STORY.test(s) },
  ),
  rule('address.neverChanged', 'operatingAtRegisteredAddress', NEVER_CHANGED, true, {
    when: (s) => !MOVED.test(s),
  }),
  // an address that never changed has no change registration (the listing for being unreachable
  // there is then repaired by being reachable there again, DOMAIN §3)
  rule('address.neverChangedNoRegistration', 'addressChangeRegistered', NEVER_CHANGED, false, {
    when: (s) => !MOVED.test(s),
  }),
  rule(
    'reach.otherMeans',
    'reachableByOtherMeans',
    [
      /(?:电话|手机|微信|邮箱)[^，,。;；]{0,6}?(?:能|可以|都能|一直能)(?:联系|打通|找到|联系上|联系到)/,
      /(?:电话|手机|微信|邮箱)[^，,。;；不没无]{0,6}?(?:联系得?[到上]|打得?[通进]|找得?[到着]|接得?[到通着])/,
      // (「打电话他都会接」: the owner picks up)
      /打电话[^，,。;；不没]{0,4}?(?:找得?[到着]|联系得?[到上]|(?:都|也|会|能)+接)/,
      /(?:能|可以)(?:通过|用)?(?:打)?(?:(?:电话|手机|微信|邮箱|邮件|短信|qq)(?:[、和或/及]|或者|以及|还有)?){1,4}(?:联系|找到)/,
      /(?:能|可以)(?:通过|用)(?:其他|别的|其它)(?:的)?(?:方式|办法|途径|渠道)(?:联系|找到)/,
      /(?:电话|手机)(?:一直)?(?:能|可以)?(?:打通|打得通|通|畅通|开机)/,
      // 「电话一直是通的」
      /(?:电话|手机)(?:一直|都|也|随时)*是(?:通|畅通|打得通)的/,
      /留了?(?:电话|手机号?|联系方式|微信)/,
      /(?:能|可以)(?:打|发|加)(?:我的?|我们的?)?(?:手机|电话|微信)/,
      // 「今天把新手机号报给所里了 他们打过来试了能打通」: a new number given, and it works
      /(?:打过来|打过去|打来|回拨)[^，,。;；不没冇]{0,4}?(?:能|可以)?(?:打通|打得通|接通|联系上)/,
      /新(?:的)?(?:手机号?|电话(?:号码?)?|联系方式)[^，,。;；]{0,4}?(?:报给|留给|告诉|给)(?:了)?[^，,。;；]{0,8}?(?:所|局|市场监管|工商)/,
    ],
    true,
  ),
  // 「别个也冇得其他办法联系到我们」: no other way to reach the business
  rule(
    'reach.noOtherMeans',
    'reachableByOtherMeans',
    /(?:没有?|没得|冇得?)(?:什么|啥|任何)?(?:其他|别的|其它)的?(?:办法|方式|途径|渠道|联系方式)(?:能|可以)?(?:联系|找)(?:到|上|得到)?/,
    false,
  ),
  rule(
    'reach.otherMeansAfterMove',
    'reachableByOtherMeans',
    [
      // (「没有别的办法能联系到我们」 denies it: reach.noOtherMeans)
      /(?<!(?:注册|登记|原|那|那里|那边|那儿)[^，,。;；]{0,6})(?<!(?:没有?|没得|冇得?)[^，,。;；]{0,8})(?:能|可以|随时(?:能|可以)?)(?:联系|找)(?:到|上|得到)(?:我|我们|本人|老板|负责人)/,
      /(?:电话|手机|微信|邮箱)(?:[、和/]?(?:电话|手机|微信|邮箱))*(?:都|也|一直)?(?:正常|畅通)(?![吗么?])/,
    ],
    true,
    { when: (s) => (MOVED.test(s) || /没在(?:注册|登记)/.test(s)) && !/(?:搬|迁)回|回到/.test(s) },
  ),
  rule(
    'reach.otherMeansNot',
    'reachableByOtherMeans',
    // (「年报上的联系电话打不通」: the number published in the report is a published-information error
    // (error-kind.ts), not the way the business is reached)
    [
      new RegExp(
        `(?<!${alt(factLexicon().errorCues.publishedPlaces)}[^，,。;；\\s]{0,6})(?:电话|手机号?|微信|邮箱|(?:其他|别的|其它)的?(?:方式|办法|途径|渠道))[^，,。;；]{0,4}?(?:也|都)?(?:打不通|联系不上|联系不到|找不到|停机|是空号|没人接|不接|停用|关机|注销|销号)`,
      ),
      // 「所里打的那个号是空号」「打过去停机了」: the number the bureau calls is dead
      new RegExp(
        `(?<!${alt(factLexicon().errorCues.publishedPlaces)}[^，,。;；\\s]{0,6})(?:打|拨)(?:的|过去|过来|了)?[^，,。;；\\s]{0,5}?(?:是空号|空号|停机|关机)`,
      ),
    ],
    false,
  ),
];
