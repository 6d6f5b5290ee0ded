import { COOPERATIVE_TRANSITIONS } from '../review/cooperative-transitions.js';

/**
 * The trigger function that enforces the review workflow for every writer of `cooperatives`:
 * an update of `status` must follow an edge of {@link COOPERATIVE_TRANSITIONS} (inserts may start
 * in any state: seeds, fixtures). The current definition, generated from the same graph the
 * services use; applied by migration CooperativeReviewWorkflow, and
 * test/sql-definitions-cooperatives.e2e-spec.ts checks that the migrated database holds exactly
 * this text. A change here needs a migration that applies it.
 */
export const COOPERATIVES_STATUS_TRANSITION_FUNCTION = `CREATE OR REPLACE FUNCTION cooperatives_status_transition() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF NEW.status IS DISTINCT FROM OLD.status AND NOT (OLD.status, NEW.status) IN (
      ${[...COOPERATIVE_TRANSITIONS]
        .flatMap(([from, targets]) => targets.map((to) => `('${from}', '${to}')`))
        .join(',\n      ')}
    ) AND coalesce(current_setting('taawoun.allow_any_cooperative_status', true), '') <> 'on' THEN
      RAISE EXCEPTION 'cooperative % cannot go from % to %', OLD.id, OLD.status, NEW.status
        USING ERRCODE = 'check_violation', CONSTRAINT = 'cooperatives_status_transition';
    END IF;
    RETURN NEW;
  END $$`;

/** The trigger running it (created with the function by the same migration). */
export const COOPERATIVES_STATUS_TRANSITION_TRIGGER = `CREATE OR REPLACE TRIGGER "cooperatives_status_transition"
  BEFORE UPDATE OF "status" ON "cooperatives"
  FOR EACH ROW EXECUTE FUNCTION cooperatives_status_transition()`;

/** Every database function and trigger of the cooperatives lib, in the order they apply. */
export const COOPERATIVES_SQL_DEFINITIONS = [
  COOPERATIVES_STATUS_TRANSITION_FUNCTION,
  COOPERATIVES_STATUS_TRANSITION_TRIGGER,
] as const;
