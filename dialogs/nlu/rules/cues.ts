// Cues several fact rules and derivations read about the whole message: who speaks, and whether
// they have moved away from the registered address.

export const FIRST_PERSON = /我|本公司|本店|我司|我家/;
/** The user has moved away from the registered address (not a web shop's address). */
export const MOVED =
  /搬|迁|换到了?(?:另|别|新|其他)|不在(?:注册|登记|原|那)|在(?:注册|登记|原)[^，,。;；]{0,6}?(?:不|没有?)(?:再)?(?:经营|办公|营业)|换了(?:个|一个)?(?:经营|办公|营业|新的?)?(?:地方|地址|场所|门面|店面|地点|位置)/;

export const NAME_CHANGE = /改名|更名|名称变更|名字改|改了名|名称改|名字变|换了名/;

/** A listing told in the message (「被列异常了」「列入了经营异常名录」), whatever else it says. */
export const LISTED_STORY =
  /(?<![没未冇不会要怕被]|没有|还没|并没)(?:被列|列入|列了|列进|被标|标记为|标了异常|拉进)/;

/** 「也没被列」「还冇列进异常」: the message tells the business is not listed */
export const NOT_LISTED_STORY = /(?:没|没有|未|还没|并没|冇)(?:被|给)?(?:列|标记?|拉进)(?!之前|以前|的时候)/;
