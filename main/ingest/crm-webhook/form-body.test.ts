// URL-encoded forms read as browsers and LawRuler write them ('+' is a space, %XX are UTF-8 bytes), strictly: text
// that is not UTF-8 is refused naming the field, and a field named like a prototype key is just a field.
import { describe, expect, it } from 'vitest';
import { FormBodyError, parseMultipart, parseUrlEncoded } from './form-body';

const form = (text: string) => parseUrlEncoded(Buffer.from(text, 'latin1'));

describe('parseUrlEncoded', () => {
  it("decodes '+', percent escapes and UTF-8, keeps a bad escape as written, and keeps the first of a repeated name", () => {
    expect(form('Lead+ID=1042&Full%20Name=Ana+Garc%C3%ADa&Note=100%+sure&Lead+ID=9&&flag')).toEqual({ 'Lead ID': '1042', 'Full Name': 'Ana García', Note: '100% sure', flag: '' });
  });

  it('refuses text that is not UTF-8, naming the field', () => {
    expect(() => form('Last+Name=Garc%EDa')).toThrow(new FormBodyError('The form field "Last Name" is not UTF-8 text. Send the form encoded as UTF-8.', 'Last Name'));
    expect(() => form('a=1&%FF=2')).toThrow(/name of form field 2 is not UTF-8/);
  });

  it('keeps __proto__ and constructor as own fields without touching prototypes', () => {
    const fields = form('__proto__=x&constructor=y');
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(Object.keys(fields)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('parseMultipart', () => {
  it('reads text fields and refuses a file', async () => {
    const data = new FormData();
    data.append('Lead ID', '1042');
    const request = new Request('http://x/', { method: 'POST', body: data });
    const type = request.headers.get('content-type')!;
    expect(await parseMultipart(new Uint8Array(await request.arrayBuffer()), type)).toEqual({ 'Lead ID': '1042' });

    data.append('upload', new Blob(['x']), 'a.txt');
    const withFile = new Request('http://x/', { method: 'POST', body: data });
    await expect(parseMultipart(new Uint8Array(await withFile.arrayBuffer()), withFile.headers.get('content-type')!)).rejects.toThrow(/"upload" is a file/);
  });
});
