import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bounds the work of a search phrase (issue 8, item 3). The typo expansion used to test every
 * word of the vocabulary (`catalog_is_typo`, levenshtein and similarity per row) for each word
 * of the phrase. Now:
 * - the vocabulary has a GiST trigram index (replacing an unused GIN one), and the typo
 *   candidates of a word are its 64 nearest words by trigram distance (`<->` KNN with a LIMIT,
 *   served by that index), then checked with `catalog_is_typo`;
 * - at most 8 words of a phrase are expanded (the API refuses more before SQL; this is the
 *   second guard);
 * - `catalog_search_alternatives` is an inlinable SQL function, so `EXPLAIN` shows its plan.
 */
export class SearchCostBounds1796001000000 implements MigrationInterface {
  name = 'SearchCostBounds1796001000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_catalog_search_words_trgm"`);
    await q.query(
      `CREATE INDEX "IDX_catalog_search_words_trgm_gist" ON "catalog_search_words" USING gist ("word" gist_trgm_ops)`,
    );
    // Not STRICT and a single SELECT: PostgreSQL inlines it into the calling query.
    await q.query(
      `CREATE FUNCTION catalog_search_alternatives(phrase text) RETURNS TABLE (word text, alt text)
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
       $$`,
    );
    await q.query(
      `CREATE OR REPLACE FUNCTION catalog_search_query(text) RETURNS tsquery
       LANGUAGE sql STABLE PARALLEL SAFE STRICT
       AS $$
         SELECT to_tsquery('simple', string_agg('(' || g.alts || ')', ' & '))
           FROM (SELECT a.word, string_agg(quote_literal(a.alt) || CASE WHEN a.alt = a.word THEN ':*' ELSE '' END, ' | ') AS alts
                   FROM catalog_search_alternatives($1) a
                  GROUP BY a.word) g
       $$`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE OR REPLACE FUNCTION catalog_search_query(text) RETURNS tsquery
       LANGUAGE sql STABLE PARALLEL SAFE STRICT
       AS $$
         WITH words AS (
           SELECT lexeme AS word FROM unnest(to_tsvector('simple', catalog_normalize($1)))
         ), alternatives AS (
           SELECT w.word, string_agg(quote_literal(a.alt) || CASE WHEN a.alt = w.word THEN ':*' ELSE '' END, ' | ') AS alts
             FROM words w
             CROSS JOIN LATERAL (
               SELECT w.word AS alt
               UNION
               SELECT v.word FROM catalog_search_words v
                WHERE length(w.word) >= 4 AND v.word <> w.word AND catalog_is_typo(v.word, w.word)
             ) a
            GROUP BY w.word
         )
         SELECT to_tsquery('simple', string_agg('(' || alts || ')', ' & ')) FROM alternatives
       $$`,
    );
    await q.query(`DROP FUNCTION catalog_search_alternatives(text)`);
    await q.query(`DROP INDEX "IDX_catalog_search_words_trgm_gist"`);
    await q.query(
      `CREATE INDEX "IDX_catalog_search_words_trgm" ON "catalog_search_words" USING gin ("word" gin_trgm_ops)`,
    );
  }
}
