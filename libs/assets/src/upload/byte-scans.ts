/**
 * Linear scans over uploaded bytes: each position is looked at a bounded number of times (the
 * longest marker), so the cost is O(bytes), with no regular expression over client data.
 */

const LOWER = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

/** Markup that makes a browser (or a careless proxy) treat bytes as a page: refused inside images. */
const MARKUP_MARKERS = [
  '<html',
  '<script',
  '<svg',
  '<!doctype',
  '<iframe',
  '<object',
  '<embed',
  '<body',
  '<?xml',
].map((marker) => Buffer.from(marker, 'latin1'));

/**
 * The first markup marker found (case-insensitive), or null. Used on images: a JPEG that also
 * parses as HTML (a polyglot) is refused, even though re-encoding would drop the payload.
 */
export function findMarkup(bytes: Uint8Array): string | null {
  const end = bytes.length;
  for (let i = bytes.indexOf(60); i !== -1 && i < end; i = bytes.indexOf(60, i + 1)) {
    for (const marker of MARKUP_MARKERS) {
      if (i + marker.length > end) continue;
      let match = true;
      for (let j = 1; j < marker.length; j++) {
        if (LOWER(bytes[i + j]) !== marker[j]) {
          match = false;
          break;
        }
      }
      if (match) return marker.toString('latin1');
    }
  }
  return null;
}

/** PDF names that run code or act on opening: a PDF naming any of them is refused. */
const ACTIVE_PDF_NAMES = new Set([
  'JS',
  'JavaScript',
  'OpenAction',
  'AA',
  'Launch',
  'RichMedia',
  'EmbeddedFile',
]);
const LONGEST_ACTIVE_NAME = Math.max(...[...ACTIVE_PDF_NAMES].map((name) => name.length));

/** PDF delimiters and white space end a name (ISO 32000-1, 7.2.2 and 7.3.5). */
function endsName(c: number): boolean {
  return (
    c === 0 ||
    c === 9 ||
    c === 10 ||
    c === 12 ||
    c === 13 ||
    c === 32 || // white space
    c === 40 ||
    c === 41 ||
    c === 60 ||
    c === 62 ||
    c === 91 ||
    c === 93 || // ( ) < > [ ]
    c === 123 ||
    c === 125 ||
    c === 47 ||
    c === 37 // { } / %
  );
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = LOWER(c);
  if (l >= 97 && l <= 102) return l - 87;
  return -1;
}

/**
 * The first active name (`/JS`, `/JavaScript`, `/OpenAction`, `/AA`, ...) in a PDF's bytes, or null.
 * Names are decoded (`/J#61vaScript` is `/JavaScript`), each read once up to the next delimiter; a
 * name longer than the longest active one stops being collected, so the work stays linear.
 * Names inside compressed object streams are not seen: see the notes on this limit.
 */
export function findActivePdfName(bytes: Uint8Array): string | null {
  const end = bytes.length;
  let i = bytes.indexOf(47);
  while (i !== -1 && i < end) {
    let name = '';
    let tooLong = false;
    let j = i + 1;
    while (j < end && !endsName(bytes[j])) {
      let c = bytes[j];
      if (c === 35 && j + 2 < end) {
        const high = hexValue(bytes[j + 1]);
        const low = hexValue(bytes[j + 2]);
        if (high >= 0 && low >= 0) {
          c = high * 16 + low;
          j += 2;
        }
      }
      if (!tooLong) {
        if (name.length >= LONGEST_ACTIVE_NAME) tooLong = true;
        else name += String.fromCharCode(c);
      }
      j++;
    }
    if (!tooLong && ACTIVE_PDF_NAMES.has(name)) return name;
    i = j < end && bytes[j] === 47 ? j : bytes.indexOf(47, j);
  }
  return null;
}
