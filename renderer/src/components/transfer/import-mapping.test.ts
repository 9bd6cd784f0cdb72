import { describe, expect, it } from 'vitest';
import type { ImportInspection, ImportTarget } from '../../../../shared/contract/transfer';
import { initialMapping, isUsable, mappingProblems, needsExternalSource } from './import-mapping';

const t = (field: string, label: string, extra: Partial<ImportTarget> = {}): ImportTarget => ({ field, label, required: false, multiple: false, hint: '', ...extra });

const CASE_TARGETS = [
  t('externalId', 'External ID'),
  t('externalSource', 'External source'),
  t('caseNumber', 'Case number'),
  t('name', 'Case name', { required: true }),
  t('caseType', 'Case type', { required: true }),
  t('status', 'Status', { required: true }),
  t('clientExternalId', 'Client external IDs'),
];
const CLIENT_TARGETS = [t('externalId', 'External ID', { required: true }), t('firstName', 'First name', { required: true }), t('phone', 'Phone', { multiple: true })];

const inspection = (over: Partial<ImportInspection>): ImportInspection => ({
  columns: ['Case ID', 'Case Name', 'Type', 'Status'],
  sampleRows: [],
  rowCount: 3,
  suggestedMapping: { 'Case ID': 'externalId', 'Case Name': 'name', Type: 'caseType', Status: 'status' },
  targets: CASE_TARGETS,
  ...over,
});

describe('initialMapping', () => {
  it('starts from the suggestion when this file layout was never imported', () => {
    const { mapping, origin } = initialMapping(inspection({}));
    expect(origin).toBe('suggested');
    expect(mapping).toEqual({ 'Case ID': 'externalId', 'Case Name': 'name', Type: 'caseType', Status: 'status' });
  });

  it('prefers the mapping remembered from the last import of the same layout', () => {
    const remembered = { 'Case ID': 'caseNumber', 'Case Name': 'name', Type: 'caseType', Status: 'status' };
    const { mapping, origin } = initialMapping(inspection({ rememberedMapping: remembered }));
    expect(origin).toBe('remembered');
    expect(mapping['Case ID']).toBe('caseNumber');
  });

  it('drops fields that no longer exist and falls back to the suggestion when nothing remembered is left', () => {
    const { mapping, origin } = initialMapping(inspection({ rememberedMapping: { 'Case ID': 'custom.gone', 'Case Name': null } }));
    expect(origin).toBe('suggested');
    expect(mapping['Case ID']).toBe('externalId');
    // Every column of the file has an entry, even those neither mapping mentions.
    expect(Object.keys(mapping)).toEqual(['Case ID', 'Case Name', 'Type', 'Status']);
  });
});

describe('mappingProblems', () => {
  const columns = ['Case ID', 'Case Name', 'Type', 'Status'];

  it('has nothing to say about a complete mapping', () => {
    const problems = mappingProblems('cases', columns, CASE_TARGETS, { 'Case ID': 'externalId', 'Case Name': 'name', Type: 'caseType', Status: 'status' });
    expect(problems).toEqual({ columns: {}, general: [] });
    expect(isUsable(problems)).toBe(true);
  });

  it('names every required field nobody maps, and asks for a way to find cases again', () => {
    const problems = mappingProblems('cases', columns, CASE_TARGETS, { 'Case ID': null, 'Case Name': 'name', Type: null, Status: null });
    expect(problems.general).toEqual([
      'Map a column to Case type and Status (required).',
      expect.stringContaining('External ID or Case number'),
    ]);
    expect(isUsable(problems)).toBe(false);
  });

  it('flags the second column mapped to a single-valued field, under that column', () => {
    const problems = mappingProblems('cases', columns, CASE_TARGETS, { 'Case ID': 'externalId', 'Case Name': 'name', Type: 'name', Status: 'status' });
    expect(problems.columns).toEqual({ Type: expect.stringContaining('Case name is already mapped from "Case Name"') });
  });

  it('lets several columns feed a field that takes several values', () => {
    const problems = mappingProblems('clients', ['Id', 'First', 'Home', 'Work'], CLIENT_TARGETS, { Id: 'externalId', First: 'firstName', Home: 'phone', Work: 'phone' });
    expect(isUsable(problems)).toBe(true);
  });
});

describe('needsExternalSource', () => {
  it('asks for the source only when external ids are mapped and their source is not', () => {
    expect(needsExternalSource({ a: 'externalId', b: 'name' })).toBe(true);
    expect(needsExternalSource({ a: 'clientExternalId' })).toBe(true);
    expect(needsExternalSource({ a: 'externalId', b: 'externalSource' })).toBe(false);
    expect(needsExternalSource({ a: 'caseNumber', b: 'name' })).toBe(false);
  });
});
