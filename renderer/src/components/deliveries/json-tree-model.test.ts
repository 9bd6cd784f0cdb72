// The payload tree: searching by key or value opens exactly the path to each match; previews and highlights.
import { describe, expect, it } from 'vitest';
import { childPath, containerPaths, preview, searchJson, splitMatches } from './json-tree-model';

const envelope = {
  id: 'evt_1',
  type: 'call_analyzed',
  data: {
    summary: 'Caller was rear-ended',
    transcript: [
      { speaker: 'agent', text: 'How can I help?' },
      { speaker: 'caller', text: 'I was REAR-ENDED last week.' },
    ],
    'post-call': { injured: true },
  },
};

describe('the payload tree', () => {
  it('finds a search in keys and values, case-insensitively, and opens only the way to each match', () => {
    const { matched, open } = searchJson(envelope, 'rear-ended');
    expect([...matched]).toEqual(['$.data.summary', '$.data.transcript[1].text']);
    expect([...open].sort()).toEqual(['$', '$.data', '$.data.transcript', '$.data.transcript[1]'].sort());

    const byKey = searchJson(envelope, 'injured');
    expect([...byKey.matched]).toEqual(['$.data["post-call"].injured']);
    expect(searchJson(envelope, 'true').matched).toEqual(new Set(['$.data["post-call"].injured']));
    expect(searchJson(envelope, '   ').matched.size).toBe(0);
    expect(searchJson(envelope, 'nowhere').open.size).toBe(0);
  });

  it('names paths, previews collapsed nodes and lists every container', () => {
    expect(childPath('$', 'data')).toBe('$.data');
    expect(childPath('$.data', 0)).toBe('$.data[0]');
    expect(childPath('$', 'post-call')).toBe('$["post-call"]');
    expect(preview(envelope.data.transcript)).toBe('[ 2 items ]');
    expect(preview({ a: 1 })).toBe('{ 1 key }');
    expect(containerPaths(envelope)).toEqual(['$', '$.data', '$.data.transcript', '$.data.transcript[0]', '$.data.transcript[1]', '$.data["post-call"]']);
  });

  it('splits text around every match for highlighting', () => {
    expect(splitMatches('Rear-ended, rear-ended', 'REAR')).toEqual(['', 'Rear', '-ended, ', 'rear', '-ended']);
    expect(splitMatches('abc', '')).toEqual(['abc']);
  });
});
