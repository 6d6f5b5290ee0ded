/**
 * The catalog's search functions and the trigger keeping a product's search columns: their
 * current definitions (applied by migrations; test/sql-definitions.e2e-spec.ts checks the
 * migrated database has exactly these). Changing one: edit it here AND add a migration that
 * applies the new text.
 */

/**
 * Lower-case, unaccented, Arabic without tashkeel (U+064B–U+065F, U+0670) or tatweel (U+0640),
 * hamza-carrying alefs folded to alef, alef maqsura to ya and ta marbuta to ha.
 */
export const CATALOG_NORMALIZE_SQL = `CREATE OR REPLACE FUNCTION catalog_normalize(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(immutable_unaccent(translate(regexp_replace($1, '[\\u064B-\\u065F\\u0670\\u0640]', '', 'g'), 'أإآٱىة', 'اااايه'))) $$`;

/** The letters of a word in sorted order: two words with the same letters are swaps of each other. */
export const CATALOG_SORTED_LETTERS_SQL = `CREATE OR REPLACE FUNCTION catalog_sorted_letters(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT string_agg(c, '' ORDER BY c COLLATE "C") FROM regexp_split_to_table($1, '') AS c $$`;

/** A typo of a word: one edit (two from 7 letters on), a swap of two letters, or close trigrams. */
export const CATALOG_IS_TYPO_SQL = `CREATE OR REPLACE FUNCTION catalog_is_typo(candidate text, word text) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT abs(length(candidate) - length(word)) <= 2 AND (
           levenshtein_less_equal(candidate, word, 2) <= CASE WHEN length(word) >= 7 THEN 2 ELSE 1 END
        OR (length(candidate) = length(word) AND catalog_sorted_letters(candidate) = catalog_sorted_letters(word))
        OR similarity(candidate, word) >= 0.5) $$`;

/**
 * Each of the first 8 words of a phrase with its typo neighbours among its 64 nearest words of
 * the vocabulary by trigram distance (GiST KNN). Not STRICT and a single SELECT: inlined.
 */
export const CATALOG_SEARCH_ALTERNATIVES_SQL = `CREATE OR REPLACE FUNCTION catalog_search_alternatives(phrase text) RETURNS TABLE (word text, alt text)
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT w.word, a.alt
      FROM (SELECT lexeme AS word FROM unnest(to_tsvector('simple', catalog_normalize(phrase))) LIMIT 8) w
      CROSS JOIN LATERAL (
        SELECT w.word AS alt
        UNION
        SELECT n.word FROM (
          SELECT v.word FROM catalog_search_words v
           WHERE length(w.word) >= 4
           ORDER BY v.word <-> w.word
           LIMIT 64
        ) n
         WHERE n.word <> w.word AND catalog_is_typo(n.word, w.word)
      ) a
  $$`;

/** The tsquery of a search phrase: every word (as a prefix) or one of its typo neighbours, all required. */
export const CATALOG_SEARCH_QUERY_SQL = `CREATE OR REPLACE FUNCTION catalog_search_query(text) RETURNS tsquery
  LANGUAGE sql STABLE PARALLEL SAFE STRICT
  AS $$
    SELECT to_tsquery('simple', string_agg('(' || g.alts || ')', ' & '))
      FROM (SELECT a.word, string_agg(quote_literal(a.alt) || CASE WHEN a.alt = a.word THEN ':*' ELSE '' END, ' | ') AS alts
              FROM catalog_search_alternatives($1) a
             GROUP BY a.word) g
  $$`;

/** Keeps `search_text`, `search_document` and the typo vocabulary (`catalog_search_words`) of a product. */
export const CATALOG_PRODUCTS_SEARCH_REFRESH_SQL = `CREATE OR REPLACE FUNCTION catalog_products_search_refresh() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    NEW.search_text := catalog_normalize(concat_ws(' ', NEW.name_fr, NEW.name_ar, NEW.name_en,
                                                   NEW.description_fr, NEW.description_ar, NEW.description_en));
    NEW.search_document :=
      setweight(to_tsvector('simple', catalog_normalize(concat_ws(' ', NEW.name_fr, NEW.name_ar, NEW.name_en))), 'A') ||
      setweight(to_tsvector('simple', catalog_normalize(concat_ws(' ', NEW.description_fr, NEW.description_ar, NEW.description_en))), 'B');
    -- The vocabulary of typo correction (numbers are not words to correct). Sorted, so
    -- concurrent writers insert shared words in one order (no deadlock).
    INSERT INTO catalog_search_words (word)
      SELECT lexeme FROM unnest(NEW.search_document) WHERE length(lexeme) BETWEEN 3 AND 40 AND lexeme !~ '^[0-9]+$' ORDER BY lexeme
      ON CONFLICT DO NOTHING;
    RETURN NEW;
  END $$`;

export const TRG_PRODUCTS_SEARCH_SQL = `CREATE TRIGGER "TRG_products_search" BEFORE INSERT OR UPDATE OF name_fr, name_ar, name_en, description_fr, description_ar, description_en
  ON "products" FOR EACH ROW EXECUTE FUNCTION catalog_products_search_refresh()`;
