// The engine's pause after a failed keychain read. A locked or missing Secret Service can't be produced on demand
// in a test, so the keychain's answer comes from a CredentialCache written here: it fails while `locked` is true.
import { describe, expect, it } from 'vitest';
import { createCredentialGate, type CredentialCache, type Credentials } from './credentials';

function keychainThatCanLock() {
  const state = { locked: true, reads: 0 };
  const good: Credentials = { secrets: ['whsec_current'], appKey: null };
  const cache: CredentialCache = {
    peek: () => undefined,
    load: () => {
      state.reads += 1;
      return state.locked ? Promise.reject(new Error('The keychain is locked')) : Promise.resolve(good);
    },
    invalidate: () => undefined,
  };
  return { state, cache, good };
}

describe('credential gate', () => {
  it('after a failed read, waits 30 s before asking the keychain again, and reports the failure once', async () => {
    const { state, cache, good } = keychainThatCanLock();
    const errors: string[] = [];
    const gate = createCredentialGate(cache, (id, error) => errors.push(`${id}: ${(error as Error).message}`));
    const t0 = 1_000_000;

    expect(await gate.forWebhook('wh_1', null, t0)).toBeNull();
    expect(gate.blockedUntil('wh_1')).toBe(t0 + 30_000);
    // Every due delivery of the webhook asks during the pause: none reaches the keychain or the log.
    for (const dt of [1, 10_000, 29_999]) expect(await gate.forWebhook('wh_1', null, t0 + dt)).toBeNull();
    expect(state.reads).toBe(1);
    expect(errors).toEqual(['wh_1: The keychain is locked']);

    // Another webhook is not held by this one's pause.
    state.locked = false;
    expect(await gate.forWebhook('wh_2', null, t0 + 5)).toEqual(good);

    // Once the pause is over the keychain is asked again, and a good answer ends the pause.
    expect(await gate.forWebhook('wh_1', null, t0 + 30_000)).toEqual(good);
    expect(gate.blockedUntil('wh_1')).toBeUndefined();
  });

  it('a new secret or App Key (forget) lifts the pause at once', async () => {
    const { state, cache, good } = keychainThatCanLock();
    const gate = createCredentialGate(cache, () => undefined);
    expect(await gate.forWebhook('wh_1', 'webhooks/wh_1/app-key', 0)).toBeNull();
    state.locked = false;
    gate.forget('wh_1');
    expect(gate.blockedUntil('wh_1')).toBeUndefined();
    expect(await gate.forWebhook('wh_1', 'webhooks/wh_1/app-key', 1)).toEqual(good);
    expect(state.reads).toBe(2);
  });
});
