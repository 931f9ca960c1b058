import { describe, expect, it } from 'vitest';
import {
  docTypeDef,
  FIELD_NAMES,
  FIELDS,
  fieldDef,
  fieldDefaultValue,
  fieldLabel,
  fieldQuestion,
  fieldsToAsk,
  isOptionalField,
  matchChoice,
  missingFields,
  prefillFromFacts,
  resolveDocType,
} from '../../knowledge/drafts/fields.ts';
import { validateDraftData } from '../../knowledge/drafts/validate.ts';
import { DOCUMENT_IDS } from '../../rules/types.ts';

const TODAY = '2024-05-10';
const opts = { today: TODAY };

function problemsOf(docType: (typeof DOCUMENT_IDS)[number], data: unknown) {
  const r = validateDraftData(docType, data, opts);
  return r.ok ? [] : r.problems;
}

describe('field definitions (fields.json)', () => {
  it('define every field with a Chinese label, a question and a validation kind', () => {
    expect(Object.keys(FIELDS.fields).sort()).toEqual([...FIELD_NAMES].sort());
    for (const name of FIELD_NAMES) {
      const def = fieldDef(name);
      expect(def.label).toMatch(/[\u4e00-\u9fff]/);
      expect(def.question).toMatch(/[？?]/);
      expect(def.kind).toBeTruthy();
    }
  });

  it('give each document its fields, required ones among them', () => {
    for (const id of DOCUMENT_IDS) {
      const def = docTypeDef(id);
      expect(def.required.every((f) => def.fields.includes(f))).toBe(true);
      for (const extra of Object.values(def.requiredByPath)) {
        expect(extra?.every((f) => def.fields.includes(f))).toBe(true);
      }
    }
  });

  it('resolve document ids and the NLU hints application / commitment', () => {
    expect(resolveDocType('application')).toBe('repair-application');
    expect(resolveDocType('commitment')).toBe('credit-commitment');
    expect(resolveDocType('situation-explanation')).toBe('situation-explanation');
    expect(resolveDocType('letter')).toBeUndefined();
  });
});

describe('prefillFromFacts', () => {
  it('maps entity type, listing reason, error kind and the listing year', () => {
    expect(
      prefillFromFacts(
        { entityType: 'individual', listingReason: 'annual_report_overdue', listedYear: 2021, listed: true },
        'tolerant-repair-annual-report',
      ),
    ).toEqual({
      entityType: 'individual',
      listingReason: 'annual_report_overdue',
      listedDate: '2021',
      path: 'tolerant-repair-annual-report',
    });
    expect(prefillFromFacts({ errorKind: 'contact_info', entityType: 'enterprise' })).toEqual({
      errorKind: 'contact_info',
      entityType: 'enterprise',
    });
  });

  it('takes the listing reason a 容缺 route implies, and ignores routes with no draft', () => {
    expect(prefillFromFacts({}, 'tolerant-repair-address-change')).toEqual({
      path: 'tolerant-repair-address-change',
      listingReason: 'unreachable_at_address',
    });
    expect(prefillFromFacts({}, 'undetermined')).toEqual({});
  });

  it('produces data that validates', () => {
    const pre = prefillFromFacts(
      { entityType: 'individual', listedYear: 2021 },
      'tolerant-repair-annual-report',
    );
    expect(validateDraftData('repair-application', pre, opts).ok).toBe(true);
  });
});

describe('missingFields', () => {
  it('lists required fields still empty, in asking order, including the route-specific ones', () => {
    expect(
      missingFields('repair-application', { path: 'tolerant-repair-annual-report', name: '某某店' }),
    ).toEqual([
      'creditCode',
      'entityType',
      'representative',
      'phone',
      'address',
      'listedDate',
      'reportYear',
      'reportFiledDate',
    ]);
    expect(missingFields('repair-application', { path: 'tolerant-repair-address-change' })).toContain(
      'changeRegisteredDate',
    );
    expect(missingFields('repair-application', { path: 'standard-repair' })).toContain('correctedDate');
  });

  it('asks for the route first when the document serves several routes', () => {
    expect(missingFields('credit-commitment', {})[0]).toBe('path');
  });

  it('never asks for the application date, which defaults to today', () => {
    for (const id of DOCUMENT_IDS) expect(missingFields(id, {})).not.toContain('applicationDate');
  });

  it('counts blank strings as missing and is empty for complete data', () => {
    const data = {
      name: '某某科技有限公司',
      creditCode: '91110000600037341L',
      representative: '李四',
      phone: '13912345678',
      address: '湖北省咸宁市通城县隽水镇玉立大道66号',
      errorKind: 'contact_info',
      errorDescription: '年报联系电话写错一位',
      reminderDate: '2024-04-28',
      correctionDescription: '已更正联系电话',
      correctedDate: '2024-05-01',
    };
    expect(missingFields('minor-error-application', data)).toEqual([]);
    expect(missingFields('minor-error-application', { ...data, name: '  ' })).toEqual(['name']);
  });
});

