// The listing itself, told by the wording of a request: "能不能暂时不列入" is asked by someone not yet
// listed. (The listing verbs proper are read by the listing reader in facts.ts.)
import { FIRST_PERSON, MOVED } from './cues.ts';
import { type PatternRule, rule } from './pattern-rule.ts';

export const LISTING_RULES: PatternRule[] = [
  rule('listed.bufferAskedUnlisted', 'listed', /(?:暂(?:时|且)?|先)不(?:被)?列(?:入|异)/, false, {
    when: (s) => FIRST_PERSON.test(s) || MOVED.test(s),
  }),
];
