// The named intent rules after the classifier, each tried with wording of its own: consequence
// questions in the grammar's own question forms, a draft that names no document and asks nobody to
// write, an information-error story that is not about revocation, and other authorities' matters.
import { describe, expect, it } from 'vitest';
import { understand } from '../../dialogs/nlu/index.ts';

describe('consequence questions', () => {
  it('reads an A-not-A question about what a listing does as a policy question, stating no listing', () => {
    const u = understand('上了经营异常名录影响大不大');
    expect(u.intent).toBe('policy_info');
    expect(u.facts.listed).toBeUndefined();
  });

  it('reads a clause ending in 不 as a question', () => {
    expect(understand('被列了异常以后还能去政府采购项目报名不').intent).toBe('policy_info');
  });

  it('reads how long a listing follows the business as a consequence', () => {
    expect(understand('经营异常的记录会永久保留吗').intent).toBe('policy_info');
  });

  it('keeps a motive beside a time question a time question', () => {
    expect(understand('要多长时间才能移出名录，下个月要投标').intent).toBe('timeline');
  });

  it('reads a penalty story whose time word is in a statement, the question about repair, as repair', () => {
    expect(understand('被县市场监管局责令停产整顿 停产的期限还没满 罚款交清了 能修复吗').intent).toBe(
      'repair',
    );
    expect(understand('被县市场监管局罚了三万 要等多久才能修复').intent).toBe('timeline');
  });
});

describe('drafts', () => {
  it('is no draft request when no document is named and nobody is asked to write', () => {
    expect(understand('这种情况还用申请吗').intent).not.toBe('draft');
    expect(['repair', 'policy_info']).toContain(
      understand('监管局对我们从轻罚了八百块 这个需不需要申请修复').intent,
    );
  });

  it('a penalty story read as a draft with no word of writing or of a document is a repair case', () => {
    // (the classifier leans to draft on 「给了我一个…」; 「所里」 names the bureau that gave it)
    expect(understand('所里就给了我一个警告 一分钱没罚 这条处罚也得申请修复吗').intent).toBe('repair');
    expect(understand('被罚了款 帮我写个申请书').intent).toBe('draft');
  });

  it('still is one when a document is named', () => {
    expect(understand('麻烦出一份情况说明').intent).toBe('draft');
  });
});

describe('information errors', () => {
  it('keeps an error story whose trouble is an unreachable customer a minor error', () => {
    expect(understand('快递店电话在年报里写错了 快递员找不到人跟我们吵起来了').intent).toBe('minor_error');
  });

  it('keeps the spot check and exclusions of an error, told without the error, a minor error', () => {
    expect(understand('这早就不是我们头一回被抽查了 前年也被抽中过').intent).toBe('minor_error');
    expect(understand('不涉及安全问题 头一次 也没造成什么后果 没纠纷').intent).toBe('minor_error');
  });

  it('reads how the error stands, told with a person or papers and asking nothing, as a minor error', () => {
    expect(understand('所里的工作人员提醒了 我们还冇去改').intent).toBe('minor_error');
    expect(understand('检查那回我们把资料都提供了').intent).toBe('minor_error');
    expect(understand('冇得哪个跟我们打官司').intent).toBe('minor_error');
  });

  it('still hands over to a person, or answers documents, when that is asked', () => {
    expect(understand('我要找你们的工作人员').intent).toBe('human');
    expect(understand('证明交上去了 还要带什么材料').intent).toBe('documents');
  });

  it('leaves revocation to a text that names it', () => {
    expect(understand('年报上的网址填错了 会不会被吊销执照').intent).toBe('revocation_risk');
  });
});

describe('other matters', () => {
  it('sends finding a shop nearby and another certificate out of scope', () => {
    expect(understand('哪里有复印店').intent).toBe('out_of_scope');
    expect(understand('办居住证要带什么').intent).toBe('out_of_scope');
  });
});

describe('keyword groups', () => {
  it('reads a question about what the bot is for as small talk', () => {
    expect(understand('你这个助手都会干点啥').intent).toBe('smalltalk');
  });

  it('reads a question about the portal’s use as how to apply', () => {
    expect(understand('公示系统里修复申请在哪个页面操作').intent).toBe('how_to_apply');
  });
});

