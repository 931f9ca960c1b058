import { readdirSync, readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { DraftData } from '../../knowledge/drafts/fields.ts';
import {
  BLANK,
  DraftDataError,
  type DraftFormat,
  draftFileName,
  draftStructure,
  escapeMarkdown,
  renderDraft,
  toText,
} from '../../knowledge/drafts/render.ts';
import { loadJurisdiction } from '../../knowledge/jurisdiction.ts';
import { DOCUMENT_IDS, type DocumentId } from '../../rules/types.ts';

const TODAY = '2023-03-20';
const opts = { today: TODAY };
const BUREAU = loadJurisdiction().bureau;
const CODE = '92421222MA4C1DT5X9';

const individual = {
  name: '通城县某某副食店',
  creditCode: CODE,
  entityType: 'individual',
  representative: '张三',
  phone: '13912345678',
  address: '湖北省咸宁市通城县隽水镇某某路1号',
  listedDate: '2021',
  listingAuthority: '通城县市场监督管理局',
};
const caseData: Record<DocumentId, Record<string, unknown>> = {
  'repair-application': {
    ...individual,
    path: 'tolerant-repair-annual-report',
    reportYear: 2022,
    reportFiledDate: '2023-03-15',
  },
  'credit-commitment': { ...individual, path: 'tolerant-repair-annual-report', reportYear: 2022 },
  'minor-error-application': {
    name: '通城县某某科技有限公司',
    creditCode: '91110000600037341L',
    representative: '李四',
    phone: '0715-4321234',
    errorKind: 'contact_info',
    errorDescription: '年报公示的联系电话少写一位',
    correctedDate: '2023-03-01',
  },
  'situation-explanation': {
    ...individual,
    reasonNotAtAddress: '原租赁场所到期后已搬迁',
    newAddress: '通城县隽水镇某某街8号',
    contactMethod: '经营者手机13912345678',
    plannedCorrection: '于2023年6月30日前办理住所变更登记',
  },
  'agent-authorization': { ...individual, agentName: '张小明', agentIdNumber: '421222199001011234' },
};
const TITLES: Record<DocumentId, string> = {
  'repair-application': '信用修复申请书',
  'credit-commitment': '守信承诺书',
  'minor-error-application': '轻微差错免列异申请书',
  'situation-explanation': '情况说明',
  'agent-authorization': '授权委托书',
};

async function documentXml(data: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(data);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (!xml) throw new Error('word/document.xml missing');
  return xml;
}

async function txt(docType: DocumentId, data: Record<string, unknown>): Promise<string> {
  return (await renderDraft(docType, data, 'txt', opts)).text;
}

describe('every document in every format', () => {
  for (const docType of DOCUMENT_IDS) {
    for (const format of ['txt', 'md', 'docx'] as DraftFormat[]) {
      it(`${docType} as ${format}`, async () => {
        const data = caseData[docType];
        const r = await renderDraft(docType, data, format, opts);
        expect(r.fileName).toBe(`${data.name}-${TITLES[docType]}.${format}`);
        const body = format === 'docx' ? await documentXml(r.data) : new TextDecoder().decode(r.data);
        for (const s of [
          TITLES[docType],
          String(data.name),
          String(data.creditCode),
          BUREAU,
          '2023年3月20日',
        ]) {
          expect(body).toContain(s);
        }
        if (format === 'docx') {
          expect(r.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
          // GB/T 9704 margins in twips: 37 / 35 / 28 / 26 mm
          expect(body).toMatch(
            /<w:pgMar[^>]*w:top="2097"[^>]*w:right="1474"[^>]*w:bottom="1984"[^>]*w:left="1587"/,
          );
          expect(body).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
          expect(body).toContain('w:eastAsia="仿宋_GB2312"');
          expect(body).toContain('w:eastAsia="方正小标宋简体"');
          expect(body).toContain('<w:sz w:val="32"/>');
          expect(body).toContain('<w:sz w:val="44"/>');
          expect(body).toContain('<w:jc w:val="center"/>');
          expect(body).toContain('<w:jc w:val="right"/>');
          // the same letter as the text version
          expect(r.text).toContain(TITLES[docType]);
        } else {
          expect(r.text).toBe(new TextDecoder().decode(r.data));
          expect(r.mimeType).toContain('charset=utf-8');
        }
      });
    }
  }
});

describe('docx layout', () => {
  it('uses exact 28 pt line spacing, a 2-character first-line indent, and a page number', async () => {
    const r = await renderDraft('repair-application', caseData['repair-application'], 'docx', opts);
    const zip = await JSZip.loadAsync(r.data);
    const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
    expect(styles).toMatch(/<w:spacing[^>]*w:line="560"[^>]*w:lineRule="exact"/);
    const xml = await documentXml(r.data);
    expect(xml).toMatch(/<w:ind[^>]*w:firstLine="640"/);
    const footers = Object.keys(zip.files).filter((f) => /word\/footer\d*\.xml/.test(f));
    expect(footers.length).toBeGreaterThan(0);
    const footer = (await zip.file(footers[0] as string)?.async('string')) ?? '';
    expect(footer).toContain('PAGE');
  });

  it('keeps the signature block with the paragraph before it', async () => {
    const r = await renderDraft('credit-commitment', caseData['credit-commitment'], 'docx', opts);
    const xml = await documentXml(r.data);
    const paragraphs = xml.split('<w:p>').slice(1);
    const last = paragraphs.findIndex((p) => p.includes('七、同意将本承诺书向社会公开'));
    expect(last).toBeGreaterThan(0);
    expect(paragraphs[last]).toContain('<w:keepNext/>');
    expect(paragraphs[last - 1]).not.toContain('<w:keepNext/>');
  });

  it('has the same text as the txt version', async () => {
    const data = caseData['situation-explanation'];
    const docx = await renderDraft('situation-explanation', data, 'docx', opts);
    const xml = await documentXml(docx.data);
    const wordText = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    const plain = (await txt('situation-explanation', data)).replace(/[\s　]/g, '');
    expect(wordText.replace(/[\s　]/g, '')).toBe(plain);
  });
});

describe('content by route', () => {
  it('容缺 case 1 states the previous year’s paper report was filed and when it was published', async () => {
    const t = await txt('repair-application', caseData['repair-application']);
    expect(t).toContain('已补报上一年度（2022年度）纸质年度报告，并于2023年3月15日完成公示');
    expect(t).toContain('第四部分第（三）项第一种情形');
    expect(t).toContain('申请恢复信用正常记载状态');
    expect(t).toContain('于2021年＿＿月＿＿日因未按规定期限报送、公示年度报告');
    expect(t).toContain('附件：守信承诺书');
    expect(t).toContain('市场主体名称（盖章）：通城县某某副食店');
    expect(t).toContain('经营者（签字）：');
    expect(t).not.toContain('市场监督管理信用修复管理办法');
  });

  it('容缺 case 2 states the change registration date and the new address', async () => {
    const t = await txt('repair-application', {
      ...individual,
      entityType: 'enterprise',
      path: 'tolerant-repair-address-change',
      changeRegisteredDate: '2023-02-01',
      newAddress: '通城县隽水镇新街9号',
    });
    expect(t).toContain(
      '原住所（经营场所）为湖北省咸宁市通城县隽水镇某某路1号，已于2023年2月1日依法办理住所（经营场所）变更登记，变更后的住所（经营场所）为通城县隽水镇新街9号',
    );
    // after the change is registered, the registered 住所 is the new one
    expect(t).toContain('　　住所（经营场所）：通城县隽水镇新街9号\n');
    expect(t).not.toContain('住所（经营场所）：湖北省咸宁市通城县隽水镇某某路1号');
    expect(t).toContain('第四部分第（三）项第二种情形');
    expect(t).toContain('因通过登记的住所（经营场所）无法联系');
    expect(t).toContain('法定代表人（负责人）（签字）');
  });

  it('the standard route cites the SAMR measure and says what was corrected', async () => {
    const t = await txt('repair-application', {
      ...individual,
      entityType: 'enterprise',
      path: 'standard-repair',
      listingReason: 'annual_report_overdue',
      correctedDate: '2023-01-10',
    });
    expect(t).toContain('已于2023年1月10日补报并公示全部未报年度的年度报告');
    expect(t).toContain('《市场监督管理信用修复管理办法》');
    expect(t).toContain('2.履行法定义务、纠正失信行为的相关材料');
    expect(t).not.toContain('容缺');
  });

  it('the commitment holds every promise of DOMAIN.md §7', async () => {
    const t = await txt('credit-commitment', caseData['credit-commitment']);
    for (const s of [
      '真实、合法、有效',
      '已补报上一年度（2022年度）纸质年度报告并公示',
      '6月30日',
      '登记的住所（经营场所）能够取得联系',
      '监督检查',
      '重新列入经营异常名录（状态）',
      '记入信用记录',
      '向社会公开',
      '承诺人（盖章）：通城县某某副食店',
    ]) {
      expect(t).toContain(s);
    }
  });

  it('only an enterprise promises to publish instant information within 20 working days', async () => {
    const base = { ...individual, path: 'standard-repair', listingReason: 'annual_report_overdue' };
    const enterprise = await txt('credit-commitment', { ...base, entityType: 'enterprise' });
    expect(enterprise).toContain('即时信息，自形成之日起20个工作日内公示');
    for (const entityType of ['individual', 'cooperative', undefined]) {
      const t = await txt('credit-commitment', { ...base, entityType });
      expect(t, String(entityType)).not.toContain('即时信息');
      expect(t, String(entityType)).not.toContain('20个工作日');
      expect(t, String(entityType)).toContain('每年1月1日至6月30日报送上一年度年度报告');
    }
  });

  it('the minor-error application names the error kind, the correction date and 四(四)', async () => {
    const t = await txt('minor-error-application', caseData['minor-error-application']);
    expect(t).toContain('年报公示的联系电话、邮政编码、电子邮箱与检查情况不一致');
    expect(t).toContain('非主观故意');
    expect(t).toContain('已于2023年3月1日及时改正');
    expect(t).toContain('第四部分第（四）项第一种情形');
    expect(t).toContain('申请企业（盖章）');
    const branch = await txt('minor-error-application', {
      ...caseData['minor-error-application'],
      errorKind: 'branch_zero_financials',
    });
    expect(branch).toContain('第六种情形');
    expect(branch).toContain('上级公司年度报告公示本分支机构财务数据的证明材料');
  });

  it('the explanation gives the reason, the contact and the planned correction, citing 四(五)', async () => {
    const t = await txt('situation-explanation', caseData['situation-explanation']);
    expect(t).toContain('原因是：原租赁场所到期后已搬迁');
    expect(t).toContain('取得联系：经营者手机13912345678');
    expect(t).toContain('纠正上述情况：于2023年6月30日前办理住所变更登记');
    expect(t).toContain('第四部分第（五）项');
    expect(t).toContain('暂不列入经营异常名录');
  });
});

describe('identifier label', () => {
  it('follows the kind of code given', async () => {
    expect(await txt('repair-application', { creditCode: '440301108548379' })).toContain(
      '注册号：440301108548379',
    );
    expect(await txt('credit-commitment', { creditCode: CODE })).toContain(`　　统一社会信用代码：${CODE}\n`);
    expect(await txt('credit-commitment', {})).toContain('统一社会信用代码（注册号）：＿＿＿＿');
  });
});

describe('start-up cost', () => {
  it('only the docx builder imports docx, and nothing imports the builder statically', () => {
    const dir = new URL('../../knowledge/drafts/', import.meta.url);
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const src = readFileSync(new URL(f, dir), 'utf8');
      // type-only imports are erased at run time
      const staticImports = [...src.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)'/gms)].map(
        (m) => m[1],
      );
      if (f !== 'docx.ts') expect(staticImports, f).not.toContain('docx');
      expect(staticImports, f).not.toContain('./docx.ts');
      expect(staticImports, f).not.toContain('nunjucks');
    }
  });
});

