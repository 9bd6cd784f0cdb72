// A damaged JSON cell (written by another program, or by a disk fault) marks one field of one record unreadable:
// the lists and details that show the record still answer, say which field, and the log names the record once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { refusal } from '../../test-support/api';
import { startWorkspaceCore, type WorkspaceCore } from '../workspace-test-fixture';

const cleanup = useCleanup();

/** A workspace with two clients and a case, and a second connection to its database file for damaging it. */
function start() {
  const w = cleanup.use(startWorkspaceCore());
  const { records, caseTypes } = w.core.workspace;
  caseTypes.create({ name: 'Personal Injury', statuses: ['New Lead', 'Signed'], fields: [{ key: 'accident_date', label: 'Accident date', type: 'date' }] });
  const ana = records.upsertClient({ firstName: 'Ana', lastName: 'Adams', phones: ['+13055550142'], emails: ['ana@example.com'], optOuts: ['sms'] }, { origin: 'import' }).client;
  const bob = records.upsertClient({ firstName: 'Bob', lastName: 'Brown', phones: ['+13055550143'] }, { origin: 'import' }).client;
  const saved = records.upsertCase(
    { name: 'Adams v. Trucking Co', caseType: 'Personal Injury', status: 'New Lead', clientIds: [ana.id], customValues: { accident_date: '2026-11-19' } },
    { origin: 'import' },
  ).case;
  const raw = cleanup.use(new Database(join(w.core.dataDir, 'console.db')));
  /** Overwrites one cell with raw SQL, as another program would. */
  const damage = (table: string, column: string, id: string | number, text: string, key = 'id') => raw.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${key} = ?`).run(text, id);
  const cell = (table: string, column: string, id: string) => raw.prepare(`SELECT ${column} FROM ${table} WHERE id = ?`).pluck().get(id);
  return { ...w, ana, bob, saved, damage, cell };
}

/** The console's log lines that report unreadable fields (the log is written asynchronously: poll for it). */
const unreadableLines = (w: WorkspaceCore) => {
  const text = readFileSync(join(w.core.logDir, 'console.log'), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { msg: string; entity?: string; id?: string | number; fields?: string[] })
    .filter((line) => line.msg.includes('could not be read'))
    .map(({ entity, id, fields }) => ({ entity, id, fields }));
};

describe('a damaged JSON cell', () => {
  it('lists every client, the damaged field marked unreadable, and logs it once with the row id', async () => {
    const w = start();
    w.damage('clients', 'phones', w.ana.id, '["+1305555');
    w.damage('clients', 'opt_outs', w.ana.id, '["fax"]'); // valid JSON, but not a channel the contract knows
    for (let i = 0; i < 3; i += 1) {
      const page = await w.api.clients.list({});
      expect(page.total).toBe(2);
      expect(page.rows.map((r) => r.firstName)).toEqual(['Ana', 'Bob']);
      expect(page.rows[0]).toMatchObject({ phones: [], emails: ['ana@example.com'], optOuts: [], unreadable: ['phones', 'optOuts'] });
      expect(page.rows[1]).toMatchObject({ phones: ['+13055550143'] });
      expect(page.rows[1]).not.toHaveProperty('unreadable');
    }
    const detail = await w.api.clients.get({ id: w.ana.id });
    expect(detail.client.unreadable).toEqual(['phones', 'optOuts']);
    expect(detail.cases.map((c) => c.id)).toEqual([w.saved.id]);
    await expect.poll(() => unreadableLines(w)).toEqual([{ entity: 'client', id: w.ana.id, fields: ['phones', 'optOuts'] }]);
  });

  it('shows a case with unreadable custom values and history, and refuses to overwrite the damaged cell', async () => {
    const w = start();
    w.damage('cases', 'custom_values', w.saved.id, '{"accident_date": 2026-11-19}');
    const change = w.core.workspace.records.history('case', w.saved.id).changes[0]!;
    w.damage('record_changes', 'changes', change.seq, 'not json', 'seq');
    w.damage('clients', 'emails', w.ana.id, 'null');
    const detail = await w.api.cases.get({ id: w.saved.id });
    expect(detail.case).toMatchObject({ name: 'Adams v. Trucking Co', customValues: {}, unreadable: ['customValues'] });
    expect(detail.clients[0]).toMatchObject({ firstName: 'Ana', emails: [], unreadable: ['emails'] });
    expect(detail.history[0]).toMatchObject({ seq: change.seq, changes: {}, unreadable: ['changes'] });

    const refused = await refusal(w.api.raw.cases.setStatus({ id: w.saved.id, status: 'Signed', expectedVersion: w.saved.version }));
    expect(refused.message).toMatch(/custom values the console can't read/);
    const edit = await refusal(w.api.raw.cases.update({ id: w.saved.id, expectedVersion: w.saved.version, name: 'Renamed' }));
    expect(edit.message).toMatch(/custom values the console can't read/);
    expect(w.cell('cases', 'custom_values', w.saved.id)).toBe('{"accident_date": 2026-11-19}');
    expect(w.cell('cases', 'name', w.saved.id)).toBe('Adams v. Trucking Co');
    await expect
      .poll(() => unreadableLines(w))
      .toEqual([
        { entity: 'case', id: w.saved.id, fields: ['customValues'] },
        { entity: 'client', id: w.ana.id, fields: ['emails'] },
        { entity: 'record change', id: change.seq, fields: ['changes'] },
      ]);
  });
});