describe('consequences and the serious list', () => {
  it('reads a question about travel or a harsher list after a listing as a consequence question', () => {
    expect(understand('我们店进了经营异常名录，老板以后出国会不会受限制').intent).toBe('policy_info');
    expect(understand('异常名录上挂久了，会不会转为严重违法失信').intent).toBe('policy_info');
  });

  it('asks the documents of early removal from the serious list when no record of one is told', () => {
    expect(understand('严重失信名单提前移出，需要准备哪些证明材料').intent).toBe('documents');
  });

  it('keeps an own listing on the serious list a repair case, whatever else is asked', () => {
    const u = understand('我们厂名字上了严重违法失信名单快两年了，想提前出来，要多久');
    expect(u.intent).toBe('repair');
    expect((u.facts as Record<string, unknown>).recordType).toBe('serious_list');
  });
});

describe('out of scope and small talk', () => {
  it('reads a bank account or a noisy neighbour as another matter', () => {
    expect(understand('刚拿到执照，对公账户去哪个银行开户好').intent).toBe('out_of_scope');
    expect(understand('楼上装修噪音太大了找谁投诉').intent).toBe('out_of_scope');
  });

  it('reads a caller checking the line as small talk', () => {
    expect(understand('喂喂 能听到吗').intent).toBe('smalltalk');
  });
});

describe('whether a document is needed', () => {
  it('reads 「要写…吗」 as a documents question, not a draft request', () => {
    const u = understand('申请免列异的话需不需要写承诺书');
    expect(u.intent).toBe('documents');
    expect(u.facts.docType).toBeUndefined();
  });
});

describe('deregistering instead of a repair', () => {
  it('reads it, asked by someone who tells only the listing, as a policy question', () => {
    const u = understand('我们店在经营异常名录里 可以不搞修复直接去注销吗');
    expect(u.intent).toBe('policy_info');
    expect(u.facts.listed).toBe(true);
  });

  it('keeps a story with its cause a repair, whatever it says of deregistering', () => {
    expect(understand('公司21年没报年报被列入异常 本来想注销算了 听说不好注销').intent).toBe('repair');
  });
});

describe('what to bring, asked after the story', () => {
  it('reads a last clause asking what to bring as a documents question, keeping the story', () => {
    const u = understand('合作社年报没交被列了异常 我替社长去办要带些什么东西');
    expect(u.intent).toBe('documents');
    expect(u.facts).toMatchObject({ entityType: 'cooperative', listed: true });
  });

  it('reads 么 for 什么 in dialect (「要带么资料」)', () => {
    expect(understand('个体户被列了异常 去所里办要带么资料').intent).toBe('documents');
  });
});

describe('how long, or where it stands', () => {
  it('reads how long until an application handed in is decided as a time question', () => {
    expect(understand('我们的免列异申请递交上去多久有结果').intent).toBe('timeline');
  });

  it('keeps time gone by without an outcome a status question', () => {
    expect(understand('申请书交上去几天了 咋还没个结果').intent).toBe('check_status');
  });
});

describe('penalty questions that are no penalty case', () => {
  it('a term of the rules asked for its meaning is a policy question telling no penalty', () => {
    const u = understand('一般行政处罚指的是哪些情形');
    expect(u.intent).toBe('policy_info');
    expect(u.facts.recordType).toBeUndefined();
  });

  it('a driver’s traffic fine is out of scope, with nothing of it kept', () => {
    const u = understand('我儿子骑车闯红灯被交警罚了五十 罚款去哪交');
    expect(u.intent).toBe('out_of_scope');
    expect(u.facts).toEqual({});
  });

  it('a penalty’s repair asked with a span and its outcome asks how long', () => {
    expect(understand('罚款那个修复申请递上去后 多少个工作日能办下来').intent).toBe('timeline');
  });

  it('「…是不是真的」 after a rule heard asks about the rule, not for a person', () => {
    expect(understand('别人讲这个要公示三年 是不是真的').intent).toBe('policy_info');
    expect(understand('听讲做食品的要满一年才能修 是不是真的 那我怎么办').questions ?? []).not.toContain(
      'human',
    );
  });
});