describe('missing values', () => {
  it('print as visible blanks and nothing is invented', async () => {
    for (const docType of DOCUMENT_IDS) {
      const t = await txt(docType, {});
      expect(t).toContain(BLANK);
      // the applications state dates of their own besides the signing date
      if (docType.endsWith('-application')) expect(t).toContain('＿＿＿＿年＿＿月＿＿日');
      expect(t).not.toMatch(/\d{6,}/); // no code or phone number from nowhere
      expect(t).not.toContain('undefined');
      expect(t).not.toContain('null');
    }
  });

  it('default the signing date to today', async () => {
    const s = await draftStructure('credit-commitment', {}, { today: '2024-07-01' });
    expect(toText(s)).toContain('2024年7月1日');
  });
});

describe('user text is data', () => {
  const evil = '{{ 7*7 }}{% include "x" %}{# c #}';

  it('appears literally in txt and docx, never evaluated', async () => {
    const t = await txt('situation-explanation', { name: evil, reasonNotAtAddress: '{{ bureau }}' });
    expect(t).toContain(evil);
    expect(t).toContain('原因是：{{ bureau }}');
    expect(t).not.toContain('49');
    const docx = await renderDraft('repair-application', { name: evil }, 'docx', opts);
    const xml = await documentXml(docx.data);
    expect(xml).toContain('{{ 7*7 }}{% include &quot;x&quot; %}{# c #}');
  });

  it('cannot pose as layout markers or XML', async () => {
    const t = await txt('situation-explanation', {
      name: '@title 假标题\n@sign 假落款',
      address: '</w:t><w:p>',
    });
    expect(t).toContain('@title 假标题 @sign 假落款');
    const docx = await renderDraft(
      'situation-explanation',
      { address: '</w:t></w:r><w:r><w:t>x' },
      'docx',
      opts,
    );
    const xml = await documentXml(docx.data);
    expect(xml).toContain('&lt;/w:t&gt;&lt;/w:r&gt;&lt;w:r&gt;&lt;w:t&gt;x');
  });

  it('is escaped for Markdown, while template text stays readable', async () => {
    const md = (await renderDraft('credit-commitment', { name: '*某某*[店](http://x)_<b>' }, 'md', opts))
      .text;
    expect(md).toContain('\\*某某\\*\\[店\\](http://x)\\_\\<b\\>');
    expect(md).toContain('# 守信承诺书');
    expect(md).toContain('\n\n统一社会信用代码（注册号）：＿＿＿＿');
    expect(escapeMarkdown('0715-4321234')).toBe('0715-4321234');
  });

  it('in txt is printed exactly as typed', async () => {
    const t = await txt('credit-commitment', { name: '*某某*[店]' });
    expect(t).toContain('市场主体名称：*某某*[店]\n');
  });
});

