// Edits made in the console to one case: checked against the version the user loaded (so two people editing
// the same case can't silently overwrite each other), written through the record store with origin "console".
import type { Case } from '../../shared/domain/workspace';
import { AppError } from '../../shared/result';
import type { RecordStore, WriteContext } from './records';

export interface CaseEditor {
  /** Moves a case to another status of its case type (name or id). */
  setStatus(change: { id: string; status: string; expectedVersion: number }): Case;
  /** Renames a case and/or changes custom field values (null or '' clears one; keys not given are kept). */
  update(change: { id: string; expectedVersion: number; name?: string; customValues?: Record<string, unknown> }): Case;
}

const CONSOLE: WriteContext = { origin: 'console' };

/** Version-checked console edits over a record store. */
export function createCaseEditor(records: RecordStore): CaseEditor {
  const current = (id: string, expectedVersion: number): Case => {
    const found = records.getCase(id);
    if (!found) throw new AppError('NOT_FOUND', `No case with id ${id}. It may have been removed: reload the list.`);
    if (found.version !== expectedVersion) {
      throw new AppError(
        'CONFLICT',
        `Case ${found.caseNumber} changed since you opened it (it is now at version ${found.version}, you had ${expectedVersion}). Reload the case and make your change again.`,
        { currentVersion: found.version, expectedVersion },
      );
    }
    return found;
  };

  return {
    setStatus: ({ id, status, expectedVersion }) =>
      records.batch(() => {
        current(id, expectedVersion);
        return records.setCaseStatus(id, status, CONSOLE, expectedVersion);
      }),
    update: ({ id, expectedVersion, name, customValues }) =>
      records.batch(() => {
        const found = current(id, expectedVersion);
        // The store matches by case number when no external reference is given: this is the same case.
        return records.upsertCase(
          { caseNumber: found.caseNumber, name: name ?? found.name, caseType: found.caseType, status: found.statusId, customValues: customValues ?? {} },
          CONSOLE,
        ).case;
      }),
  };
}
