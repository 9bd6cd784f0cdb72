// Case types with their ordered statuses and custom fields, kept in memory (they are few and read on every
// case write) and reloaded whenever one changes.
import type Database from 'better-sqlite3';
import { caseTypeInputSchema, type CaseType, type CaseTypeInput } from '../../../shared/domain/workspace';
import { AppError } from '../../../shared/result';
import { ulidIds, type Clock, type IdGenerator } from '../../kernel';
import { writeTransaction } from '../../db';

export interface CaseTypeCatalog {
  list(): CaseType[];
  get(id: string): CaseType | undefined;
  /** Case-insensitive lookup by name. */
  byName(name: string): CaseType | undefined;
  create(input: CaseTypeInput, options?: { isDemo?: boolean }): CaseType;
  reload(): void;
}

interface Row {
  id: string;
  name: string;
  is_demo: number;
}

export function createCaseTypeCatalog(sqlite: Database.Database, clock: Clock, ids: IdGenerator = ulidIds): CaseTypeCatalog {
  let byId = new Map<string, CaseType>();
  let byLowerName = new Map<string, CaseType>();

  const load = () => {
    const types = sqlite.prepare('SELECT id, name, is_demo FROM case_types ORDER BY name').all() as Row[];
    const statuses = sqlite.prepare('SELECT id, case_type_id, name, position FROM case_statuses ORDER BY position').all() as {
      id: string;
      case_type_id: string;
      name: string;
      position: number;
    }[];
    const fields = sqlite
      .prepare('SELECT id, case_type_id, key, label, type, options, position FROM custom_fields ORDER BY position')
      .all() as { id: string; case_type_id: string; key: string; label: string; type: CaseType['fields'][number]['type']; options: string; position: number }[];
    byId = new Map(
      types.map((t) => [
        t.id,
        {
          id: t.id,
          name: t.name,
          isDemo: t.is_demo === 1,
          statuses: statuses.filter((s) => s.case_type_id === t.id).map(({ id, name, position }) => ({ id, name, position })),
          fields: fields
            .filter((f) => f.case_type_id === t.id)
            .map(({ id, key, label, type, options, position }) => ({ id, key, label, type, options: JSON.parse(options) as string[], position })),
        },
      ]),
    );
    byLowerName = new Map([...byId.values()].map((t) => [t.name.toLowerCase(), t]));
  };
  load();

  return {
    list: () => [...byId.values()],
    get: (id) => byId.get(id),
    byName: (name) => byLowerName.get(name.trim().toLowerCase()),
    reload: load,
    create(raw, { isDemo = false } = {}) {
      const input = caseTypeInputSchema.parse(raw);
      if (byLowerName.has(input.name.toLowerCase())) {
        throw new AppError('CONFLICT', `A case type named "${input.name}" already exists.`, { issues: [{ path: 'name', message: 'already exists' }] });
      }
      const id = ids.next();
      writeTransaction(sqlite, () => {
        sqlite.prepare('INSERT INTO case_types (id, name, created_at, is_demo) VALUES (?, ?, ?, ?)').run(id, input.name, clock.now().toISOString(), isDemo ? 1 : 0);
        const status = sqlite.prepare('INSERT INTO case_statuses (id, case_type_id, name, position) VALUES (?, ?, ?, ?)');
        input.statuses.forEach((name, i) => status.run(ids.next(), id, name, i));
        const field = sqlite.prepare('INSERT INTO custom_fields (id, case_type_id, key, label, type, options, position) VALUES (?, ?, ?, ?, ?, ?, ?)');
        input.fields.forEach((f, i) => field.run(ids.next(), id, f.key, f.label, f.type, JSON.stringify(f.options), i));
      });
      load();
      return byId.get(id)!;
    },
  };
}