describe('invalid data', () => {
  it('throws DraftDataError naming each field', async () => {
    const err = await renderDraft(
      'repair-application',
      { creditCode: '91110000600037341X', foo: 1 },
      'txt',
      opts,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DraftDataError);
    const fields = (err as DraftDataError).problems.map((p) => p.field).sort();
    expect(fields).toEqual(['creditCode', 'foo']);
  });
});

describe('draftFileName', () => {
  it('names the file after the entity and the document', () => {
    expect(draftFileName('某某商行', '信用修复申请书', 'docx')).toBe('某某商行-信用修复申请书.docx');
    expect(draftFileName(undefined, '守信承诺书', 'md')).toBe('守信承诺书.md');
  });

  it('removes path separators, control characters and leading dots', () => {
    const name = draftFileName('../../etc/passwd\u0000\n', '情况说明', 'txt');
    expect(name).not.toMatch(/[/\\]/);
    expect(Array.from(name).every((c) => (c.codePointAt(0) ?? 0) >= 0x20)).toBe(true);
    expect(name.startsWith('.')).toBe(false);
    expect(name.endsWith('-情况说明.txt')).toBe(true);
    expect(draftFileName('...', '情况说明', 'txt')).toBe('情况说明.txt');
    expect(draftFileName('a:b*c?"d<e>f|g', '情况说明', 'txt')).toBe('a_b_c_d_e_f_g-情况说明.txt');
  });

  it('stays within 80 characters', () => {
    const name = draftFileName('某'.repeat(300), '轻微差错免列异申请书', 'docx');
    expect(Array.from(name).length).toBeLessThanOrEqual(80);
    expect(name.endsWith('-轻微差错免列异申请书.docx')).toBe(true);
  });

  it('is what renderDraft uses', async () => {
    const r = await renderDraft(
      'credit-commitment',
      { name: '/某某\\商行' } satisfies DraftData,
      'txt',
      opts,
    );
    expect(r.fileName).toBe('某某_商行-守信承诺书.txt');
  });
});

