import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import { createDispatcher } from './dispatcher';
import { startTestCore } from '../test-support/test-core';
import type { Contract } from '../../shared/contract';
import type { Handlers } from '../../shared/rpc';
import { AppError } from '../../shared/result';

const cleanup = useCleanup();

function coreWithCountingUpdate() {
  const core = cleanup.use(startTestCore({ fileSecrets: true }));
  let updateCalls = 0;
  const handlers: Handlers<Contract> = {
    ...core.handlers,
    company: {
      ...core.handlers.company,
      update: (input) => {
        updateCalls += 1;
        return core.handlers.company.update(input);
      },
    },
  };
  return { core, dispatch: createDispatcher(handlers, core.logger), calls: () => updateCalls };
}

describe('dispatcher', () => {
  it('refuses an invalid input with an error naming the field, without running the handler', async () => {
    const { core, dispatch, calls } = coreWithCountingUpdate();
    const before = await core.handlers.company.get(undefined);
    const result = await dispatch('company.update', { name: 'Acme Law', timezone: 'Mars/Olympus_Mons' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.message).toContain('timezone');
    expect(result.error.details).toEqual({ issues: [{ path: 'timezone', message: expect.stringContaining('IANA') }] });
    expect(calls()).toBe(0);
    expect(await core.handlers.company.get(undefined)).toEqual(before);
  });

  it('names every offending field, including unknown ones', async () => {
    const { dispatch, calls } = coreWithCountingUpdate();
    const result = await dispatch('company.update', { name: '', timezone: 'UTC', plan: 'gold' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = (result.error.details as { issues: { path: string }[] }).issues.map((i) => i.path).sort();
    expect(paths).toEqual(['(input)', 'name']);
    expect(result.error.message).toMatch(/plan/);
    expect(calls()).toBe(0);
  });

  it('runs a valid call and returns the stored value', async () => {
    const { dispatch, calls } = coreWithCountingUpdate();
    const result = await dispatch('company.update', { name: '  Acme Law  ', timezone: 'America/Chicago' });
    expect(result).toMatchObject({ ok: true, value: { name: 'Acme Law', timezone: 'America/Chicago' } });
    expect(calls()).toBe(1);
    expect(await dispatch('company.get', undefined)).toMatchObject({ ok: true, value: { name: 'Acme Law' } });
  });

  it('refuses unknown procedures, including prototype names', async () => {
    const { dispatch } = coreWithCountingUpdate();
    for (const path of ['company.delete', 'nope', '__proto__.constructor', 'company.__proto__', 'constructor.name']) {
      const result = await dispatch(path, undefined);
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } });
    }
  });

  it('turns a typed service error into a typed failure and anything else into INTERNAL', async () => {
    const { core } = coreWithCountingUpdate();
    const failing: Handlers<Contract> = {
      ...core.handlers,
      company: {
        get: () => {
          throw new AppError('NOT_FOUND', 'no such company');
        },
        update: () => {
          throw new TypeError('boom');
        },
      },
      system: { info: async () => ({ nonsense: true }) as never },
    };
    const dispatch = createDispatcher(failing, core.logger);
    expect(await dispatch('company.get', undefined)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'no such company' } });
    const internal = await dispatch('company.update', { name: 'Acme', timezone: 'UTC' });
    expect(internal).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('boom') } });
    expect(await dispatch('system.info', undefined)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
