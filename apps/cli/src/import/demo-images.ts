import { createHash } from 'node:crypto';
import sharp from 'sharp';

/** Colour pairs of Moroccan crafts and produce (saffron, argan, indigo, clay, mint, rose). */
const PALETTES = [
  ['#c1440e', '#f2a541'],
  ['#6b4226', '#d9b38c'],
  ['#1f3a93', '#8fb3ff'],
  ['#a0522d', '#f4d1ae'],
  ['#2e7d32', '#b9f6ca'],
  ['#ad1457', '#f8bbd0'],
] as const;

/**
 * A demo product photo drawn from `seed` (the same seed gives the same picture): a gradient, a
 * sun and a few hills as an 800×600 JPEG. Made here with sharp, never downloaded.
 */
export function demoProductPhoto(seed: string): Promise<Buffer> {
  const hash = createHash('sha256').update(seed).digest();
  const [dark, light] = PALETTES[hash[0] % PALETTES.length];
  const sunX = 150 + (hash[1] % 500);
  const sunY = 100 + (hash[2] % 150);
  const hill = (i: number) => 330 + (hash[3 + i] % 140);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600">
    <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${light}"/><stop offset="1" stop-color="${dark}"/></linearGradient></defs>
    <rect width="800" height="600" fill="url(#g)"/>
    <circle cx="${sunX}" cy="${sunY}" r="${50 + (hash[8] % 40)}" fill="#fff8e1" opacity="0.85"/>
    <path d="M0 600 L0 ${hill(0)} Q200 ${hill(1) - 80} 400 ${hill(2)} T800 ${hill(3)} L800 600 Z" fill="${dark}" opacity="0.9"/>
    <path d="M0 600 L0 ${hill(4) + 60} Q300 ${hill(1)} 800 ${hill(2) + 80} L800 600 Z" fill="#000" opacity="0.25"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
}