describe('validateDraftData', () => {
  it('accepts and normalises good data', () => {
    const r = validateDraftData(
      'repair-application',
      {
        name: '  通城县某某副食店 ',
        creditCode: '92421222ma4c1dt5x9',
        entityType: '个体工商户',
        phone: '0715-4321234',
        listedDate: '2021年',
        reportYear: '2022',
        reportFiledDate: '2023年3月15日',
        path: 'tolerant-repair-annual-report',
      },
      opts,
    );
    expect(r).toEqual({
      ok: true,
      data: {
        name: '通城县某某副食店',
        creditCode: '92421222MA4C1DT5X9',
        entityType: 'individual',
        phone: '0715-4321234',
        listedDate: '2021',
        reportYear: 2022,
        reportFiledDate: '2023-03-15',
        path: 'tolerant-repair-annual-report',
      },
    });
  });

  it('rejects an invalid credit code saying what is wrong', () => {
    const [p] = problemsOf('credit-commitment', { creditCode: '91110000600037341X' });
    expect(p?.field).toBe('creditCode');
    expect(p?.message).toContain('统一社会信用代码');
    // Wrong, and to be checked against the licence; never the character that would make it pass.
    expect(p?.message).toContain('没有通过校验');
    expect(p?.message).toContain('营业执照');
    expect(p?.message).not.toMatch(/「L」|应为「/);
    expect(problemsOf('credit-commitment', { creditCode: '9111000060003734O1' })[0]?.message).toContain(
      '第17位字符「O」不允许',
    );
    expect(problemsOf('credit-commitment', { creditCode: '12345' })[0]?.message).toContain('实际5位');
  });

  it.each([
    ['13912345678', '13912345678'],
    ['139-1234-5678', '13912345678'],
    ['+86 139 1234 5678', '13912345678'],
    ['0715-4321234', '0715-4321234'],
    ['027-87654321', '027-87654321'],
    ['（0715）4321234', '0715-4321234'],
    ['0715-4321234-801', '0715-4321234-801'],
    ['０７１５－４３２１２３４', '0715-4321234'],
  ])('accepts the phone number %s', (phone, normalised) => {
    expect(validateDraftData('situation-explanation', { phone }, opts)).toEqual({
      ok: true,
      data: { phone: normalised },
    });
  });

  it.each(['12345678901', '1391234567', '4321234', '0715-12345', 'abc', '139123456789'])(
    'rejects the phone number %s naming the field',
    (phone) => {
      const [p] = problemsOf('situation-explanation', { phone });
      expect(p?.field).toBe('phone');
      expect(p?.message).toContain('「联系电话」');
    },
  );

  it('checks dates: format, real calendar days, not in the future where they must be past', () => {
    expect(problemsOf('repair-application', { reportFiledDate: '15/03/2023' })[0]?.message).toContain(
      '2023年5月1日',
    );
    expect(problemsOf('repair-application', { reportFiledDate: '2023-02-30' })[0]?.message).toContain(
      '不是有效日期',
    );
    expect(problemsOf('repair-application', { reportFiledDate: '2024-05-11' })[0]).toEqual({
      field: 'reportFiledDate',
      message: `「年度报告补报并公示日期」不能晚于今天（${TODAY}），请核对`,
    });
    expect(problemsOf('repair-application', { listedDate: '2025' })[0]?.field).toBe('listedDate');
    expect(problemsOf('repair-application', { listedDate: '2024年5月' })).toEqual([]);
    // the signing date may be a day the user plans to sign on
    expect(problemsOf('repair-application', { applicationDate: '2024-06-01' })).toEqual([]);
    expect(problemsOf('repair-application', { reportYear: 2031 })[0]?.field).toBe('reportYear');
  });

  it('requires a non-empty name only where one is given as text', () => {
    expect(problemsOf('repair-application', { name: 42 })[0]).toMatchObject({ field: 'name' });
    expect(validateDraftData('repair-application', { name: '   ' }, opts)).toEqual({ ok: true, data: {} });
  });

  it('rejects unknown field names, saying which', () => {
    const problems = problemsOf('repair-application', { nmae: '某某店', name: '某某店' });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.field).toBe('nmae');
    expect(problems[0]?.message).toContain('未知字段「nmae」');
  });

  it('rejects data that is not an object', () => {
    for (const bad of [null, [], 'name', 3]) {
      expect(problemsOf('repair-application', bad)[0]?.field).toBe('(data)');
    }
  });

  it('rejects enum values outside the list, listing the choices', () => {
    const [p] = problemsOf('repair-application', { entityType: 'company' });
    expect(p?.message).toContain('enterprise（企业（含分支机构））');
  });

  it('rejects a route or entity type the document does not serve', () => {
    expect(problemsOf('repair-application', { path: 'punishment-buffer' })[0]?.field).toBe('path');
    expect(problemsOf('minor-error-application', { entityType: 'individual' })[0]?.message).toContain(
      '只适用于企业',
    );
    expect(problemsOf('minor-error-application', { errorKind: 'other' })[0]?.message).toContain(
      '六类轻微差错之内',
    );
    expect(
      problemsOf('repair-application', { path: 'tolerant-repair-annual-report', entityType: 'enterprise' })[0]
        ?.field,
    ).toBe('entityType');
    expect(
      problemsOf('repair-application', {
        path: 'tolerant-repair-address-change',
        listingReason: 'annual_report_overdue',
      })[0]?.field,
    ).toBe('listingReason');
  });

  it('rejects a 容缺 case-1 draft for a listing before 2020 (四(三)一: 2020年至今)', () => {
    const [p] = problemsOf('repair-application', {
      path: 'tolerant-repair-annual-report',
      listedDate: '2019-06-01',
    });
    expect(p?.field).toBe('listedDate');
    expect(p?.message).toContain('一般信用修复');
    expect(problemsOf('repair-application', { path: 'standard-repair', listedDate: '2019-06-01' })).toEqual(
      [],
    );
  });

  it('strips control and private-use characters and line breaks from text', () => {
    const r = validateDraftData(
      'situation-explanation',
      { reasonNotAtAddress: '租约\n到期\u0000\uE000搬迁\u202e' },
      opts,
    );
    // the line break becomes a pause, written as a comma in the letter
    expect(r).toEqual({ ok: true, data: { reasonNotAtAddress: '租约，到期搬迁' } });
  });
});

