import { createHash } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { AssetFilesService } from '@taawoun/assets';
import { BrandKitService } from '@taawoun/branding';
import { CooperativeRepository, CooperativeStatus } from '@taawoun/cooperatives';
import { CooperativeRole } from '@taawoun/core';
import { normaliseEmail, UserRepository } from '@taawoun/identity';
import sharp from 'sharp';
import type { DemoData } from './demo-data.js';
import { actorOf, contextOf } from './importer.js';

/** A colour of the demo palette as `#RRGGBB` and as sharp's RGB. */
interface Colour {
  hex: string;
  rgb: { r: number; g: number; b: number };
}

/** Earthy colours of Moroccan crafts; a cooperative's key picks two, so a rerun draws the same kit. */
const PALETTE = ['#B5542D', '#C8A24B', '#2F6F5E', '#1F4E79', '#7A3E65', '#8C6A3F', '#3E7C3A', '#A23B3B'].map(
  (hex): Colour => ({
    hex,
    rgb: {
      r: parseInt(hex.slice(1, 3), 16),
      g: parseInt(hex.slice(3, 5), 16),
      b: parseInt(hex.slice(5, 7), 16),
    },
  }),
);

function coloursOf(key: string): [Colour, Colour] {
  const digest = createHash('sha256').update(key).digest();
  const first = digest[0] % PALETTE.length;
  const second = (first + 1 + (digest[1] % (PALETTE.length - 1))) % PALETTE.length;
  return [PALETTE[first], PALETTE[second]];
}

/** A 512×512 PNG logo: a disc of the secondary colour with a ring, on the primary colour. Drawn, never downloaded. */
function drawLogo(primary: Colour, secondary: Colour): Promise<Buffer> {
  const size = 512;
  const shapes = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">
      <circle cx="256" cy="256" r="180" fill="${secondary.hex}"/>
      <circle cx="256" cy="256" r="120" fill="none" stroke="#FFFFFF" stroke-width="18"/>
      <rect x="226" y="136" width="60" height="240" rx="30" fill="#FFFFFF"/>
    </svg>`,
  );
  return sharp({ create: { width: size, height: size, channels: 3, background: primary.rgb } })
    .composite([{ input: shapes }])
    .png()
    .toBuffer();
}

/** A 1600×400 WebP banner: stripes of the two colours. */
function drawBanner(primary: Colour, secondary: Colour): Promise<Buffer> {
  const stripes = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="400">
      ${Array.from({ length: 8 }, (_, i) => `<rect x="${i * 200 + 40}" y="0" width="80" height="400" fill="${secondary.hex}"/>`).join('')}
    </svg>`,
  );
  return sharp({ create: { width: 1600, height: 400, channels: 3, background: primary.rgb } })
    .composite([{ input: stripes }])
    .webp()
    .toBuffer();
}

/**
 * Demo brand kits: for every APPROVED demo cooperative without one, its OWNER uploads a drawn logo
 * and banner (through the assets lib's upload path: inspection, re-encoding, variants job) and
 * sets its kit with `BrandKitService.update`, the service behind `updateBrandKit`. A second run
 * creates nothing. Answers how many kits it created.
 */
export class BrandKitImporter {
  private readonly files: AssetFilesService;
  private readonly kits: BrandKitService;
  private readonly cooperatives: CooperativeRepository;
  private readonly users: UserRepository;

  constructor(app: INestApplicationContext) {
    this.files = app.get(AssetFilesService);
    this.kits = app.get(BrandKitService);
    this.cooperatives = app.get(CooperativeRepository);
    this.users = app.get(UserRepository);
  }

  async importAll(data: DemoData): Promise<number> {
    let created = 0;
    for (const c of data.cooperatives) {
      const row = await this.cooperatives.firstByRegistrationNumber(c.registrationNumber);
      const owner = c.members.find((m) => m.role === 'OWNER');
      if (!row || row.status !== CooperativeStatus.APPROVED || !owner) continue;
      const ownerRow = await this.users.findByEmail(normaliseEmail(owner.email));
      if (!ownerRow) continue;
      const actor = actorOf(ownerRow.id, [], [[row.id, CooperativeRole.OWNER]]);
      if (await this.kits.forCooperative(contextOf(actor), row.id)) continue;
      const [primary, secondary] = coloursOf(c.key);
      const logo = await this.files.upload(actor, await drawLogo(primary, secondary));
      const banner = await this.files.upload(actor, await drawBanner(primary, secondary));
      await this.kits.update(contextOf(actor), row.id, {
        logoAssetId: logo.id,
        bannerAssetId: banner.id,
        primaryColor: primary.hex,
        secondaryColor: secondary.hex,
        tagline: c.name,
      });
      created += 1;
    }
    return created;
  }
}
