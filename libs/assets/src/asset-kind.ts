/**
 * What an asset is attached as. The kind decides whether the file becomes public (anyone may
 * fetch it) and which file types it may be.
 */
export enum AssetKind {
  PRODUCT_IMAGE = 'PRODUCT_IMAGE',
  CERTIFICATION_DOCUMENT = 'CERTIFICATION_DOCUMENT',
  COOPERATIVE_DOCUMENT = 'COOPERATIVE_DOCUMENT',
  BRAND_LOGO = 'BRAND_LOGO',
  BRAND_BANNER = 'BRAND_BANNER',
}

/** The kinds shown on public pages: attaching an asset as one of them makes it public. */
export const PUBLIC_ASSET_KINDS: ReadonlySet<AssetKind> = new Set([
  AssetKind.PRODUCT_IMAGE,
  AssetKind.BRAND_LOGO,
  AssetKind.BRAND_BANNER,
]);

/** The kinds that must be images (documents may also be PDFs). */
export const IMAGE_ASSET_KINDS: ReadonlySet<AssetKind> = PUBLIC_ASSET_KINDS;

/** The file types accepted, identified by their bytes. */
export const ASSET_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type AssetMimeType = (typeof ASSET_MIME_TYPES)[number];

export function isImageMimeType(mimeType: string): boolean {
  return mimeType.startsWith('image/');
}

/** The resized copies of an image, WebP, fitted inside a square of `size` pixels (never enlarged). */
export const ASSET_VARIANTS = { thumbnail: 200, medium: 800, large: 1600 } as const;
export type AssetVariant = keyof typeof ASSET_VARIANTS;

export function isAssetVariant(value: unknown): value is AssetVariant {
  return typeof value === 'string' && Object.hasOwn(ASSET_VARIANTS, value);
}