describe('questions and defaults for the chat', () => {
  it('names the document in the route question', () => {
    expect(fieldQuestion('path', 'credit-commitment')).toBe('起草《守信承诺书》：按哪种途径办理？');
    expect(fieldQuestion('path', 'repair-application')).toContain('《信用修复申请书》');
    for (const id of DOCUMENT_IDS)
      for (const f of docTypeDef(id).fields) expect(fieldQuestion(f, id)).not.toMatch(/\{\w+\}/);
  });

  it('asks for the former address on the address-change route, the operating place on the buffer route', () => {
    expect(fieldQuestion('address', 'repair-application', 'tolerant-repair-address-change')).toContain(
      '原来登记的住所',
    );
    expect(fieldLabel('address', 'tolerant-repair-address-change')).toBe('原住所（经营场所）');
    expect(fieldQuestion('address', 'repair-application', 'standard-repair')).toBe(
      fieldDef('address').question,
    );
    expect(fieldQuestion('newAddress', 'situation-explanation')).toContain('实际');
    expect(fieldLabel('newAddress')).toBe(fieldDef('newAddress').label);
  });

  it('gives the signing date its default, today, and no default elsewhere', () => {
    expect(fieldDefaultValue('applicationDate', TODAY)).toBe(TODAY);
    expect(fieldDefaultValue('listedDate', TODAY)).toBeUndefined();
  });

  it('gives no concrete past date as an example for the correction plan', () => {
    expect(fieldDef('plannedCorrection').question).not.toMatch(/\d{4}年/);
  });

  it('the explanation needs the actual operating address', () => {
    expect(missingFields('situation-explanation', {})).toContain('newAddress');
  });
});

