import { slugify } from '@taawoun/core';
import type { DataSource } from 'typeorm';
import type { Seeder } from './seeder.js';

type Lang3 = readonly [fr: string, ar: string, en: string];
type CertType = 'FOOD_SAFETY_AUTHORIZATION' | 'NATIONAL_STANDARD' | 'ORGANIC' | 'GEOGRAPHICAL_INDICATION';

interface DemoCertification {
  key: string;
  cooperative: string;
  type: CertType;
  reference: string;
  issuedOn: string;
  expiresOn: string | null;
  verified: boolean;
}

interface DemoProduct {
  cooperative: string;
  category: string;
  name: Lang3;
  description: Lang3;
  /** Option name, then one [value, price in centimes, stock] per variant. */
  option: string;
  variants: readonly (readonly [value: string, price: number, stock: number])[];
  certifications?: readonly string[];
  draft?: boolean;
}

/** Certificates of the demo cooperatives: valid, expired, expiring soon and one awaiting an admin. */
const CERTIFICATIONS: DemoCertification[] = [
  {
    key: 'safwat-onssa',
    cooperative: 'safwat-ibdaa-bladi',
    type: 'FOOD_SAFETY_AUTHORIZATION',
    reference: 'ONSSA-AUT-12.06.2019.0451',
    issuedOn: '2019-06-12',
    expiresOn: '2029-06-11',
    verified: true,
  },
  {
    key: 'safwat-onssa-jelly',
    cooperative: 'safwat-ibdaa-bladi',
    type: 'FOOD_SAFETY_AUTHORIZATION',
    reference: 'ONSSA-AGR-03.2021.0117',
    issuedOn: '2021-03-01',
    expiresOn: '2025-02-28',
    verified: true,
  },
  {
    key: 'manal-imanor',
    cooperative: 'al-manal',
    type: 'NATIONAL_STANDARD',
    reference: 'IMANOR NM ISO 21.5.200',
    issuedOn: '2020-05-04',
    expiresOn: '2028-05-03',
    verified: true,
  },
  {
    key: 'manal-imanor-gowns',
    cooperative: 'al-manal',
    type: 'NATIONAL_STANDARD',
    reference: 'IMANOR NM 21.5.210',
    issuedOn: '2020-06-15',
    expiresOn: '2024-06-14',
    verified: true,
  },
  {
    key: 'tighanimine-organic',
    cooperative: 'tighanimine',
    type: 'ORGANIC',
    reference: 'ECOCERT MA-BIO-154-8832',
    issuedOn: '2023-01-10',
    expiresOn: '2027-01-09',
    verified: true,
  },
  {
    key: 'tighanimine-igp',
    cooperative: 'tighanimine',
    type: 'GEOGRAPHICAL_INDICATION',
    reference: 'IGP Argane 01/2009',
    issuedOn: '2009-10-01',
    expiresOn: null,
    verified: true,
  },
  {
    key: 'tafilalet-igp',
    cooperative: 'dattes-de-tafilalet',
    type: 'GEOGRAPHICAL_INDICATION',
    reference: 'IGP Dattes Majhoul de Tafilalet 04/2016',
    issuedOn: '2016-04-20',
    expiresOn: null,
    verified: true,
  },
  {
    key: 'zitoun-onssa',
    cooperative: 'zitoun-ouazzane',
    type: 'FOOD_SAFETY_AUTHORIZATION',
    reference: 'ONSSA-AUT-OUZ-2022-0091',
    issuedOn: '2022-02-01',
    expiresOn: '2026-12-20',
    verified: true,
  },
  {
    key: 'doukkala-onssa',
    cooperative: 'nissae-doukkala',
    type: 'FOOD_SAFETY_AUTHORIZATION',
    reference: 'ONSSA-AUT-JDI-2021-0310',
    issuedOn: '2021-09-01',
    expiresOn: '2028-08-31',
    verified: false,
  },
  {
    key: 'nahl-onssa',
    cooperative: 'nahl-souss',
    type: 'FOOD_SAFETY_AUTHORIZATION',
    reference: 'ONSSA-AUT-TAR-2020-0072',
    issuedOn: '2020-04-01',
    expiresOn: '2025-03-31',
    verified: true,
  },
];

const weights = (p250: number, p500: number, p1k: number, stock = 20) =>
  [
    ['250g', p250, stock],
    ['500g', p500, Math.round(stock * 0.8)],
    ['1kg', p1k, Math.round(stock * 0.4)],
  ] as const;
const sizes = (price: number) =>
  [
    ['S', price, 3],
    ['M', price, 5],
    ['L', price, 4],
    ['XL', price + 2000, 2],
  ] as const;
const single = (price: number, stock: number, value = 'unité') => [[value, price, stock]] as const;

