import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8Offset, JsonBodyError, parseJsonBody } from './strict-json-body';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));
const problemOf = (body: Buffer) => {
  try {
    parseJsonBody(body);
  } catch (error) {
    if (error instanceof JsonBodyError) return error.problem;
    throw error;
  }
  return undefined;
};

describe('strict JSON bodies', () => {
  it('reads well-formed UTF-8 unchanged, with or without a byte order mark', () => {
    const text = '{"name":"José Ñúñez — 東京 🙂"}';
    expect(parseJsonBody(Buffer.from(text))).toEqual({ name: 'José Ñúñez — 東京 🙂' });
    expect(parseJsonBody(bytes([0xef, 0xbb, 0xbf], text))).toEqual({ name: 'José Ñúñez — 東京 🙂' });
  });

  it('names the byte offset of the first byte that is not UTF-8', () => {
    expect(problemOf(bytes('{"a":"', [0xff, 0xfe], '"}'))).toEqual({ kind: 'encoding', offset: 6, bytes: '0xff 0xfe 0x22 0x7d' });
    expect(problemOf(bytes('{"a":"é', [0xc3, 0x28], '"}'))).toMatchObject({ kind: 'encoding', offset: 8 });
    // Overlong forms, surrogates and truncated sequences are not UTF-8 either.
    expect(firstInvalidUtf8Offset(bytes('ab', [0xc0, 0xaf]))).toBe(2);
    expect(firstInvalidUtf8Offset(bytes('a', [0xed, 0xa0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8Offset(bytes('abc', [0xe2, 0x82]))).toBe(3);
    expect(firstInvalidUtf8Offset(bytes('a', [0xf4, 0x90, 0x80, 0x80]))).toBe(1);
    expect(firstInvalidUtf8Offset(Buffer.from('ok € 𝄞'))).toBe(-1);
  });

  it('names every key that would change a prototype by its path, escaped spellings included', () => {
    expect(problemOf(Buffer.from('{"a":[{"b":1},{"__proto__":{"x":1}}],"constructor":{"prototype":{}}}'))).toEqual({
      kind: 'prototype',
      keys: [
        { path: ['a', 1, '__proto__'], key: '__proto__' },
        { path: ['constructor'], key: 'constructor' },
      ],
    });
    expect(problemOf(Buffer.from('{"\\u005f_proto__":{}}'))).toEqual({ kind: 'prototype', keys: [{ path: ['__proto__'], key: '__proto__' }] });
    // "constructor" as plain data is fine: only one holding "prototype" is refused.
    expect(parseJsonBody(Buffer.from('{"constructor":"Acme Builders"}'))).toEqual({ constructor: 'Acme Builders' });
  });

  it('tells an empty body from malformed JSON', () => {
    expect(problemOf(Buffer.alloc(0))).toEqual({ kind: 'empty' });
    expect(problemOf(Buffer.from('{"a": '))).toMatchObject({ kind: 'syntax', detail: expect.stringContaining('JSON') });
  });
});