describe('validateDraftData: what people actually type', () => {
  it.each([
    ['今天', '2024-05-10'],
    ['昨天', '2024-05-09'],
    ['前天', '2024-05-08'],
    ['2023年5月1号', '2023-05-01'],
    ['5月1日', '2024-05-01'],
    ['5月1号', '2024-05-01'],
  ])('accepts the date %s', (text, iso) => {
    expect(validateDraftData('repair-application', { reportFiledDate: text }, opts)).toEqual({
      ok: true,
      data: { reportFiledDate: iso },
    });
  });

  it('a month-day later than today is last year’s; a full future date is still refused', () => {
    const r = validateDraftData('repair-application', { reportFiledDate: '12月1日' }, opts);
    const year = Number(opts.today.slice(0, 4));
    expect(r).toEqual({ ok: true, data: { reportFiledDate: `${year - 1}-12-01` } });
    expect(problemsOf('repair-application', { reportFiledDate: `${year}-12-01` })[0]?.message).toContain(
      '不能晚于今天',
    );
  });

  it('says how to write a date that does not exist', () => {
    const [p] = problemsOf('repair-application', { reportFiledDate: '2023-02-30' });
    expect(p?.message).toContain('不是有效日期');
    expect(p?.message).toContain('请按 2023-05-01 或 2023年5月1日 的格式');
  });

  it.each([
    '9144 0300 0859 4815 8H',
    '91440300-085948158H',
    '914403 0008-5948 158h',
    '９１４４０３０００８５９４８１５８Ｈ',
  ])('strips spaces and hyphens from the credit code %s', (creditCode) => {
    expect(validateDraftData('credit-commitment', { creditCode }, opts)).toEqual({
      ok: true,
      data: { creditCode: '91440300085948158H' },
    });
  });

  it.each([
    ['entityType', '个体户', 'individual'],
    ['entityType', '公司', 'enterprise'],
    ['entityType', '有限责任公司', 'enterprise'],
    ['entityType', '合作社', 'cooperative'],
    ['entityType', '我们是个体户', 'individual'],
    ['entityType', 'Enterprise', 'enterprise'],
    ['listingReason', '年报没报', 'annual_report_overdue'],
    ['listingReason', '联系不上', 'unreachable_at_address'],
    ['listingReason', '改名没登记', 'name_change_not_registered'],
    ['errorKind', '邮箱', 'contact_info'],
    ['errorKind', '小数点点错', 'decimal_or_unit'],
  ] as const)('accepts %s given as 「%s」', (field, text, value) => {
    const doc = field === 'errorKind' ? 'minor-error-application' : 'repair-application';
    expect(validateDraftData(doc, { [field]: text }, opts)).toEqual({ ok: true, data: { [field]: value } });
    expect(matchChoice(field, text)).toBe(value);
  });

  it('rejects an answer that names two choices or none', () => {
    expect(matchChoice('entityType', '个体户还是公司')).toBeUndefined();
    expect(matchChoice('listingReason', '不知道')).toBeUndefined();
    expect(problemsOf('repair-application', { entityType: '个体户还是公司' })[0]?.field).toBe('entityType');
  });

  it('no alias names two choices of a field', () => {
    for (const name of ['entityType', 'listingReason', 'errorKind', 'path'] as const) {
      for (const c of fieldDef(name).choices ?? []) {
        for (const a of [c.label, ...(c.aliases ?? [])]) expect(matchChoice(name, a), a).toBe(c.value);
      }
    }
  });

  it('flags a change registration dated before the listing, naming both fields', () => {
    const [p, ...rest] = problemsOf('repair-application', {
      path: 'tolerant-repair-address-change',
      listedDate: '2023-06-01',
      changeRegisteredDate: '2023-05-01',
    });
    expect(rest).toEqual([]);
    expect(p?.field).toBe('changeRegisteredDate');
    expect(p?.message).toContain('「住所（经营场所）变更登记日期」');
    expect(p?.message).toContain('「列入日期」');
    expect(p?.message).toContain('请核对');
    // a listing date of only a year or month is compared as far as it goes
    for (const listedDate of ['2023', '2023-05', '2023-05-01']) {
      expect(
        problemsOf('repair-application', {
          path: 'tolerant-repair-address-change',
          listedDate,
          changeRegisteredDate: '2023-05-01',
        }),
      ).toEqual([]);
    }
    expect(
      problemsOf('repair-application', { listedDate: '2023', changeRegisteredDate: '2022-12-31' })[0]?.field,
    ).toBe('changeRegisteredDate');
  });
});

