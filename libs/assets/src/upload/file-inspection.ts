import { fileTypeFromBuffer } from 'file-type';
import type { Metadata } from 'sharp';
import type { AssetMimeType } from '../asset-kind.js';
import { findActivePdfContent, findMarkup } from './byte-scans.js';
import { refusedFile } from './upload-errors.js';

/** What is stored of an accepted upload. */
export interface InspectedFile {
  mimeType: AssetMimeType;
  /** The bytes to store: re-encoded for images (oriented, no metadata), as sent for PDFs. */
  body: Buffer;
  width: number | null;
  height: number | null;
}

/** How much a PDF's deflated streams may expand in total while being checked: 20× the file, at most 64 MiB. */
const PDF_INFLATE_FACTOR = 20;
const PDF_INFLATE_MAX_BYTES = 64 * 1024 * 1024;

const SNIFFED: Record<string, AssetMimeType> = {
  'image/jpeg': 'image/jpeg',
  'image/png': 'image/png',
  'image/webp': 'image/webp',
  'application/pdf': 'application/pdf',
};

const SHARP_FORMAT: Record<string, 'jpeg' | 'png' | 'webp'> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
};

/**
 * Decides what an upload is from its bytes alone (never its name or declared type) and makes it
 * safe to serve, or throws BAD_USER_INPUT on `file` saying why:
 * - JPEG, PNG and WebP are decoded and re-encoded with sharp: EXIF orientation applied, every
 *   metadata block (EXIF, GPS, XMP, ICC, comments) dropped, and the declared pixel count checked
 *   against `maxPixels` before decoding (`limitInputPixels`), so a small file cannot expand into
 *   gigabytes. Images carrying markup (HTML/SVG polyglots) are refused.
 * - PDFs are stored as sent unless they name JavaScript or automatic actions.
 * - Anything else (SVG, HTML, text, archives, unknown) is refused.
 */
export async function inspectUpload(bytes: Buffer, options: { maxPixels: number }): Promise<InspectedFile> {
  if (bytes.length === 0) throw refusedFile('is empty');
  const sniffed = await fileTypeFromBuffer(bytes);
  const mimeType = sniffed ? SNIFFED[sniffed.mime] : undefined;
  if (!mimeType)
    throw refusedFile('must be a JPEG, PNG or WebP image or a PDF document (judged by its content)');

  if (mimeType === 'application/pdf') {
    const verdict = findActivePdfContent(
      bytes,
      Math.min(PDF_INFLATE_FACTOR * bytes.length, PDF_INFLATE_MAX_BYTES),
    );
    if (verdict && 'active' in verdict)
      throw refusedFile(
        `is a PDF with active content (/${verdict.active}); export it again without scripts or actions`,
      );
    if (verdict) throw refusedFile('is a PDF whose compressed content expands too much to be checked');
    return { mimeType, body: bytes, width: null, height: null };
  }

  const markup = findMarkup(bytes);
  if (markup)
    throw refusedFile(`is an image that also carries markup (${markup}); save it again with an image editor`);

  // Imported on first use: sharp (libvips, ~32 MB of RSS) stays out of an API that is never sent an image.
  const { default: sharp } = await import('sharp');
  let meta: Metadata;
  try {
    // Reads the header only (no pixel is decoded), so the declared size can be judged here.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw refusedFile('is not a readable image');
  }
  if (meta.format !== SHARP_FORMAT[mimeType]) throw refusedFile('is not a readable image');
  if (!meta.width || !meta.height) throw refusedFile('is not a readable image');
  if (meta.width * meta.height > options.maxPixels)
    throw refusedFile(`has more than ${options.maxPixels} pixels (${meta.width}×${meta.height})`);

  try {
    const pipeline = sharp(bytes, { limitInputPixels: options.maxPixels, failOn: 'error' }).rotate();
    const encoded =
      mimeType === 'image/jpeg'
        ? pipeline.jpeg({ quality: 88, mozjpeg: true })
        : mimeType === 'image/png'
          ? pipeline.png({ compressionLevel: 8 })
          : pipeline.webp({ quality: 88 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { mimeType, body: data, width: info.width, height: info.height };
  } catch {
    throw refusedFile('is not a readable image');
  }
}