const HONEYS: [Lang3, Lang3, number][] = [
  [
    ['Miel de thym', 'عسل الزعتر', 'Thyme honey'],
    [
      'Miel de thym sauvage récolté à Dar Bouazza, crémeux et très parfumé.',
      'عسل زعتر بري من دار بوعزة',
      'Wild thyme honey from Dar Bouazza, creamy and fragrant.',
    ],
    1,
  ],
  [
    ["Miel d'eucalyptus", 'عسل الكاليبتوس', 'Eucalyptus honey'],
    [
      'Miel ambré au goût boisé, idéal pour les tisanes.',
      'عسل كاليبتوس بطعم خشبي',
      'Amber honey with a woody taste, perfect for herbal teas.',
    ],
    0.8,
  ],
  [
    ["Miel de fleur d'oranger", 'عسل زهر البرتقال', 'Orange blossom honey'],
    [
      'Miel clair et délicat des vergers du Souss.',
      'عسل فاتح ورقيق من بساتين سوس',
      'Light, delicate honey from the Souss orchards.',
    ],
    1,
  ],
  [
    ['Miel de jujubier (sidr)', 'عسل السدر', 'Jujube (sidr) honey'],
    [
      'Miel rare de jujubier sauvage, très recherché.',
      'عسل السدر البري النادر',
      'Rare wild jujube honey, highly prized.',
    ],
    2.2,
  ],
  [
    ["Miel d'euphorbe", 'عسل الدغموس', 'Euphorbia honey'],
    [
      "Miel d'euphorbe au goût poivré, traditionnellement apprécié en hiver.",
      'عسل الدغموس بطعم حار',
      'Peppery euphorbia honey, a traditional winter remedy.',
    ],
    1.8,
  ],
];

const DJELLABAS: [Lang3, number][] = [
  [['Djellaba blanche en laine', 'جلابة بيضاء من الصوف', 'White wool djellaba'], 65000],
  [['Djellaba beige en lin', 'جلابة بيج من الكتان', 'Beige linen djellaba'], 52000],
  [['Djellaba brodée pour femme', 'جلابة نسائية مطرزة', "Women's embroidered djellaba"], 78000],
  [['Djellaba homme en laine grise', 'جلابة رجالية من الصوف الرمادي', "Men's grey wool djellaba"], 69000],
  [['Djellaba enfant', 'جلابة للأطفال', "Children's djellaba"], 28000],
  [['Djellaba bleue en coton', 'جلابة زرقاء من القطن', 'Blue cotton djellaba'], 45000],
];

