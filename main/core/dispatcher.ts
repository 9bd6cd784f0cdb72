// The single entry point of every call into the core, whichever host carried it: look the procedure up,
// validate the input (the handler never sees invalid data), run it, validate the output, and return a Result.
import { contract, type Contract } from '../../shared/contract';
import { describeIssues, fail, issuesOf, ok, AppError, type Result } from '../../shared/result';
import { findProcedure, type Handlers } from '../../shared/rpc';
import { BUSY_RETRY_AFTER_SECONDS, isDatabaseBusy } from '../db';
import type { Logger } from '../log';

export type Dispatch = (path: string, input: unknown) => Promise<Result<unknown>>;

export function createDispatcher(handlers: Handlers<Contract>, logger: Logger): Dispatch {
  return async (path, input) => {
    const def = findProcedure(contract, path);
    if (!def) return fail('UNKNOWN_PROCEDURE', `There is no procedure named "${path}".`);
    const parsed = def.input.safeParse(input);
    if (!parsed.success) {
      const issues = issuesOf(parsed.error);
      return fail('INVALID_INPUT', `Invalid input for ${path}: ${describeIssues(issues)}`, { issues });
    }
    const [ns, name] = path.split('.') as [keyof Contract, string];
    const handler = (handlers[ns] as Record<string, (input: unknown) => unknown>)[name]!;
    try {
      const output = def.output.safeParse(await handler(parsed.data));
      if (!output.success) {
        logger.error({ path, issues: issuesOf(output.error) }, 'handler returned output that breaks the contract');
        return fail('INTERNAL', `${path} produced an invalid result; this is a bug. Details are in the log.`);
      }
      return ok(output.data);
    } catch (error) {
      if (error instanceof AppError) return fail(error.code, error.message, error.details);
      if (isDatabaseBusy(error)) {
        // Another program held the database past the busy timeout: nothing was written, and trying again is the fix.
        logger.warn({ path, err: error }, 'database busy');
        return fail('DATABASE_ERROR', `The database is busy (another program is holding it); nothing was changed. Try again in ${BUSY_RETRY_AFTER_SECONDS} seconds.`, {
          retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS,
        });
      }
      logger.error({ path, err: error }, 'handler failed');
      return fail('INTERNAL', `${path} failed: ${error instanceof Error ? error.message : String(error)}. Details are in the log.`);
    }
  };
}
