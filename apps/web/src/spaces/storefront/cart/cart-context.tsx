import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { graphql } from '../../../gql';
import type { StoreCartFieldsFragment } from '../../../gql/graphql';
import { useI18n } from '../../../lib/i18n/i18n-context';

graphql(`
  fragment StoreCartFields on Cart {
    id
    itemCount
    total {
      amount
      currency
    }
    lines {
      id
      quantity
      lineTotal {
        amount
        currency
      }
      variant {
        id
        sku
        stock
        inStock
        name(languageCode: $lang)
        price {
          amount
          currency
        }
        product {
          id
          slug
          cooperative {
            id
            slug
            name
            minimumOrderAmount {
              amount
              currency
            }
            freeShippingThreshold {
              amount
              currency
            }
          }
        }
      }
    }
  }
`);

const StoreCartDocument = graphql(`
  query StoreCart($id: ID!, $lang: LanguageCode) {
    cart(id: $id) {
      ...StoreCartFields
    }
  }
`);
const StoreAddToCartDocument = graphql(`
  mutation StoreAddToCart($cartId: ID, $variantId: ID!, $quantity: Int!, $lang: LanguageCode) {
    addToCart(cartId: $cartId, variantId: $variantId, quantity: $quantity) {
      ...StoreCartFields
    }
  }
`);
const StoreUpdateCartLineDocument = graphql(`
  mutation StoreUpdateCartLine($cartId: ID!, $lineId: ID!, $quantity: Int!, $lang: LanguageCode) {
    updateCartLine(cartId: $cartId, lineId: $lineId, quantity: $quantity) {
      ...StoreCartFields
    }
  }
`);

export type StoreCart = StoreCartFieldsFragment;
export type StoreCartLine = StoreCart['lines'][number];

const CART_KEY = 'taawoun.cart';

function readCartId(): string | null {
  try {
    return localStorage.getItem(CART_KEY);
  } catch {
    return null;
  }
}
function writeCartId(id: string | null): void {
  try {
    if (id) localStorage.setItem(CART_KEY, id);
    else localStorage.removeItem(CART_KEY);
  } catch {
    // Storage disabled: the cart lasts for this page.
  }
}

interface CartState {
  cartId: string | null;
  cart: StoreCart | null;
  fetching: boolean;
  /** Adds units; answers the API's error (OUT_OF_STOCK, BAD_USER_INPUT...) or null. */
  add(variantId: string, quantity: number): Promise<CombinedError | null>;
  /** Sets a line's quantity (0 removes it). */
  setQuantity(lineId: string, quantity: number): Promise<CombinedError | null>;
  /** Forgets the cart. */
  forget(): void;
}

const CartContext = createContext<CartState | null>(null);

/**
 * The buyer's cart across cooperatives. A guest's cart is known only by its id, kept in this
 * browser; signed in, the API merges it into the buyer's cart the first time it is used.
 */
export function CartProvider(props: { children: ReactNode }) {
  const { locale } = useI18n();
  const [cartId, setCartId] = useState(readCartId);
  const [{ data, fetching }] = useQuery({
    query: StoreCartDocument,
    variables: { id: cartId ?? '', lang: locale },
    pause: !cartId,
  });
  const [, addToCart] = useMutation(StoreAddToCartDocument);
  const [, updateLine] = useMutation(StoreUpdateCartLineDocument);
  const remember = useCallback((id: string | null) => {
    writeCartId(id);
    setCartId(id);
  }, []);
  // A cart the API no longer answers (checked out, or another buyer's): start afresh.
  const gone = Boolean(cartId && data && data.cart === null && !fetching);
  useEffect(() => {
    if (gone) remember(null);
  }, [gone, remember]);

  const value = useMemo<CartState>(
    () => ({
      cartId,
      cart: cartId ? (data?.cart ?? null) : null,
      fetching,
      add: async (variantId, quantity) => {
        const result = await addToCart({ cartId, variantId, quantity, lang: locale });
        if (result.data) remember(result.data.addToCart.id);
        return result.error ?? null;
      },
      setQuantity: async (lineId, quantity) => {
        if (!cartId) return null;
        const result = await updateLine({ cartId, lineId, quantity, lang: locale });
        return result.error ?? null;
      },
      forget: () => remember(null),
    }),
    [cartId, data, fetching, addToCart, updateLine, remember, locale],
  );
  return <CartContext.Provider value={value}>{props.children}</CartContext.Provider>;
}

export function useCart(): CartState {
  const cart = useContext(CartContext);
  if (!cart) throw new Error('useCart outside <CartProvider>');
  return cart;
}