/** 100+ products across the demo cooperatives (honey by origin and weight, masks, djellabas, argan...). */
const PRODUCTS: DemoProduct[] = [
  ...HONEYS.map(([name, description, factor]): DemoProduct => ({
    cooperative: 'safwat-ibdaa-bladi',
    category: 'honey',
    name,
    description,
    option: 'poids',
    variants: weights(Math.round(6000 * factor), Math.round(11000 * factor), Math.round(20000 * factor)),
    certifications: ['safwat-onssa'],
  })),
  {
    cooperative: 'safwat-ibdaa-bladi',
    category: 'beeswax',
    name: ["Cire d'abeille pure en bloc", 'شمع العسل الخالص', 'Pure beeswax block'],
    description: [
      'Cire jaune filtrée pour cosmétique et bougies.',
      'شمع أصفر مصفى',
      'Filtered yellow wax for cosmetics and candles.',
    ],
    option: 'poids',
    variants: [
      ['250g', 4500, 30],
      ['1kg', 15000, 10],
    ],
  },
  {
    cooperative: 'safwat-ibdaa-bladi',
    category: 'beeswax',
    name: ["Bougies en cire d'abeille", 'شموع من شمع العسل', 'Beeswax candles'],
    description: [
      'Bougies coulées à la main, lot de quatre.',
      'شموع مصنوعة يدويا',
      'Hand-poured candles, set of four.',
    ],
    option: 'lot',
    variants: single(9000, 25, '4 bougies'),
  },
  {
    cooperative: 'safwat-ibdaa-bladi',
    category: 'royal-jelly',
    name: ['Gelée royale fraîche', 'الغذاء الملكي الطازج', 'Fresh royal jelly'],
    description: [
      'Gelée royale conservée au froid.',
      'غذاء ملكي محفوظ بالتبريد',
      'Royal jelly kept refrigerated.',
    ],
    option: 'poids',
    variants: [
      ['10g', 12000, 15],
      ['25g', 27000, 8],
    ],
    certifications: ['safwat-onssa-jelly'],
  },
  {
    cooperative: 'safwat-ibdaa-bladi',
    category: 'propolis',
    name: ['Teinture de propolis', 'صبغة العكبر', 'Propolis tincture'],
    description: [
      'Extrait hydroalcoolique de propolis brute.',
      'مستخلص العكبر',
      'Hydro-alcoholic extract of raw propolis.',
    ],
    option: 'volume',
    variants: [
      ['30ml', 8000, 20],
      ['50ml', 12000, 12],
    ],
    certifications: ['safwat-onssa'],
  },
  {
    cooperative: 'safwat-ibdaa-bladi',
    category: 'propolis',
    name: ['Propolis brute', 'العكبر الخام', 'Raw propolis'],
    description: [
      'Propolis récoltée sur les cadres, à mâcher ou infuser.',
      'عكبر خام من الخلايا',
      'Raw propolis scraped from the frames.',
    ],
    option: 'poids',
    variants: single(6000, 18, '50g'),
  },
  {
    cooperative: 'safwat-ibdaa-bladi',
    category: 'pollen',
    name: ['Pollen de fleurs', 'حبوب اللقاح', 'Bee pollen'],
    description: ['Pollen séché à basse température.', 'حبوب لقاح مجففة', 'Pollen dried at low temperature.'],
    option: 'poids',
    variants: [['250g', 7000, 14]],
  },
  {
    cooperative: 'safwat-ibdaa-bladi',
    category: 'honey',
    name: ['Coffret découverte des miels', 'علبة تذوق العسل', 'Honey tasting box'],
    description: [
      'Cinq pots de 100 g : thym, eucalyptus, oranger, jujubier, euphorbe.',
      'خمس علب من العسل',
      'Five 100 g jars of our honeys.',
    ],
    option: 'coffret',
    variants: single(25000, 6, '5 x 100g'),
    draft: true,
  },
  // Al-Manal: masks, gowns, djellabas, tapestry.
  {
    cooperative: 'al-manal',
    category: 'masks',
    name: ['Masque barrière lavable', 'كمامة واقية قابلة للغسل', 'Washable barrier mask'],
    description: [
      "Masque en tissu deux couches, conforme aux spécifications de l'Imanor.",
      'كمامة من طبقتين مطابقة لمعايير إمانور',
      'Two-layer fabric mask made to the Imanor specification.',
    ],
    option: 'lot',
    variants: [
      ['1', 1500, 300],
      ['10', 12000, 60],
    ],
    certifications: ['manal-imanor'],
  },
  {
    cooperative: 'al-manal',
    category: 'masks',
    name: ['Masque enfant lavable', 'كمامة للأطفال', "Children's washable mask"],
    description: [
      'Masque en coton pour enfants de 6 à 10 ans.',
      'كمامة قطنية للأطفال',
      'Cotton mask for children aged 6 to 10.',
    ],
    option: 'lot',
    variants: [
      ['1', 1200, 150],
      ['5', 5000, 40],
    ],
    certifications: ['manal-imanor'],
  },
  {
    cooperative: 'al-manal',
    category: 'masks',
    name: ['Masque brodé fait main', 'كمامة مطرزة يدويا', 'Hand-embroidered mask'],
    description: [
      'Masque en lin brodé de motifs de Fès.',
      'كمامة كتان مطرزة',
      'Linen mask embroidered with Fez patterns.',
    ],
    option: 'couleur',
    variants: [
      ['blanc', 3500, 25],
      ['bleu', 3500, 20],
    ],
    certifications: ['manal-imanor'],
  },
  {
    cooperative: 'al-manal',
    category: 'gowns',
    name: ['Blouse de protection lavable', 'وزرة واقية قابلة للغسل', 'Washable protective gown'],
    description: [
      'Blouse à manches longues, poignets élastiques.',
      'وزرة بأكمام طويلة',
      'Long-sleeved gown with elastic cuffs.',
    ],
    option: 'taille',
    variants: sizes(9000),
    certifications: ['manal-imanor-gowns'],
  },
  {
    cooperative: 'al-manal',
    category: 'gowns',
    name: ['Surblouse de soins', 'وزرة علاجية', 'Care overgown'],
    description: [
      'Surblouse imperméable pour le personnel soignant.',
      'وزرة مقاومة للماء',
      'Water-resistant overgown for care staff.',
    ],
    option: 'taille',
    variants: sizes(12000),
    certifications: ['manal-imanor-gowns'],
  },
  ...DJELLABAS.map(([name, price]): DemoProduct => ({
    cooperative: 'al-manal',
    category: 'djellabas',
    name,
    description: [
      'Cousue à la main par les couturières d’Al-Manal.',
      'مخيطة يدويا من طرف خياطات المنال',
      'Hand-sewn by the seamstresses of Al-Manal.',
    ],
    option: 'taille',
    variants: sizes(price),
  })),
  {
    cooperative: 'al-manal',
    category: 'tapestry',
    name: ['Tapisserie murale brodée', 'زربية حائطية مطرزة', 'Embroidered wall tapestry'],
    description: ['Tapisserie au point de Rabat.', 'طرز رباطي', 'Tapestry in Rabat stitch.'],
    option: 'format',
    variants: [
      ['60x90', 45000, 3],
      ['90x120', 70000, 2],
    ],
  },
  {
    cooperative: 'al-manal',
    category: 'tapestry',
    name: ['Housse de coussin brodée', 'غطاء وسادة مطرز', 'Embroidered cushion cover'],
    description: ['Housse 40x40 brodée main.', 'غطاء وسادة مطرز يدويا', 'Hand-embroidered 40x40 cover.'],
    option: 'couleur',
    variants: [
      ['rouge', 15000, 10],
      ['vert', 15000, 8],
      ['écru', 15000, 12],
    ],
  },
  {
    cooperative: 'al-manal',
    category: 'embroidery',
    name: ['Nappe brodée de Fès', 'مفرش مطرز فاسي', 'Fez embroidered tablecloth'],
    description: [
      'Nappe en lin brodée au point de Fès.',
      'مفرش كتان بالطرز الفاسي',
      'Linen tablecloth with Fez embroidery.',
    ],
    option: 'format',
    variants: [
      ['6 couverts', 38000, 4],
      ['8 couverts', 48000, 3],
    ],
  },
  {
    cooperative: 'al-manal',
    category: 'kaftans',
    name: ['Caftan de cérémonie', 'قفطان المناسبات', 'Ceremony kaftan'],
    description: [
      'Caftan en velours orné de sfifa.',
      'قفطان من المخمل مزين بالسفيفة',
      'Velvet kaftan trimmed with sfifa braid.',
    ],
    option: 'taille',
    variants: sizes(180000),
    draft: true,
  },
  // Tighanimine: argan.
  ...(
    [
      [
        ['Huile d’argan cosmétique', 'زيت الأركان التجميلي', 'Cosmetic argan oil'],
        'argan-oil',
        [
          ['50ml', 9000, 40],
          ['100ml', 16000, 30],
        ],
        ['tighanimine-organic', 'tighanimine-igp'],
      ],
      [
        ['Huile d’argan alimentaire grillée', 'زيت الأركان الغذائي المحمص', 'Roasted culinary argan oil'],
        'argan-oil',
        [
          ['250ml', 15000, 25],
          ['500ml', 28000, 12],
        ],
        ['tighanimine-igp'],
      ],
      [
        ['Huile d’argan bio pressée à froid', 'زيت الأركان العضوي', 'Organic cold-pressed argan oil'],
        'argan-oil',
        [['100ml', 19000, 20]],
        ['tighanimine-organic'],
      ],
      [
        ['Savon à l’huile d’argan', 'صابون بزيت الأركان', 'Argan oil soap'],
        'soaps',
        [['100g', 3500, 60]],
        [],
      ],
      [
        ['Crème de jour à l’argan', 'كريم نهاري بالأركان', 'Argan day cream'],
        'cosmetics',
        [['50ml', 12000, 18]],
        ['tighanimine-organic'],
      ],
      [
        ['Baume à lèvres argan et miel', 'مرهم الشفاه بالأركان والعسل', 'Argan and honey lip balm'],
        'cosmetics',
        [['10g', 3000, 50]],
        [],
      ],
      [
        ['Amlou traditionnel', 'أملو تقليدي', 'Traditional amlou'],
        'amlou',
        [
          ['250g', 7500, 30],
          ['500g', 14000, 15],
        ],
        ['tighanimine-igp'],
      ],
      [['Shampoing à l’argan', 'شامبو بالأركان', 'Argan shampoo'], 'cosmetics', [['250ml', 8000, 22]], []],
    ] as const
  ).map(([name, category, variants, certifications]): DemoProduct => ({
    cooperative: 'tighanimine',
    category,
    name,
    description: [
      'Produit par les femmes de la coopérative à Essaouira.',
      'من إنتاج نساء التعاونية بالصويرة',
      'Made by the women of the cooperative in Essaouira.',
    ],
    option: 'format',
    variants,
    certifications,
  })),
  // Dates.
  ...(
    [
      [['Dattes Mejhoul extra', 'تمر المجهول الممتاز', 'Extra Medjool dates'], 19000],
      [['Dattes Boufeggous', 'تمر بوفقوس', 'Boufeggous dates'], 9000],
      [['Dattes Jihel', 'تمر الجيهل', 'Jihel dates'], 6000],
      [['Dattes Bouskri', 'تمر بوسكري', 'Bouskri dates'], 8000],
      [['Pâte de dattes', 'معجون التمر', 'Date paste'], 4500],
      [
        ['Coffret de dattes fourrées aux amandes', 'علبة تمر محشو باللوز', 'Almond-stuffed dates gift box'],
        16000,
      ],
    ] as const
  ).map(([name, price], i): DemoProduct => ({
    cooperative: 'dattes-de-tafilalet',
    category: 'dates',
    name,
    description: [
      'Récoltées dans les palmeraies du Tafilalet.',
      'من واحات تافيلالت',
      'Harvested in the Tafilalet palm groves.',
    ],
    option: 'poids',
    variants: [
      ['500g', price, 25 - i],
      ['1kg', price * 2 - 1000, 10],
    ],
    certifications: i < 4 ? ['tafilalet-igp'] : [],
  })),
  // Olive oil.
  ...(
    [
      [
        ['Huile d’olive extra vierge', 'زيت الزيتون البكر الممتاز', 'Extra virgin olive oil'],
        [
          ['1L', 9000, 40],
          ['5L', 40000, 10],
        ],
      ],
      [
        ['Huile d’olive de première pression', 'زيت الزيتون المعصرة الأولى', 'First-press olive oil'],
        [['1L', 8000, 30]],
      ],
      [['Olives vertes cassées', 'زيتون أخضر مكسر', 'Cracked green olives'], [['500g', 3000, 50]]],
      [['Olives noires confites', 'زيتون أسود مرقد', 'Cured black olives'], [['500g', 3500, 45]]],
      [
        ['Tapenade d’olives au thym', 'معجون الزيتون بالزعتر', 'Olive and thyme tapenade'],
        [['200g', 4000, 25]],
      ],
      [['Savon à l’huile d’olive', 'صابون بزيت الزيتون', 'Olive oil soap'], [['150g', 2500, 60]]],
    ] as const
  ).map(([name, variants], i): DemoProduct => ({
    cooperative: 'zitoun-ouazzane',
    category: i === 5 ? 'soaps' : 'olive-oil',
    name,
    description: [
      'Des oliveraies d’Ouazzane, pressées à froid.',
      'من حقول زيتون وزان',
      'From the olive groves of Ouazzane.',
    ],
    option: 'format',
    variants,
    certifications: i < 5 ? ['zitoun-onssa'] : [],
  })),
  // Couscous.
  ...(
    [
      [
        [
          'Couscous de blé dur roulé main',
          'كسكس القمح الصلب المفتول يدويا',
          'Hand-rolled durum wheat couscous',
        ],
        3500,
      ],
      [['Couscous d’orge (belboula)', 'كسكس الشعير (بلبولة)', 'Barley couscous (belboula)'], 3800],
      [['Couscous complet', 'كسكس كامل', 'Wholegrain couscous'], 4000],
      [['Couscous aux herbes', 'كسكس بالأعشاب', 'Herb couscous'], 4500],
      [['Berkoukes', 'بركوكش', 'Berkoukes (large couscous)'], 4200],
      [['Mhamsa', 'المحمصة', 'Mhamsa pasta'], 4200],
      [['Couscous de maïs', 'كسكس الذرة', 'Corn couscous'], 3600],
      [['Seffa aux vermicelles', 'سفة بالشعرية', 'Vermicelli seffa'], 3900],
    ] as const
  ).map(([name, price], i): DemoProduct => ({
    cooperative: 'nissae-doukkala',
    category: 'couscous',
    name,
    description: [
      'Roulé à la main et séché au soleil par les femmes des Doukkala.',
      'مفتول يدويا ومجفف تحت الشمس',
      'Hand-rolled and sun-dried by the women of Doukkala.',
    ],
    option: 'poids',
    variants: [
      ['1kg', price, 30 + i],
      ['5kg', price * 5 - 2000, 5],
    ],
    certifications: ['doukkala-onssa'],
  })),
  // Rugs.
  ...(
    [
      [['Tapis Beni Ouarain', 'زربية بني وراين', 'Beni Ouarain rug'], 320000],
      [['Tapis Azilal coloré', 'زربية أزيلال ملونة', 'Colourful Azilal rug'], 240000],
      [['Tapis Boucherouite', 'زربية بوشرويت', 'Boucherouite rag rug'], 90000],
      [['Kilim berbère', 'حنبل أمازيغي', 'Berber kilim'], 150000],
      [['Tapis de prière en laine', 'سجادة صلاة من الصوف', 'Wool prayer rug'], 45000],
      [['Coussin de sol en kilim', 'وسادة أرضية من الحنبل', 'Kilim floor cushion'], 38000],
      [['Tapis de couloir Zemmour', 'زربية ممر زمور', 'Zemmour runner rug'], 180000],
      [['Plaid en laine tissé main', 'غطاء صوفي منسوج يدويا', 'Hand-woven wool throw'], 60000],
    ] as const
  ).map(([name, price], i): DemoProduct => ({
    cooperative: 'zerbia-azrou',
    category: i === 7 ? 'tapestry' : 'rugs',
    name,
    description: [
      'Tissé sur métier vertical dans le Moyen Atlas, laine de mouton naturelle.',
      'منسوج في الأطلس المتوسط',
      'Woven on an upright loom in the Middle Atlas, natural sheep wool.',
    ],
    option: 'dimensions',
    variants: [
      ['150x200', price, 2],
      ['200x300', Math.round(price * 1.8), 1],
    ],
  })),
  // Pottery.
  ...(
    [
      [['Tajine de Safi émaillé', 'طاجين آسفي المزجج', 'Glazed Safi tagine'], 18000],
      [['Tajine de cuisson en terre', 'طاجين الطهي الطيني', 'Clay cooking tagine'], 12000],
      [['Assiettes peintes (lot de 6)', 'صحون مزخرفة (6 قطع)', 'Painted plates (set of 6)'], 42000],
      [['Bol à harira', 'زلافة الحريرة', 'Harira bowl'], 6000],
      [['Vase bleu de Safi', 'مزهرية آسفي الزرقاء', 'Safi blue vase'], 25000],
      [['Plat à couscous (gsaa)', 'قصعة الكسكس', 'Couscous serving dish (gsaa)'], 35000],
      [['Théière en céramique', 'براد من الخزف', 'Ceramic teapot'], 16000],
      [['Tasses à thé (lot de 6)', 'كؤوس الشاي (6 قطع)', 'Tea cups (set of 6)'], 15000],
      [['Jarre à olives', 'خابية الزيتون', 'Olive jar'], 22000],
      [['Lampe en terre cuite ajourée', 'مصباح فخاري مثقب', 'Pierced terracotta lamp'], 28000],
    ] as const
  ).map(([name, price], i): DemoProduct => ({
    cooperative: 'fekhar-safi',
    category: 'pottery',
    name,
    description: [
      'Tourné et peint à la main dans la colline des potiers de Safi.',
      'مصنوع يدويا في تل الفخارين بآسفي',
      "Thrown and hand-painted on Safi's potters' hill.",
    ],
    option: 'couleur',
    variants: [
      ['bleu', price, 6 + (i % 4)],
      ['vert', price, 4],
      ['naturel', price - 1000, 0],
    ],
  })),
  // Soaps.
  ...(
    [
      [
        ['Savon noir beldi à l’eucalyptus', 'الصابون البلدي بالكاليبتوس', 'Eucalyptus black soap'],
        'soaps',
        3500,
      ],
      [['Savon noir beldi nature', 'الصابون البلدي الطبيعي', 'Natural black soap'], 'soaps', 3000],
      [['Ghassoul de l’Atlas', 'الغاسول الأطلسي', 'Atlas ghassoul clay'], 'cosmetics', 4000],
      [
        ['Eau de rose de Kelâat M’Gouna', 'ماء الورد من قلعة مكونة', "Kelaat M'Gouna rose water"],
        'cosmetics',
        4500,
      ],
      [['Gant de kessa', 'كيس الحمام', 'Kessa exfoliating glove'], 'cosmetics', 2000],
      [['Coffret hammam', 'علبة الحمام', 'Hammam gift box'], 'cosmetics', 15000],
      [['Savon au laurier', 'صابون بالغار', 'Laurel soap'], 'soaps', 3500],
      [['Huile de nigelle', 'زيت الحبة السوداء', 'Black seed oil'], 'cosmetics', 9000],
    ] as const
  ).map(([name, category, price], i): DemoProduct => ({
    cooperative: 'sabon-beldi-tetouan',
    category,
    name,
    description: [
      'Préparé selon la tradition du hammam de Tétouan.',
      'محضر حسب تقاليد الحمام التطواني',
      'Prepared in the hammam tradition of Tetouan.',
    ],
    option: 'format',
    variants: single(price, 15 + i * 3),
  })),
  // Nahl Souss (its ONSSA authorisation has expired).
  ...(
    [
      [['Miel de thym du Souss', 'عسل الزعتر السوسي', 'Souss thyme honey'], 1.1],
      [
        ['Miel d’euphorbe de l’Anti-Atlas', 'عسل الدغموس من الأطلس الصغير', 'Anti-Atlas euphorbia honey'],
        1.9,
      ],
      [['Miel de caroube', 'عسل الخروب', 'Carob honey'], 1.2],
      [['Miel d’arganier', 'عسل الأركان', 'Argan tree honey'], 2],
      [['Miel toutes fleurs', 'عسل متعدد الأزهار', 'Wildflower honey'], 0.7],
    ] as const
  ).map(([name, factor]): DemoProduct => ({
    cooperative: 'nahl-souss',
    category: 'honey',
    name,
    description: [
      'Ruches transhumantes de la région de Taroudant.',
      'خلايا متنقلة في منطقة تارودانت',
      'Migratory hives around Taroudant.',
    ],
    option: 'poids',
    variants: weights(Math.round(6500 * factor), Math.round(12000 * factor), Math.round(22000 * factor), 15),
    certifications: ['nahl-onssa'],
  })),
  // Asfar Oriental.
  ...(
    [
      [['Confiture de figues', 'مربى التين', 'Fig jam']],
      [['Confiture d’oranges amères', 'مربى البرتقال المر', 'Bitter orange marmalade']],
      [['Citrons confits', 'الحامض المصير', 'Preserved lemons']],
      [['Harissa artisanale', 'الهريسة التقليدية', 'Artisanal harissa']],
      [['Ras el hanout', 'رأس الحانوت', 'Ras el hanout spice mix']],
      [['Confiture de coings', 'مربى السفرجل', 'Quince jam']],
    ] as const
  ).map(([name], i): DemoProduct => ({
    cooperative: 'asfar-oriental',
    category: i === 4 ? 'spices' : 'food-local-produce',
    name,
    description: [
      'Préparé en petites séries à Oujda.',
      'محضر بكميات صغيرة في وجدة',
      'Made in small batches in Oujda.',
    ],
    option: 'poids',
    variants: single(3500 + i * 300, 20, '350g'),
  })),
  // Pastries (Arabic-named cooperative).
  ...(
    [
      [['Cornes de gazelle', 'كعب الغزال', 'Gazelle horns'], 18000],
      [['Chebakia au miel', 'الشباكية بالعسل', 'Honey chebakia'], 12000],
      [['Ghriba aux amandes', 'غريبة باللوز', 'Almond ghriba'], 11000],
      [['Fekkas aux raisins', 'الفقاص بالزبيب', 'Raisin fekkas'], 9000],
      [['Briouates aux amandes', 'البريوات باللوز', 'Almond briouats'], 16000],
    ] as const
  ).map(([name, price]): DemoProduct => ({
    cooperative: 'taaounia-alaml',
    category: 'food-local-produce',
    name,
    description: [
      'Pâtisserie marocaine faite maison à Marrakech.',
      'حلويات مغربية منزلية من مراكش',
      'Home-made Moroccan pastries from Marrakesh.',
    ],
    option: 'poids',
    variants: [
      ['500g', price / 2, 12],
      ['1kg', price, 6],
    ],
  })),
  // Dakhla: the Atlantic coast.
  ...(
    [
      [
        ['Poulpe séché de Dakhla', 'أخطبوط مجفف من الداخلة', 'Dakhla dried octopus'],
        'food-local-produce',
        14000,
      ],
      [['Sardines séchées au soleil', 'سردين مجفف بالشمس', 'Sun-dried sardines'], 'food-local-produce', 6000],
      [
        ['Huîtres fumées en bocal', 'محار مدخن في برطمان', 'Smoked oysters in a jar'],
        'food-local-produce',
        9500,
      ],
      [['Sel marin de la lagune', 'ملح بحري من البحيرة', 'Lagoon sea salt'], 'spices', 2500],
    ] as const
  ).map(([name, category, price]): DemoProduct => ({
    cooperative: 'cooperative-lagune-dakhla',
    category,
    name,
    description: [
      'Des pêcheurs de la lagune de Dakhla.',
      'من صيادي بحيرة الداخلة',
      'From the fishers of the Dakhla lagoon.',
    ],
    option: 'poids',
    variants: [
      ['250g', price, 15],
      ['500g', price * 2 - 500, 8],
    ],
  })),
  // A suspended cooperative: its products exist but stay hidden from the public.
  ...(
    [
      [['Babouches en cuir jaune', 'بلغة جلدية صفراء', 'Yellow leather babouches'], 25000],
      [['Sac en cuir tanné à Chouara', 'حقيبة جلدية مدبوغة في شوارة', 'Chouara-tanned leather bag'], 85000],
      [['Pouf en cuir brodé', 'بوف جلدي مطرز', 'Embroidered leather pouf'], 60000],
    ] as const
  ).map(([name, price]): DemoProduct => ({
    cooperative: 'cuir-de-fes',
    category: 'leather',
    name,
    description: [
      'Cuir tanné naturellement dans les tanneries de Fès.',
      'جلد مدبوغ طبيعيا في فاس',
      'Leather naturally tanned in Fez.',
    ],
    option: 'couleur',
    variants: [
      ['naturel', price, 4],
      ['rouge', price, 3],
    ],
  })),
];

