// The WXBizMsgCrypt scheme checked against the platforms' published example values (Tencent's sample
// code for Official Accounts and for WeCom), through the adapter's crypto module and through the fakes'
// independent implementation — and the WeCom callback plugin itself answering the official URL check.
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { isFresh, open, sign, signatureMatches } from '../../bots/wechat/msg-crypt.ts';
import { parseXmlFields } from '../../bots/wechat/xml.ts';
import { createWecomApp } from '../../bots/wecom/application.ts';
import { createLogger } from '../../dialogs/log.ts';
import { createFakeEngine } from '../fakes/engine.ts';
import { openEnvelope, sealEnvelope, sha1Signature } from '../fakes/wechat-platform.ts';

// Official Account sample (WXBizMsgCryptTest.java in the 公众号 加解密 sample download).
const OA = {
  aesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  appId: 'wxb11529c136998cb6',
  random: 'aaaabbbbccccdddd',
  message: '我是中文abcd123',
  encrypted: 'jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==',
};
// Official Account sample (Sample.py in the same download): a signed, encrypted incoming text message.
const OA_PY = {
  token: 'spamtest',
  appId: 'wx2c2769f8efd9abc2',
  timestamp: '1409735669',
  nonce: '1320562132',
  msgSignature: '5d197aaffba7e9b25a30732f161a50dee96bd5fa',
  encrypted:
    'hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=',
};
// WeCom sample (Sample.cs / Sample.java of the 企业微信 加解密库): URL verification and one callback.
const WECOM = {
  token: 'QDG6eK',
  corpId: 'wx5823bf96d3bd56c7',
  aesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  verify: {
    msg_signature: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3',
    timestamp: '1409659589',
    nonce: '263014780',
    echostr: 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==',
  },
  post: {
    msg_signature: '477715d11cdb4164915debcba66cb864d751f3e6',
    timestamp: '1409659813',
    nonce: '1372623149',
    encrypted:
      'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==',
  },
};

describe('WXBizMsgCrypt against the published sample values', () => {
  it('Official Account: the sample ciphertext opens to the sample text, and the fake seals it identically', () => {
    expect(open(OA.aesKey, OA.encrypted, OA.appId)).toBe(OA.message);
    expect(sealEnvelope(OA.aesKey, OA.message, OA.appId, Buffer.from(OA.random))).toBe(OA.encrypted);
    // sealed for one AppID, it does not open for another
    expect(open(OA.aesKey, OA.encrypted, 'wx0000000000000000')).toBeNull();
  });

  it('Official Account: the sample message signature verifies and the message decrypts', () => {
    const expected = sign(OA_PY.token, OA_PY.timestamp, OA_PY.nonce, OA_PY.encrypted);
    expect(expected).toBe(OA_PY.msgSignature);
    expect(sha1Signature(OA_PY.token, OA_PY.timestamp, OA_PY.nonce, OA_PY.encrypted)).toBe(
      OA_PY.msgSignature,
    );
    expect(signatureMatches(expected, OA_PY.msgSignature.toUpperCase())).toBe(true);
    expect(signatureMatches(expected, `${OA_PY.msgSignature.slice(0, -1)}0`)).toBe(false);
    const msg = parseXmlFields(open(OA.aesKey, OA_PY.encrypted, OA_PY.appId) ?? '');
    expect(msg).toMatchObject({
      ToUserName: 'gh_10f6c3c3ac5a',
      FromUserName: 'oyORnuP8q7ou2gfYjqLzSIWZf0rs',
      MsgType: 'text',
      Content: 'abcdteT',
      MsgId: '6054768590064713728',
    });
  });

  it('WeCom: the sample callback signature verifies and decrypts, in the module and in the fake', () => {
    const { post } = WECOM;
    expect(sign(WECOM.token, post.timestamp, post.nonce, post.encrypted)).toBe(post.msg_signature);
    const opened = openEnvelope(WECOM.aesKey, post.encrypted);
    expect(opened.receiverId).toBe(WECOM.corpId);
    expect(parseXmlFields(open(WECOM.aesKey, post.encrypted, WECOM.corpId) ?? '')).toMatchObject({
      ToUserName: WECOM.corpId,
      FromUserName: 'mycreate',
      MsgType: 'text',
      Content: 'hello',
      MsgId: '4561255354251345929',
      AgentID: '218',
    });
  });

  it('WeCom: the callback plugin answers the sample URL verification and reads the sample message', async () => {
    const engine = createFakeEngine();
    const at = Number(WECOM.verify.timestamp) * 1000;
    const wecom = createWecomApp(engine, {
      corpId: WECOM.corpId,
      agentId: '218',
      secret: 'sample-secret-0123456789',
      token: WECOM.token,
      encodingAesKey: WECOM.aesKey,
      apiRoot: 'http://127.0.0.1:9',
      log: createLogger({ level: 'silent' }),
      retry: { retries: 0 },
      now: () => at,
    });
    const app = Fastify();
    await app.register(wecom.plugin, { prefix: '/wecom' });
    const verify = await app.inject({ url: '/wecom', query: WECOM.verify });
    expect(verify.statusCode).toBe(200);
    expect(verify.body).toBe('1616140317555161061');
    const forged = await app.inject({ url: '/wecom', query: { ...WECOM.verify, nonce: '1' } });
    expect(forged.statusCode).toBe(401);

    const { post } = WECOM;
    const res = await app.inject({
      method: 'POST',
      url: '/wecom',
      query: { msg_signature: post.msg_signature, timestamp: post.timestamp, nonce: post.nonce },
      headers: { 'content-type': 'text/xml' },
      payload: `<xml><ToUserName><![CDATA[${WECOM.corpId}]]></ToUserName><Encrypt><![CDATA[${post.encrypted}]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>`,
    });
    expect(res.statusCode).toBe(200);
    await wecom.idle();
    expect(engine.turns).toEqual([
      {
        channel: 'wecom',
        chatId: 'mycreate',
        userId: 'mycreate',
        isGroup: false,
        addressed: true,
        text: 'hello',
      },
    ]);
    await app.close();
  });

  it('freshness: five minutes either way', () => {
    const now = 1_700_000_000_000;
    expect(isFresh('1700000000', now)).toBe(true);
    expect(isFresh(String(1_700_000_000 - 301), now)).toBe(false);
    expect(isFresh(String(1_700_000_000 + 301), now)).toBe(false);
    expect(isFresh('17e8', now)).toBe(false);
    expect(isFresh(undefined, now)).toBe(false);
  });
});
