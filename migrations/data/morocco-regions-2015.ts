/**
 * Administrative divisions of Morocco since the 2015 territorial reform
 * (décret n° 2-15-40 du 20 février 2015): 12 regions and their 75 prefectures and provinces
 * (13 prefectures, 62 provinces).
 *
 * Codes are ISO 3166-2:MA: `MA-01` … `MA-12` for regions, `MA-XXX` for prefectures and provinces.
 * Regions are ordered by code, prefectures and provinces alphabetically by French name.
 */

export interface RegionSeed {
  code: string;
  nameFr: string;
  nameAr: string;
  provinces: ProvinceSeed[];
}

export interface ProvinceSeed {
  code: string;
  nameFr: string;
  nameAr: string;
  kind: 'PROVINCE' | 'PREFECTURE';
}

export const MOROCCO_REGIONS_2015: readonly RegionSeed[] = [
  {
    code: 'MA-01',
    nameFr: 'Tanger-Tétouan-Al Hoceïma',
    nameAr: 'طنجة تطوان الحسيمة',
    provinces: [
      { code: 'MA-HOC', nameFr: 'Al Hoceïma', nameAr: 'الحسيمة', kind: 'PROVINCE' },
      { code: 'MA-CHE', nameFr: 'Chefchaouen', nameAr: 'شفشاون', kind: 'PROVINCE' },
      { code: 'MA-FAH', nameFr: 'Fahs-Anjra', nameAr: 'الفحص أنجرة', kind: 'PROVINCE' },
      { code: 'MA-LAR', nameFr: 'Larache', nameAr: 'العرائش', kind: 'PROVINCE' },
      { code: 'MA-MDF', nameFr: "M'diq-Fnideq", nameAr: 'المضيق الفنيدق', kind: 'PREFECTURE' },
      { code: 'MA-OUZ', nameFr: 'Ouezzane', nameAr: 'وزان', kind: 'PROVINCE' },
      { code: 'MA-TNG', nameFr: 'Tanger-Assilah', nameAr: 'طنجة أصيلة', kind: 'PREFECTURE' },
      { code: 'MA-TET', nameFr: 'Tétouan', nameAr: 'تطوان', kind: 'PROVINCE' },
    ],
  },
  {
    code: 'MA-02',
    nameFr: "L'Oriental",
    nameAr: 'الشرق',
    provinces: [
      { code: 'MA-BER', nameFr: 'Berkane', nameAr: 'بركان', kind: 'PROVINCE' },
      { code: 'MA-DRI', nameFr: 'Driouch', nameAr: 'الدريوش', kind: 'PROVINCE' },
      { code: 'MA-FIG', nameFr: 'Figuig', nameAr: 'فجيج', kind: 'PROVINCE' },
      { code: 'MA-GUF', nameFr: 'Guercif', nameAr: 'جرسيف', kind: 'PROVINCE' },
      { code: 'MA-JRA', nameFr: 'Jerada', nameAr: 'جرادة', kind: 'PROVINCE' },
      { code: 'MA-NAD', nameFr: 'Nador', nameAr: 'الناظور', kind: 'PROVINCE' },
      { code: 'MA-OUJ', nameFr: 'Oujda-Angad', nameAr: 'وجدة أنجاد', kind: 'PREFECTURE' },
      { code: 'MA-TAI', nameFr: 'Taourirt', nameAr: 'تاوريرت', kind: 'PROVINCE' },
    ],
  },
  {
    code: 'MA-03',
    nameFr: 'Fès-Meknès',
    nameAr: 'فاس مكناس',
    provinces: [
      { code: 'MA-BOM', nameFr: 'Boulemane', nameAr: 'بولمان', kind: 'PROVINCE' },
      { code: 'MA-HAJ', nameFr: 'El Hajeb', nameAr: 'الحاجب', kind: 'PROVINCE' },
      { code: 'MA-FES', nameFr: 'Fès', nameAr: 'فاس', kind: 'PREFECTURE' },
      { code: 'MA-IFR', nameFr: 'Ifrane', nameAr: 'إفران', kind: 'PROVINCE' },
      { code: 'MA-MEK', nameFr: 'Meknès', nameAr: 'مكناس', kind: 'PREFECTURE' },
      { code: 'MA-MOU', nameFr: 'Moulay Yacoub', nameAr: 'مولاي يعقوب', kind: 'PROVINCE' },
      { code: 'MA-SEF', nameFr: 'Sefrou', nameAr: 'صفرو', kind: 'PROVINCE' },
      { code: 'MA-TAO', nameFr: 'Taounate', nameAr: 'تاونات', kind: 'PROVINCE' },
      { code: 'MA-TAZ', nameFr: 'Taza', nameAr: 'تازة', kind: 'PROVINCE' },
    ],
  },
  {
    code: 'MA-04',
    nameFr: 'Rabat-Salé-Kénitra',
    nameAr: 'الرباط سلا القنيطرة',
    provinces: [
      { code: 'MA-KEN', nameFr: 'Kénitra', nameAr: 'القنيطرة', kind: 'PROVINCE' },
      { code: 'MA-KHE', nameFr: 'Khémisset', nameAr: 'الخميسات', kind: 'PROVINCE' },
      { code: 'MA-RAB', nameFr: 'Rabat', nameAr: 'الرباط', kind: 'PREFECTURE' },
      { code: 'MA-SAL', nameFr: 'Salé', nameAr: 'سلا', kind: 'PREFECTURE' },
      { code: 'MA-SIK', nameFr: 'Sidi Kacem', nameAr: 'سيدي قاسم', kind: 'PROVINCE' },
      { code: 'MA-SIL', nameFr: 'Sidi Slimane', nameAr: 'سيدي سليمان', kind: 'PROVINCE' },
      { code: 'MA-SKH', nameFr: 'Skhirate-Témara', nameAr: 'الصخيرات تمارة', kind: 'PREFECTURE' },
    ],
  },
  {
    code: 'MA-05',
    nameFr: 'Béni Mellal-Khénifra',
    nameAr: 'بني ملال خنيفرة',
    provinces: [
      { code: 'MA-AZI', nameFr: 'Azilal', nameAr: 'أزيلال', kind: 'PROVINCE' },
      { code: 'MA-BEM', nameFr: 'Béni Mellal', nameAr: 'بني ملال', kind: 'PROVINCE' },
      { code: 'MA-FQH', nameFr: 'Fquih Ben Salah', nameAr: 'الفقيه بن صالح', kind: 'PROVINCE' },
      { code: 'MA-KHN', nameFr: 'Khénifra', nameAr: 'خنيفرة', kind: 'PROVINCE' },
      { code: 'MA-KHO', nameFr: 'Khouribga', nameAr: 'خريبكة', kind: 'PROVINCE' },
    ],
  },
  {
    code: 'MA-06',
    nameFr: 'Casablanca-Settat',
    nameAr: 'الدار البيضاء سطات',
    provinces: [
      { code: 'MA-BES', nameFr: 'Benslimane', nameAr: 'بنسليمان', kind: 'PROVINCE' },
      { code: 'MA-BRR', nameFr: 'Berrechid', nameAr: 'برشيد', kind: 'PROVINCE' },
      { code: 'MA-CAS', nameFr: 'Casablanca', nameAr: 'الدار البيضاء', kind: 'PREFECTURE' },
      { code: 'MA-JDI', nameFr: 'El Jadida', nameAr: 'الجديدة', kind: 'PROVINCE' },
      { code: 'MA-MED', nameFr: 'Médiouna', nameAr: 'مديونة', kind: 'PROVINCE' },
      { code: 'MA-MOH', nameFr: 'Mohammedia', nameAr: 'المحمدية', kind: 'PREFECTURE' },
      { code: 'MA-NOU', nameFr: 'Nouaceur', nameAr: 'النواصر', kind: 'PROVINCE' },
      { code: 'MA-SET', nameFr: 'Settat', nameAr: 'سطات', kind: 'PROVINCE' },
      { code: 'MA-SIB', nameFr: 'Sidi Bennour', nameAr: 'سيدي بنور', kind: 'PROVINCE' },
    ],
  },
  {
    code: 'MA-07',
    nameFr: 'Marrakech-Safi',
    nameAr: 'مراكش آسفي',
    provinces: [
      { code: 'MA-HAO', nameFr: 'Al Haouz', nameAr: 'الحوز', kind: 'PROVINCE' },
      { code: 'MA-CHI', nameFr: 'Chichaoua', nameAr: 'شيشاوة', kind: 'PROVINCE' },
      { code: 'MA-KES', nameFr: 'El Kelâa des Sraghna', nameAr: 'قلعة السراغنة', kind: 'PROVINCE' },
      { code: 'MA-ESI', nameFr: 'Essaouira', nameAr: 'الصويرة', kind: 'PROVINCE' },
      { code: 'MA-MAR', nameFr: 'Marrakech', nameAr: 'مراكش', kind: 'PREFECTURE' },
      { code: 'MA-REH', nameFr: 'Rehamna', nameAr: 'الرحامنة', kind: 'PROVINCE' },
      { code: 'MA-SAF', nameFr: 'Safi', nameAr: 'آسفي', kind: 'PROVINCE' },
      { code: 'MA-YUS', nameFr: 'Youssoufia', nameAr: 'اليوسفية', kind: 'PROVINCE' },
    ],
  },
  {
    code: 'MA-08',
    nameFr: 'Drâa-Tafilalet',
    nameAr: 'درعة تافيلالت',
    provinces: [
      { code: 'MA-ERR', nameFr: 'Errachidia', nameAr: 'الرشيدية', kind: 'PROVINCE' },
      { code: 'MA-MID', nameFr: 'Midelt', nameAr: 'ميدلت', kind: 'PROVINCE' },
      { code: 'MA-OUA', nameFr: 'Ouarzazate', nameAr: 'ورزازات', kind: 'PROVINCE' },
      { code: 'MA-TIN', nameFr: 'Tinghir', nameAr: 'تنغير', kind: 'PROVINCE' },
      { code: 'MA-ZAG', nameFr: 'Zagora', nameAr: 'زاكورة', kind: 'PROVINCE' },
    ],
  },
  {
    code: 'MA-09',
    nameFr: 'Souss-Massa',
    nameAr: 'سوس ماسة',
    provinces: [
      { code: 'MA-AGD', nameFr: 'Agadir-Ida-Ou-Tanane', nameAr: 'أكادير إداوتنان', kind: 'PREFECTURE' },
      { code: 'MA-CHT', nameFr: 'Chtouka-Aït Baha', nameAr: 'اشتوكة آيت باها', kind: 'PROVINCE' },
      { code: 'MA-INE', nameFr: 'Inezgane-Aït Melloul', nameAr: 'إنزكان آيت ملول', kind: 'PREFECTURE' },
      { code: 'MA-TAR', nameFr: 'Taroudant', nameAr: 'تارودانت', kind: 'PROVINCE' },
      { code: 'MA-TAT', nameFr: 'Tata', nameAr: 'طاطا', kind: 'PROVINCE' },
      { code: 'MA-TIZ', nameFr: 'Tiznit', nameAr: 'تيزنيت', kind: 'PROVINCE' },
    ],
  },
  {
    code: 'MA-10',
    nameFr: 'Guelmim-Oued Noun',
    nameAr: 'كلميم واد نون',
    provinces: [
      { code: 'MA-ASZ', nameFr: 'Assa-Zag', nameAr: 'آسا الزاك', kind: 'PROVINCE' },
      { code: 'MA-GUE', nameFr: 'Guelmim', nameAr: 'كلميم', kind: 'PROVINCE' },
      { code: 'MA-SIF', nameFr: 'Sidi Ifni', nameAr: 'سيدي إفني', kind: 'PROVINCE' },
      { code: 'MA-TNT', nameFr: 'Tan-Tan', nameAr: 'طانطان', kind: 'PROVINCE' },
    ],
  },
  {
    code: 'MA-11',
    nameFr: 'Laâyoune-Sakia El Hamra',
    nameAr: 'العيون الساقية الحمراء',
    provinces: [
      { code: 'MA-BOD', nameFr: 'Boujdour', nameAr: 'بوجدور', kind: 'PROVINCE' },
      { code: 'MA-ESM', nameFr: 'Es-Semara', nameAr: 'السمارة', kind: 'PROVINCE' },
      { code: 'MA-LAA', nameFr: 'Laâyoune', nameAr: 'العيون', kind: 'PROVINCE' },
      { code: 'MA-TAF', nameFr: 'Tarfaya', nameAr: 'طرفاية', kind: 'PROVINCE' },
    ],
  },
  {
    code: 'MA-12',
    nameFr: 'Dakhla-Oued Ed-Dahab',
    nameAr: 'الداخلة وادي الذهب',
    provinces: [
      { code: 'MA-AOU', nameFr: 'Aousserd', nameAr: 'أوسرد', kind: 'PROVINCE' },
      { code: 'MA-OUD', nameFr: 'Oued Ed-Dahab', nameAr: 'وادي الذهب', kind: 'PROVINCE' },
    ],
  },
];