/** Seed slugs: the French name's slug, unless two demo products share it (then + cooperative). */
function demoSlugs(products: readonly DemoProduct[]): string[] {
  const bases = products.map((p) => slugify(p.name[0], 'product'));
  return bases.map((base, i) =>
    bases.indexOf(base) !== bases.lastIndexOf(base) ? `${base}-${products[i].cooperative}` : base,
  );
}

const skuOf = (slug: string, value: string, i: number) =>
  `${slug.slice(0, 40)}-${slugify(value, 'option').slice(0, 16)}-${i + 1}`.toUpperCase();

export const DEMO_PRODUCT_COUNT = PRODUCTS.length;

/**
 * Demo catalog: 100+ products with fr/ar/en names, variants, prices and stock, certificates
 * (valid, expired, expiring within 30 days, one awaiting verification). Idempotent: products
 * by slug, variants by SKU per cooperative, certificates by reference; missing cooperatives
 * (their seed not run) are skipped.
 */
export const catalogSeeder: Seeder = {
  name: 'catalog',
  async run({ dataSource, report, logger }) {
    const cooperatives = await cooperativeIds(dataSource);
    const certificationIds = new Map<string, string>();
    for (const c of CERTIFICATIONS) {
      const cooperativeId = cooperatives.get(c.cooperative);
      if (!cooperativeId) continue;
      await dataSource.query(
        `INSERT INTO certifications (cooperative_id, type, reference, issued_on, expires_on, verified, verified_at)
         VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $6 THEN now() END)
         ON CONFLICT ON CONSTRAINT "UQ_certifications_reference" DO NOTHING`,
        [cooperativeId, c.type, c.reference, c.issuedOn, c.expiresOn, c.verified],
      );
      const [row] = await dataSource.query<{ id: string }[]>(
        `SELECT id FROM certifications WHERE cooperative_id = $1 AND type = $2 AND reference = $3`,
        [cooperativeId, c.type, c.reference],
      );
      certificationIds.set(c.key, row.id);
    }
    const slugs = demoSlugs(PRODUCTS);
    let created = 0;
    const skipped = new Set<string>();
    for (const [i, p] of PRODUCTS.entries()) {
      const cooperativeId = cooperatives.get(p.cooperative);
      if (!cooperativeId) {
        skipped.add(p.cooperative);
        continue;
      }
      await dataSource.transaction(async (m) => {
        const [row] = await m.query<{ id: string }[]>(
          `INSERT INTO products (cooperative_id, category_code, slug, status, default_language, name_fr, name_ar, name_en,
                                 description_fr, description_ar, description_en, published_at)
           VALUES ($1, $2, $3, $4::varchar, 'fr', $5, $6, $7, $8, $9, $10, CASE WHEN $4::varchar = 'PUBLISHED' THEN now() END)
           ON CONFLICT (slug) DO NOTHING RETURNING id`,
          [cooperativeId, p.category, slugs[i], p.draft ? 'DRAFT' : 'PUBLISHED', ...p.name, ...p.description],
        );
        if (!row) return;
        created += 1;
        const variants = p.variants.map(([value, price, stock], k) => ({
          sku: skuOf(slugs[i], value, k),
          options: [{ name: p.option, value }],
          price,
          stock,
          position: k,
        }));
        const inserted = await m.query<{ id: string; stock: number }[]>(
          `INSERT INTO product_variants (product_id, cooperative_id, sku, options, price_amount, stock, position)
           SELECT $1, $2, v.sku, v.options, v.price, v.stock, v.position
             FROM jsonb_to_recordset($3::jsonb) AS v(sku text, options jsonb, price int, stock int, position int)
           ON CONFLICT ON CONSTRAINT "UQ_product_variants_cooperative_sku" DO NOTHING
           RETURNING id, stock`,
          [row.id, cooperativeId, JSON.stringify(variants)],
        );
        await m.query(
          `INSERT INTO stock_movements (variant_id, delta, resulting_stock, reason)
           SELECT id, stock, stock, 'opening stock (demo seed)' FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, stock int)
            WHERE stock > 0`,
          [JSON.stringify(inserted)],
        );
        const certs = (p.certifications ?? []).map((k) => certificationIds.get(k)).filter((id) => !!id);
        if (certs.length)
          await m.query(
            `INSERT INTO product_certifications (product_id, certification_id) SELECT $1, unnest($2::uuid[])
             ON CONFLICT DO NOTHING`,
            [row.id, certs],
          );
      });
    }
    if (skipped.size)
      logger.warn({ cooperatives: [...skipped] }, 'catalog seed: cooperatives missing, skipped');
    report.push(`Catalog: ${created} demo products created (${PRODUCTS.length} in the demo set).`);
  },
};

async function cooperativeIds(dataSource: DataSource): Promise<Map<string, string>> {
  const slugs = [...new Set(PRODUCTS.map((p) => p.cooperative))];
  const rows = await dataSource.query<
    {
      id: string;
      slug: string;
    }[]
  >(`SELECT id, slug FROM cooperatives WHERE slug = ANY($1)`, [slugs]);
  return new Map(rows.map((r) => [r.slug, r.id]));
}
