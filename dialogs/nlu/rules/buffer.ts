// The punishment buffer's question: other violations besides the one at hand.
import { type PatternRule, rule } from './pattern-rule.ts';

export const BUFFER_RULES: PatternRule[] = [
  rule(
    'violations.none',
    'otherViolations',
    [
      /(?<!有)(?:没有|没|无|不存在)(?:任何|什么)?(?:其他|别的|其它)?的?(?:违法|违规)(?:违规)?(?:行为)?/,
      /(?:其他|别的|其它)的?(?:违法|违规)(?:违规)?(?:行为|记录|问题|情况)?(?:\s|的事|确实|肯定|绝对|真的|从来|根本|一直|完全)*(?:也|都)?(?:没有|没|无)(?![^，,。;；]{0,3}?[吗么吧?])/,
    ],
    false,
  ),
  rule(
    'violations.some',
    'otherViolations',
    [
      /(?<!没|没有|无)(?:还有|有过?|存在)(?:其他|别的|其它)的?(?:违法|违规)/,
      // 「会不会被罚款」 asks about a fine to come
      /(?<!会|怕|担心|会不会|要不要|可能|是否|不会)(?:被|挨)(?:罚过款?|处罚过|罚了款|罚款)/,
      /(?<!会|怕|担心|会不会)被(?:处)?罚(?:过|的记录|了)/,
      /有(?:过)?(?:行政)?处罚(?:记录)?/,
      // 「冇办许可证就卖卤菜」「没领执照就开张了」: trading without the licence the trade needs
      /(?:没有?|未)(?:去)?(?:办|领|取得|申请)(?:[^，,。;；\s]{0,6})?(?:许可证|执照)(?:就|便)(?:在)?(?:卖|经营|营业|开|做|生产|销售|干)/,
      /(?<!(?:没有?|无|不存在)(?:任何|什么)?(?:其他|别的|其它)?的?(?:违法)?)违规(?:被罚|记录)/,
    ],
    true,
  ),
];
