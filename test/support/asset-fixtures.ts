import http from 'node:http';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import type { TestApi } from './test-api.js';

/** What POST /assets answers (the contract's JSON), or its errors. */
export interface UploadResponse {
  status: number;
  body: {
    id?: string;
    url?: string;
    mimeType?: string;
    width?: number | null;
    height?: number | null;
    byteSize?: number;
    errors?: { message: string; extensions: { code: string; fields?: { field: string }[] } }[];
  };
}

/** Uploads bytes as multipart/form-data over real HTTP (fetch's FormData), under any name and declared type. */
export async function upload(
  t: TestApi,
  bytes: Uint8Array,
  options: { token?: string; filename?: string; type?: string; field?: string } = {},
): Promise<UploadResponse> {
  const form = new FormData();
  form.append(
    options.field ?? 'file',
    new Blob([bytes], { type: options.type ?? 'application/octet-stream' }),
    options.filename ?? 'upload.bin',
  );
  const response = await fetch(`${t.url}/assets`, {
    method: 'POST',
    body: form,
    headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
  });
  return { status: response.status, body: (await response.json()) as UploadResponse['body'] };
}

/** The error code of a refused upload. */
export function errorCode(response: UploadResponse): string | undefined {
  return response.body.errors?.[0]?.extensions.code;
}

/** The storage key of an asset URL (…/assets/<key>). */
export function keyOf(url: string): string {
  return new URL(url).pathname.split('/').pop()!;
}

/** GETs an asset path (…/assets/<key>?variant=…) with an optional token. */
export async function fetchAsset(t: TestApi, path: string, token?: string) {
  const response = await fetch(`${t.url}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

function solid(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: { r: 180, g: 90, b: 40 } } });
}

/** A landscape JPEG (40×20 stored) whose EXIF says "rotate 90°" and carries an artist and GPS position. */
export function jpegWithExif(): Promise<Buffer> {
  return solid(40, 20)
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Artist: 'Fatima Zahra' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '33/1 35/1 0/1',
        GPSLongitudeRef: 'W',
        GPSLongitude: '7/1 36/1 0/1',
      },
    })
    .toBuffer();
}

export function png(width = 64, height = 48): Promise<Buffer> {
  return solid(width, height).png().toBuffer();
}

export function webp(width = 64, height = 48): Promise<Buffer> {
  return solid(width, height).webp().toBuffer();
}

/** A large JPEG (for variants): 2400×1600. */
export function bigJpeg(): Promise<Buffer> {
  return solid(2400, 1600).jpeg().toBuffer();
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A decompression bomb made cheaply: a valid 20,000×20,000 1-bit grey PNG (400 million pixels)
 * whose image data is zeros, so the file is a few tens of kilobytes.
 */
export function pngBomb(side = 20_000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  const rowBytes = 1 + Math.ceil(side / 8); // filter byte + packed pixels
  const data = deflateSync(Buffer.alloc(rowBytes * side), { level: 9 });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', data),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A small well-formed PDF; `extra` goes into the catalog dictionary. */
export function pdf(extra = ''): Buffer {
  return Buffer.from(
    [
      '%PDF-1.4',
      `1 0 obj << /Type /Catalog /Pages 2 0 R ${extra} >> endobj`,
      '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
      'trailer << /Root 1 0 R >>',
      '%%EOF',
      '',
    ].join('\n'),
    'latin1',
  );
}

/**
 * Streams a multipart upload of `totalBytes` over a raw HTTP request (chunked, no Content-Length,
 * honouring back-pressure) and stops writing as soon as the server answers. Answers the status
 * and how many file bytes had been written when the answer came.
 */
export function streamUpload(
  t: TestApi,
  token: string,
  totalBytes: number,
  options: { declareLength?: boolean } = {},
): Promise<{ status: number; written: number; body: string }> {
  const boundary = 'taawoun-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunk = Buffer.alloc(64 * 1024, 0xab);
  const url = new URL(`${t.url}/assets`);
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const request = http.request({
      host: url.hostname,
      port: url.port,
      path: '/assets',
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        ...(options.declareLength
          ? { 'content-length': String(head.length + totalBytes + tail.length) }
          : {}),
      },
    });
    request.on('response', (response) => {
      answered = true;
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, written, body: Buffer.concat(parts).toString() }),
      );
    });
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      while (!answered && written < totalBytes) {
        const piece = chunk.subarray(0, Math.min(chunk.length, totalBytes - written));
        written += piece.length;
        if (!request.write(piece)) {
          request.once('drain', pump);
          return;
        }
      }
      if (!answered) request.end(tail);
    };
    request.write(head);
    pump();
  });
}