describe('wording by entity type (QA round 2, E1)', () => {
  const enterprise = {
    ...caseData['repair-application'],
    name: '通城县某某商贸有限公司',
    creditCode: '91110000600037341L',
    entityType: 'enterprise',
    path: 'standard-repair',
    listingReason: 'annual_report_overdue',
    correctedDate: '2023-03-01',
  };
  const text = async (doc: DocumentId, data: Record<string, unknown>, more = {}) =>
    (await renderDraft(doc, data, 'txt', { ...opts, ...more })).text;

  it('an enterprise letter says 经营异常名录 (no 状态) and 市场主体类型：企业', async () => {
    for (const doc of ['repair-application', 'credit-commitment'] as const) {
      const t = await text(doc, enterprise);
      expect(t).not.toContain('（状态）');
      expect(t).toContain('经营异常名录');
      expect(t).not.toContain('含分支机构');
      expect(t).toContain('法定代表人（负责人）');
    }
    expect(await text('repair-application', enterprise)).toContain('市场主体类型：企业\n');
  });

  it('a branch is 分支机构 with a 负责人: from the name, or told by the caller', async () => {
    const branch = await text('repair-application', { ...enterprise, name: '某某有限公司通城分公司' });
    expect(branch).toContain('市场主体类型：分支机构');
    expect(branch).toContain('负责人：张三');
    expect(branch).toContain('负责人（签字）');
    const told = await text('repair-application', enterprise, { isBranch: true });
    expect(told).toContain('市场主体类型：分支机构');
    const notBranch = await text(
      'repair-application',
      { ...enterprise, name: '某某有限公司通城分公司' },
      {
        isBranch: false,
      },
    );
    expect(notBranch).toContain('市场主体类型：企业\n');
  });

  it('a cooperative letter has no 状态 wording; an individual’s keeps it', async () => {
    const coop = {
      ...caseData['repair-application'],
      entityType: 'cooperative',
      creditCode: '93421222MA4C1DT5X6',
    };
    const t = await text('repair-application', coop);
    expect(t).not.toContain('（状态）');
    expect(t).toContain('市场主体类型：农民专业合作社');
    expect(t).toContain('法定代表人：张三');
    expect(await text('repair-application', caseData['repair-application'])).toContain(
      '经营异常名录（状态）',
    );
  });

  it('the enterprise-only minor-error letter speaks of a branch’s 负责人 too', async () => {
    const t = await text('minor-error-application', {
      ...caseData['minor-error-application'],
      name: '通城县某某科技有限公司隽水分公司',
    });
    expect(t).toContain('负责人：李四');
    expect(t).not.toContain('（状态）');
  });
});
