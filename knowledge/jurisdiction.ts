// The one place for jurisdiction-specific facts (bureau name, contacts, portals, extra holiday data).
// Another county points CREDIT_BOT_JURISDICTION at its own copy of jurisdiction.json.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

export const JurisdictionSchema = z.strictObject({
  bureau: z.string().min(1),
  region: z.string().min(1),
  /** null = not configured: answers then say 请咨询当地市场监管部门 instead of inventing one */
  address: z.string().min(1).nullable(),
  phone: z.string().min(1).nullable(),
  hours: z.string().min(1).nullable(),
  onlinePortals: z.array(z.strictObject({ name: z.string().min(1), module: z.string().min(1) })),
  /**
   * Holiday data for years the bundled calendar (chinese-days, 2004–2026) does not know, keyed by year:
   * `holidays` are days off that fall on weekdays, `workdays` are make-up working days on weekends.
   */
  calendar: z.record(
    z.string().regex(/^\d{4}$/, 'calendar keys are years, e.g. "2027"'),
    z.strictObject({ holidays: z.array(isoDate), workdays: z.array(isoDate) }),
  ),
});

export type Jurisdiction = z.infer<typeof JurisdictionSchema>;

export const DEFAULT_JURISDICTION_FILE = fileURLToPath(new URL('./jurisdiction.json', import.meta.url));

let cached: { file: string; value: Jurisdiction } | undefined;

/** Loads and validates the jurisdiction config; errors name the file and the field. */
export function loadJurisdiction(
  file = process.env.CREDIT_BOT_JURISDICTION || DEFAULT_JURISDICTION_FILE,
): Jurisdiction {
  if (cached?.file === file) return cached.value;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`jurisdiction config ${file}: cannot read it as JSON (${(err as Error).message})`);
  }
  const parsed = JurisdictionSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`jurisdiction config ${file}: ${problems.join('; ')}`);
  }
  cached = { file, value: parsed.data };
  return parsed.data;
}