describe('QA round 2 (E1): questions by entity type', () => {
  it('names the representative’s role by entity type; the old call still works', () => {
    expect(fieldQuestion('representative', 'repair-application', undefined, 'enterprise')).toMatch(
      /^法定代表人（分支机构填负责人）/,
    );
    expect(fieldQuestion('representative', 'repair-application', undefined, 'individual')).toMatch(/^经营者/);
    expect(fieldQuestion('representative', 'repair-application', undefined, 'cooperative')).toMatch(
      /法定代表人的姓名/,
    );
    expect(fieldQuestion('representative', 'repair-application')).toBe(fieldDef('representative').question);
    // the minor-error letter is for enterprises only
    expect(fieldQuestion('representative', 'minor-error-application')).not.toContain('经营者');
    expect(fieldLabel('representative', 'standard-repair', 'individual')).toBe('经营者');
  });

  it('gives the 副食店 example to individual businesses only', () => {
    const name = (t?: 'enterprise' | 'individual' | 'cooperative') =>
      fieldQuestion('name', 'repair-application', 'standard-repair', t);
    expect(name('individual')).toContain('通城县某某副食店');
    expect(name('enterprise')).toContain('通城县某某商贸有限公司');
    expect(name('cooperative')).toContain('通城县某某种植专业合作社');
    expect(name()).not.toContain('副食店');
    expect(fieldQuestion('name', 'minor-error-application')).toContain('有限公司');
  });

  it('says 经营异常名录（状态） only to an individual business', () => {
    expect(fieldQuestion('listedDate', 'repair-application', undefined, 'enterprise')).not.toContain('状态');
    expect(fieldQuestion('listedDate', 'repair-application', undefined, 'cooperative')).not.toContain('状态');
    expect(fieldQuestion('listedDate', 'repair-application', undefined, 'individual')).toContain(
      '标记为经营异常状态',
    );
    expect(fieldLabel('listingReason')).not.toContain('状态');
  });
});

describe('QA round 2 (D7): optional fields that are asked, and spoken dates', () => {
  const base = { path: 'standard-repair', name: '某某店' };

  it('asks the listing authority and the decision number, which may be skipped', () => {
    const ask = fieldsToAsk('repair-application', base);
    expect(ask).toContain('listingAuthority');
    expect(ask).toContain('decisionNumber');
    // in the document's order: after the listing date, before the route's own fields
    expect(ask.indexOf('listedDate')).toBeLessThan(ask.indexOf('listingAuthority'));
    expect(ask.indexOf('decisionNumber')).toBeLessThan(ask.indexOf('correctedDate'));
    expect(missingFields('repair-application', base)).not.toContain('listingAuthority');
    expect(isOptionalField('repair-application', 'decisionNumber')).toBe(true);
    expect(isOptionalField('repair-application', 'listedDate', 'standard-repair')).toBe(false);
    expect(fieldQuestion('listingAuthority', 'repair-application')).toContain('可以跳过');
    expect(fieldQuestion('decisionNumber', 'repair-application')).toContain('可以跳过');
    const answered = fieldsToAsk('repair-application', {
      ...base,
      listingAuthority: '通城县市场监督管理局',
      decisionNumber: '通市监异〔2023〕1号',
    });
    expect(answered).not.toContain('listingAuthority');
    expect(answered).not.toContain('decisionNumber');
    expect(fieldsToAsk('credit-commitment', { path: 'standard-repair' })).not.toContain('decisionNumber');
  });

  it.each([
    ['今年4月', '2024-04'],
    ['今年3月份', '2024-03'],
    ['上个月', '2024-04'],
    ['去年12月', '2023-12'],
    ['2024年4月', '2024-04'],
    ['3月份', '2024-03'],
    ['今年', '2024'],
    ['去年3月5日', '2023-03-05'],
  ])('a listing date given as %s keeps what was said: %s', (said, iso) => {
    const r = validateDraftData('repair-application', { listedDate: said }, opts);
    expect(r.ok && r.data.listedDate).toBe(iso);
  });

  it('a month that has not come yet, or a month where a day is needed, is a clear problem', () => {
    expect(problemsOf('repair-application', { listedDate: '今年6月' })[0]?.message).toContain('不能晚于今天');
    expect(problemsOf('repair-application', { reportFiledDate: '上个月' })[0]?.message).toMatch(
      /格式不对.*2023年5月1日/,
    );
    const r = validateDraftData('repair-application', { reportFiledDate: '今年3月5日' }, opts);
    expect(r.ok && r.data.reportFiledDate).toBe('2024-03-05');
  });

  it('上个月 in January is December of last year', () => {
    const r = validateDraftData('repair-application', { listedDate: '上个月' }, { today: '2026-01-15' });
    expect(r.ok && r.data.listedDate).toBe('2025-12');
  });
});
