// Every pattern rule, by group, with its trigger prefilter (built once).
import { ADDRESS_RULES } from './address.ts';
import { BUFFER_RULES } from './buffer.ts';
import { ENTITY_RULES } from './entity.ts';
import { LISTING_RULES } from './listing.ts';
import { MINOR_ERROR_RULES } from './minor-error.ts';
import { type RuleSet, ruleSet } from './pattern-rule.ts';
import { REPORT_RULES } from './reports.ts';
import { REVOCATION_RULES } from './revocation.ts';

/** Every pattern rule; of two hits of one fact at one place, the rule listed later wins. */
export const FACT_RULES = [
  ...ENTITY_RULES,
  ...LISTING_RULES,
  ...REPORT_RULES,
  ...ADDRESS_RULES,
  ...BUFFER_RULES,
  ...MINOR_ERROR_RULES,
  ...REVOCATION_RULES,
];

let set: RuleSet | undefined;
export const factRuleSet = (): RuleSet => (set ??= ruleSet(FACT_RULES));
