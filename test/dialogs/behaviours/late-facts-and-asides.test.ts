// Long conversations: facts that arrive late, asides that are questions, and stories whose 没 is about
// something else. None of them may turn a stated "no" into a "yes" or invent a "no" that was never said.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('questions after a result', () => {
  it('「…行吗 还是得先补好那份」 offers two ways; its 补好 meets nothing', async () => {
    const c = await chat();
    await c.send('我们是个农机专业合作社 2022年没交年报进了经营异常');
    await c.send('25年度的那份到现在还没弄 纸质网上都没交');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: false });
    await c.send('我直接去递申请行吗 还是得先补好那份');
    expect(c.last?.determination.eligible).toBe(false);
    expect((await c.engine.getCase(key)).facts.previousYearReportFiled).toBe(false);
  });

  it('「跟这个有冇影响」 asks; it does not take back a penalty told before', async () => {
    const c = await chat();
    await c.send('我开的副食店 个体户 搬到隔壁街了 执照地址没改 也没被列入异常');
    await c.send('打电话随时找得到我');
    await c.send('对了 上个月市场监管局查到我卖过期面包 罚了一千五 已经交了');
    expect(c.last?.determination).toMatchObject({ path: 'punishment-buffer', eligible: false });
    await c.send('这个罚款跟我换门面有冇影响 变更过几天我就去弄');
    expect(c.last?.determination).toMatchObject({ path: 'punishment-buffer', eligible: false });
  });
});

describe('dates and penalties told in pieces', () => {
  it('the date on the decision is not the day it was published', async () => {
    const c = await chat();
    await c.send('我们装修公司发传单搞虚假宣传 被县市场监管局罚了七万 没有从轻');
    await c.send('罚款交了 整改好了 之后也没再因为这种事被罚');
    await c.send('决定书落款是2026年7月1号');
    expect((await c.engine.getCase(key)).facts.penaltyPublishedDate).toBeUndefined();
    await c.send('网上公示出来是2026年9月15号');
    expect((await c.engine.getCase(key)).facts.penaltyPublishedDate).toBe('2026-09-15');
    expect(c.last?.determination).toMatchObject({ path: 'penalty-publicity-repair', eligible: false });
  });

  it('「那些海报早撤掉了」 after an advertising fine is the correction made', async () => {
    const c = await chat();
    await c.send('我们培训机构招生海报写了包过 被县市场监管局罚了六万 没有从轻');
    await c.send('罚款交了 那些海报早就撤掉了');
    expect((await c.engine.getCase(key)).facts.rectified).toBe(true);
  });

  it('a revocation told after the fine is the heaviest penalty of the decision', async () => {
    const c = await chat();
    await c.send('我的面包房因为食品安全问题被市场监管局罚了六万 2024年8月5号公示的');
    await c.send('罚款交清了 问题也改好了 后面没再被罚过');
    expect(c.last?.determination).toMatchObject({ path: 'penalty-publicity-repair', eligible: true });
    await c.send('还有 那个处罚决定里面顺带把食品经营许可证也吊销了');
    expect(c.last?.determination).toMatchObject({ path: 'penalty-not-repairable', eligible: false });
  });

  it('「记错了 是…」 re-dates the serious-list listing, not a listing year', async () => {
    const c = await chat();
    await c.send('我们公司被搞进严重违法失信名单了');
    await c.send('列进去的日子是2026年5月10号');
    expect(c.last?.determination).toMatchObject({ path: 'serious-list-early-removal', eligible: false });
    await c.send('记错了记错了 是2025年5月10号');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.seriousListedDate).toBe('2025-05-10');
    expect(facts.listedYear).toBeUndefined();
  });
});

