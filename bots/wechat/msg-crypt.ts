// The WXBizMsgCrypt scheme shared by the WeChat Official Account (safe mode) and WeCom callbacks:
// SHA-1 signatures over the sorted (token, timestamp, nonce[, ciphertext]) and AES-256-CBC envelopes.
// The cryptography itself is @wecom/crypto (Tencent's published Node library); this module only adds
// constant-time comparison, the freshness window and the receiver-id check the library leaves to us.
import { timingSafeEqual } from 'node:crypto';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';

/** Requests older (or further in the future) than this are refused: a captured request cannot be replayed. */
export const MAX_CLOCK_SKEW_S = 5 * 60;

export const ENCODING_AES_KEY = /^[A-Za-z0-9]{43}$/;

export function sign(token: string, timestamp: string, nonce: string, encrypted = ''): string {
  return getSignature(token, timestamp, nonce, encrypted);
}

/** Constant-time comparison of a hex signature with the expected one. */
export function signatureMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(given.toLowerCase()));
}

/** Whether a platform timestamp (seconds) is within MAX_CLOCK_SKEW_S of now. */
export function isFresh(timestamp: unknown, nowMs: number): boolean {
  if (typeof timestamp !== 'string' || !/^\d{1,12}$/.test(timestamp)) return false;
  return Math.abs(nowMs / 1000 - Number(timestamp)) <= MAX_CLOCK_SKEW_S;
}

/**
 * Opens an envelope; null when it is not ours (bad key, bad padding, or sealed for another receiver id —
 * the AppID for an Official Account, the CorpID for WeCom).
 */
export function open(encodingAesKey: string, ciphertext: string, receiverId: string): string | null {
  try {
    const { message, id } = decrypt(encodingAesKey, ciphertext);
    return id === receiverId ? message : null;
  } catch {
    return null;
  }
}

export function seal(encodingAesKey: string, message: string, receiverId: string): string {
  return encrypt(encodingAesKey, message, receiverId);
}
