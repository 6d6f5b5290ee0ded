/** The tokens of a signed-in browser, kept in localStorage so a reload stays signed in. */
export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

const KEY = 'taawoun.session';
type Listener = (tokens: Tokens | null) => void;

/** The current tokens, with listeners (the session context re-renders on change). */
export class TokenStore {
  private tokens: Tokens | null;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly storage: Storage | null = safeLocalStorage()) {
    this.tokens = this.read();
  }

  get current(): Tokens | null {
    return this.tokens;
  }

  set(tokens: Tokens | null): void {
    this.tokens = tokens;
    try {
      if (tokens) this.storage?.setItem(KEY, JSON.stringify(tokens));
      else this.storage?.removeItem(KEY);
    } catch {
      // Storage full or disabled: the session lasts for this page only.
    }
    for (const listener of this.listeners) listener(tokens);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private read(): Tokens | null {
    try {
      const raw = this.storage?.getItem(KEY);
      if (!raw) return null;
      const parsed = JSON.parse(raw) as Partial<Tokens>;
      return typeof parsed.accessToken === 'string' && typeof parsed.refreshToken === 'string'
        ? { accessToken: parsed.accessToken, refreshToken: parsed.refreshToken }
        : null;
    } catch {
      return null;
    }
  }
}

function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
