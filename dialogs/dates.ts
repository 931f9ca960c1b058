// Reads a submission date out of a question such as 「我打算12月29日提交，什么时候能办好」.
import { isoDay } from './flows/shared.ts';

const pad = (n: number) => String(n).padStart(2, '0');

function real(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : undefined;
}

/** A date in the text as YYYY-MM-DD, or undefined. A month and day without a year mean the next such day. */
export function extractDate(text: string, now: Date): string | undefined {
  const today = isoDay(now);
  const t = text.replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10));
  const relative: Record<string, number> = { 今天: 0, 今日: 0, 明天: 1, 明日: 1, 后天: 2 };
  for (const [word, days] of Object.entries(relative)) {
    if (t.includes(word)) return isoDay(new Date(now.getTime() + days * 86_400_000));
  }
  const weekday = /(下下|下|这|本)?(?:周|星期|礼拜)([一二三四五六日天])/.exec(t);
  if (weekday) {
    const target = '日一二三四五六'.indexOf(weekday[2] === '天' ? '日' : (weekday[2] as string));
    const base = new Date(`${today}T00:00:00Z`);
    // Monday-based weeks, as people in China count them
    const mondayOffset = (base.getUTCDay() + 6) % 7;
    const weeksAhead = weekday[1] === '下下' ? 2 : weekday[1] === '下' ? 1 : 0;
    const days = weeksAhead * 7 - mondayOffset + ((target + 6) % 7);
    if (days >= 0) return isoDay(new Date(base.getTime() + days * 86_400_000 - 8 * 3600_000));
  }
  const nextYear = /明年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?/.exec(t);
  if (nextYear) return real(Number(today.slice(0, 4)) + 1, Number(nextYear[1]), Number(nextYear[2]));
  const full = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?/.exec(t);
  if (full) return real(Number(full[1]), Number(full[2]), Number(full[3]));
  const short = /(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/.exec(t);
  if (short) {
    const year = Number(today.slice(0, 4));
    const thisYear = real(year, Number(short[1]), Number(short[2]));
    if (!thisYear) return undefined;
    return thisYear >= today ? thisYear : real(year + 1, Number(short[1]), Number(short[2]));
  }
  return undefined;
}
