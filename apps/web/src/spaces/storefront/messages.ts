import { defineMessages } from '../../lib/i18n/messages';

/** The storefront's texts (fr is the source of the keys; ar and en must give every one). */
export const storefrontMessages = defineMessages(
  {
    'home.title': 'Les produits des coopératives du Maroc',
    'home.lead': 'Miel, huile d’argan, safran, tapis… achetés directement aux coopératives qui les font.',
    'home.featured': 'Coopératives à découvrir',
    'home.browse': 'Voir tous les produits',
    'home.noCooperatives': 'Aucune coopérative pour le moment.',
    'cooperative.womenLed': 'Dirigée par des femmes',
  },
  {
    ar: {
      'home.title': 'منتجات تعاونيات المغرب',
      'home.lead': 'عسل، زيت أركان، زعفران، زرابي… تُشترى مباشرة من التعاونيات التي تصنعها.',
      'home.featured': 'تعاونيات للاكتشاف',
      'home.browse': 'عرض جميع المنتجات',
      'home.noCooperatives': 'لا توجد تعاونيات حاليًا.',
      'cooperative.womenLed': 'تديرها نساء',
    },
    en: {
      'home.title': 'The products of Morocco’s cooperatives',
      'home.lead': 'Honey, argan oil, saffron, rugs… bought directly from the cooperatives that make them.',
      'home.featured': 'Cooperatives to discover',
      'home.browse': 'See all products',
      'home.noCooperatives': 'No cooperatives yet.',
      'cooperative.womenLed': 'Women-led',
    },
  },
);
