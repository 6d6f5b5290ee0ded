import { deflateSync } from 'node:zlib';
import { findActivePdfContent, findActivePdfName, findMarkup } from './byte-scans.js';

const bytes = (text: string) => Buffer.from(text, 'latin1');

describe('findMarkup', () => {
  it.each(['<html>', '<SCRIPT src=x>', '<Svg onload=x>', '<!DocType html>', '<?xml version="1.0"?>'])(
    'finds %s in any case',
    (markup) => {
      expect(findMarkup(Buffer.concat([Buffer.from([0xff, 0xd8, 0x3c]), bytes(markup)]))).not.toBeNull();
    },
  );

  it('ignores a lone "<" and markers cut by the end of the data', () => {
    expect(findMarkup(bytes('a < b <scr'))).toBeNull();
    expect(findMarkup(bytes('<'.repeat(10_000)))).toBeNull();
  });
});

describe('findActivePdfName', () => {
  it.each([
    ['/JavaScript (x)', 'JavaScript'],
    ['/JS(app.alert(1))', 'JS'],
    ['/J#61vaScript', 'JavaScript'],
    ['/#4A#53 (x)', 'JS'],
    ['<</OpenAction 3 0 R>>', 'OpenAction'],
    ['/AA<<>>', 'AA'],
    ['/Launch', 'Launch'],
  ])('finds %s', (text, name) => {
    expect(findActivePdfName(bytes(`%PDF-1.7 ${text}`))).toBe(name);
  });

  it('ignores names that only start or end like an active one', () => {
    expect(findActivePdfName(bytes('/JSON /AAA /JavaScripts /OpenActionX /Type /Catalog /MJS'))).toBeNull();
    expect(findActivePdfName(bytes('/'.repeat(10_000)))).toBeNull();
  });
});

describe('findActivePdfContent', () => {
  const withStream = (content: Buffer) =>
    Buffer.concat([
      bytes('%PDF-1.7\n4 0 obj << /Type /ObjStm /Filter /FlateDecode >>\nstream\r\n'),
      content,
      bytes('\nendstream\nendobj\n'),
    ]);

  it('finds active names hidden in deflated object streams', () => {
    expect(
      findActivePdfContent(withStream(deflateSync(bytes('<< /S /JavaScript /JS (x) >>'))), 1_000_000),
    ).toEqual({
      active: 'JavaScript',
    });
  });

  it('passes clean streams and streams that are not deflated', () => {
    expect(
      findActivePdfContent(withStream(deflateSync(bytes('BT /F1 12 Tf (Bonjour) Tj ET'))), 1_000_000),
    ).toBeNull();
    expect(
      findActivePdfContent(withStream(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])), 1_000_000),
    ).toBeNull();
  });

  it('refuses streams that expand past the budget instead of checking them partly', () => {
    expect(findActivePdfContent(withStream(deflateSync(Buffer.alloc(2_000_000))), 1_000_000)).toEqual({
      tooDeep: true,
    });
  });
});