describe('a 没 about something else answers nothing', () => {
  it('a story of an empty factory does not say the change was not registered', async () => {
    const c = await chat();
    await c.send('我们公司因为登记的地址联系不上被列入经营异常了');
    await c.send('去年厂子关了半年 门口没人守 寄过来的挂号信全退了');
    expect((await c.engine.getCase(key)).facts.addressChangeRegistered).toBeUndefined();
    await c.send('现在又开工了 还在执照上那个老厂房里做 信和电话都收得到');
    await c.send('地址从来没变过 也就没办过什么变更');
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: true });
  });

  it('「之后没再被罚过」 does not say who fined', async () => {
    const c = await chat();
    await c.send('我的烧烤店被罚了两万 一直在网上挂着');
    await c.send('后来再没被罚过');
    expect((await c.engine.getCase(key)).facts.issuedByMarketSupervision).toBeUndefined();
    expect(c.last?.determination.path).not.toBe('not-covered');
  });

  it('「罚款谈不上…」: 谈不上 and 算不上 deny', async () => {
    const c = await chat();
    await c.send('公司年报里公示的网店名字写的旧名 抽查发现的 还没被列入异常');
    await c.send('不是故意的 没造成什么后果 也算不上有纠纷');
    expect((await c.engine.getCase(key)).facts.majorImpactOrDispute).toBe(false);
  });
});

describe('not knowing after a result', () => {
  it('「批没批下来我也说不准」 after a refusal leaves the result open', async () => {
    const c = await chat();
    await c.send('公司改了名字没去登记 被列进经营异常名录了');
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair' });
    await c.send('名称变更的材料前几天交到窗口了 批没批下来 我实在不清楚');
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: null });
  });
});

describe('idle for years', () => {
  it('「这三年多没人打理 年报也没报」 counts three years without reports', async () => {
    const c = await chat();
    await c.send('我们合作社这三年多没人打理 年报也没报 税也从没申报过');
    await c.send('局里来人按登记的地址核查 说是查无下落');
    expect(c.last?.determination.path).toBe('revocation-risk');
  });
});

describe('counts told beside years', () => {
  it('「从2022年度起一份没报 四年了」 counts four years, not the digits of the year', async () => {
    const c = await chat();
    await c.send('我舅舅的五金公司好些年没人管了');
    await c.send('市场监管所的人到登记地址去查 说查无下落');
    await c.send('年报从2022年度起一份都没报 四年了 税务局那边也都没去报过');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.yearsWithoutAnnualReport).toBe(4);
    expect(facts.taxFiled).toBe(false);
    expect(c.last?.determination.path).toBe('revocation-risk');
  });
});

describe('years named instead of counted', () => {
  it('「2023年度、2024年度两份都没交」 after 查无下落 is two years without reports', async () => {
    const c = await chat();
    await c.send('我表姐的服装公司早就不开了');
    await c.send('所里的人上门核查 说查无下落');
    await c.send('2023年度跟2024年度的年报都没报 税一直也没有报过');
    expect((await c.engine.getCase(key)).facts.yearsWithoutAnnualReport).toBe(2);
  });
});

describe('how things stand now', () => {
  it('「现在又搬回执照上那个老地方营业了」 replaces a story of mail coming back', async () => {
    const c = await chat();
    await c.send('我们公司登记的住所联系不上 被列入经营异常了');
    await c.send('前年仓库空着 挂号信寄过去全给退了 说查无此人');
    await c.send('现在又在执照上那个老地方营业了 天天有人');
    expect((await c.engine.getCase(key)).facts.reachableAtRegisteredAddress).toBe(true);
  });

  it('the one date in the message naming the serious list is its listing date', async () => {
    const c = await chat();
    await c.send('替老板问下 公司被列入严重违法失信名单 列入时间是2025年3月2号');
    expect((await c.engine.getCase(key)).facts.seriousListedDate).toBe('2025-03-02');
  });

  it('「跟吃的用的药那些都不沾边」 answers the sector question too', async () => {
    const c = await chat();
    await c.says('公司被市场监管局罚了六万 没有从轻', '食品');
    await c.send('我们是搞装修设计的 跟食品药品那些都不沾边 要准备啥');
    expect((await c.engine.getCase(key)).facts.keySector).toBe(false);
  });
});
